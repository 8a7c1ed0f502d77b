using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>Reports of one utterance: the same speaker, the same occasion, the same content, across outlets.</summary>
public sealed record StatementCluster(string Id, string? Speaker, DateOnly? From, DateOnly? To, IReadOnlyList<StatementMention> Members)
{
    /// <summary>The longest report: usually the fullest wording, and the one a reader would quote.</summary>
    public StatementMention Representative => Members.OrderByDescending(m => m.Text.Length).ThenBy(m => m.Key, StringComparer.Ordinal).First();

    public int DocumentCount => Members.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).Count();
}

/// <summary>Reports of one event across outlets.</summary>
public sealed record EventCluster(string Id, string Type, DateOnly? From, DateOnly? To, IReadOnlyList<EventMention> Members)
{
    public EventMention Representative => Members.OrderByDescending(m => m.Text.Length).ThenBy(m => m.Key, StringComparer.Ordinal).First();

    public int DocumentCount => Members.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).Count();

    public IReadOnlyList<string> Participants => Members.SelectMany(m => m.Participants).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
}

/// <summary>A thread of related statement and event clusters over time.</summary>
public sealed record Story(string Id, string Title, DateOnly? From, DateOnly? To, IReadOnlyList<string> StatementClusterIds, IReadOnlyList<string> EventClusterIds);

/// <summary>Why two passages in two documents contradict each other.</summary>
public enum DisputeReason
{
    /// <summary>One denies what the other asserts ("We did not annex Crimea" / "Russia annexed Crimea").</summary>
    Negation,

    /// <summary>The same thing with a different number ("three-year war" / "four-year war").</summary>
    Quantity,
}

/// <summary>A claim in one document and a passage of another that denies or contests it.</summary>
public sealed record CrossDispute(
    string ClaimDocumentId, Span Claim, string ClaimText,
    string DisputedDocumentId, Span DisputedBy, string DisputedText,
    DisputeReason Reason);

/// <summary>Everything <see cref="StoryIndex.Build"/> derives: clusters, stories, disputes.</summary>
public sealed record StoryGraph(
    IReadOnlyList<StatementCluster> StatementClusters,
    IReadOnlyList<EventCluster> EventClusters,
    IReadOnlyList<Story> Stories,
    IReadOnlyList<CrossDispute> Disputes);
