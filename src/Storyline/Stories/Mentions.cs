using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// One report of a statement in one document: the unit the clusterer groups. <see cref="Key"/> is its identity
/// (document id and span), stable across runs, so a cluster can be stored and re-read.
/// </summary>
public sealed record StatementMention(
    string DocumentId,
    Span Span,
    string Text,
    string? Speaker,
    DateOnly? SaidOn,
    bool SaidOnIsApproximate,
    DateOnly? Published,
    string? Outlet = null,
    StatementKind Kind = StatementKind.Direct,
    long? StatementId = null)
{
    public string Key => $"{DocumentId}:{Span.Start}:{Span.Length}";

    /// <summary>
    /// Set when this mention continues the one before it in a split quotation ("“A,” he said. “B.”"):
    /// the <see cref="Key"/> of the part before the cue.
    /// </summary>
    public string? ContinuationOf { get; init; }

    /// <summary>
    /// Set when this direct quote follows, at once, a reported statement of the same speaker ("X said that …. “…”"):
    /// the <see cref="Key"/> of that report, which the quote usually bears out.
    /// </summary>
    public string? ElaborationOf { get; init; }

    /// <summary>The date the words were spoken, else the publication date: where it sits on a timeline.</summary>
    public DateOnly? When => SaidOn ?? Published;
}

/// <summary>One report of an event in one document.</summary>
public sealed record EventMention(
    string DocumentId,
    Span Span,
    string Text,
    string Type,
    IReadOnlyList<string> Participants,
    string? Date,
    string? Place,
    DateOnly? Published,
    string? Outlet = null,
    long? EventId = null)
{
    public string Key => $"{DocumentId}:{Span.Start}:{Span.Length}";

    /// <summary>The first day <see cref="Date"/> names (a day, or the start of a month or year), else the publication date.</summary>
    public DateOnly? When => TimexDays.TryParse(Date, out var first, out _) ? first : Published;
}

/// <summary>A sentence of an article body; the other side of a cross-document dispute is often one.</summary>
public sealed record SentenceMention(string DocumentId, Span Span, string Text, DateOnly? Published);
