namespace Storyline.Storage;

/// <summary>An event as stored, with the document that reported it; <see cref="Text"/> is the event's passage.</summary>
public sealed record EventRecord(
    long Id,
    string DocumentId,
    string? SourceUri,
    string? Outlet,
    DateOnly? Published,
    string Type,
    IReadOnlyList<string> Participants,
    string? Date,
    string? Place,
    bool Negated,
    bool Hypothetical,
    string Text,
    int Start,
    int Length);

/// <summary>Reports of one utterance across documents; <see cref="StatementIds"/> are <see cref="StatementRecord.Id"/>s.</summary>
public sealed record StatementClusterRecord(
    string Id,
    string? Speaker,
    DateOnly? From,
    DateOnly? To,
    string Label,
    int Documents,
    IReadOnlyList<long> StatementIds);

/// <summary>Reports of one event across documents; <see cref="EventIds"/> are <see cref="EventRecord.Id"/>s.</summary>
public sealed record EventClusterRecord(
    string Id,
    string Type,
    DateOnly? From,
    DateOnly? To,
    string Label,
    int Documents,
    IReadOnlyList<long> EventIds);

/// <summary>A thread of statement and event clusters over time.</summary>
public sealed record StoryRecord(
    string Id,
    string Title,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<string> StatementClusterIds,
    IReadOnlyList<string> EventClusterIds);

/// <summary>
/// A claim in one document and the passage of another that denies or contests it. Spans are character offsets
/// into each document's <see cref="DocumentRecord.Text"/>. <see cref="Reason"/> is <c>negation</c> or <c>quantity</c>.
/// </summary>
public sealed record CrossDisputeRecord(
    long Id,
    string ClaimDocumentId,
    int ClaimStart,
    int ClaimLength,
    string ClaimText,
    string DisputedDocumentId,
    int DisputedStart,
    int DisputedLength,
    string DisputedText,
    string Reason);
