namespace Storyline.Documents;

/// <summary>What a line of scraped text is, as the seeds' gold labels it.</summary>
public enum LineLabel { Title, Dateline, Heading, Body, Caption, Boilerplate }

public sealed record Line(Span Span, LineLabel Label)
{
    /// <summary>Title, heading and body lines make up the article; captions and boilerplate do not.</summary>
    public bool IsArticle => Label is LineLabel.Title or LineLabel.Heading or LineLabel.Body;
}

public enum TokenKind : byte { Word, Number, Punctuation, Quote, Symbol, Url }

public readonly record struct Token(Span Span, TokenKind Kind);

/// <summary>A sentence; its tokens are <c>Document.Tokens[FirstToken .. FirstToken + TokenCount)</c> when <see cref="TokenCount"/> &gt; 0.</summary>
public sealed record Sentence(Span Span, int FirstToken = 0, int TokenCount = 0);

/// <summary>A named-entity mention; <see cref="EntityId"/> is set by the entity linker.</summary>
public sealed record EntityMention(Span Span, string Type, string? EntityId = null);

/// <summary>
/// A canonical entity: one person, organisation or place, with every name it goes by. <see cref="StandsFor"/> is
/// the id of the entity a metonym stands for ("the Kremlin" → <c>place:russia</c>); <see cref="Evidence"/> says
/// why differently spelled names were merged ("Witkopf ~ Witkoff: same first name, surname similarity 0.94").
/// </summary>
public sealed record Entity(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    string? StandsFor = null,
    IReadOnlyList<string>? Evidence = null)
{
    /// <summary>How many mentions in the document (or corpus, once linked) refer to this entity.</summary>
    public int MentionCount { get; init; }
}

public enum StatementKind { Direct, Indirect, Mixed }

/// <summary>An attributed statement: who said what (content span), how (cue), to whom and when.</summary>
/// <remarks><see cref="Confidence"/> estimates the chance (0–1) that this is a true attribution with the right
/// speaker; null where no estimate was made (statements stored before it existed).</remarks>
public sealed record Statement(
    Span Content,
    StatementKind Kind,
    string? Speaker,
    Span? SpeakerSpan = null,
    Span? Cue = null,
    string? Addressee = null,
    DateOnly? SaidOn = null,
    bool SaidOnIsPublication = false,
    double? Confidence = null);

public enum TimexType { Date, Time, Duration, Set }

/// <summary>A time expression with its TIMEX3 value (2025-12-04, 2025-W50, P30D, PRESENT_REF …).</summary>
public sealed record TimeExpression(Span Span, TimexType Type, string Value);

/// <summary>Something that happened between actors; negated or hypothetical events are marked, not dropped.</summary>
public sealed record Event(
    Span Span,
    string Type,
    IReadOnlyList<string> Participants,
    string? Date = null,
    string? Place = null,
    bool Negated = false,
    bool Hypothetical = false);

/// <summary>A numeric claim: a quantity with its unit and what it counts.</summary>
public sealed record Claim(Span Span, string Quantity, string? Unit = null, string? Subject = null, string? Claimant = null);

/// <summary>A claim and the passage that denies or contests it, within one document.</summary>
public sealed record Dispute(Span Claim, Span DisputedBy);
