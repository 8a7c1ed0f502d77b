using Storyline.Documents;

namespace Storyline.Storage;

public enum SaveOutcome
{
    Added,
    AlreadyStored,

    /// <summary>The text is a near-duplicate of a stored one (the same wire story elsewhere): recorded as another publication of it.</summary>
    NearDuplicate,
}

/// <summary>
/// One place a stored text appeared: its URL, outlet and date. A wire story republished by many sites is one document
/// with many publications; <see cref="VariantId"/> is the content hash of the version that was seen there.
/// </summary>
public sealed record PublicationRecord(string DocumentId, string SourceUri, string VariantId, string? Outlet, string? Title, DateOnly? Published);

/// <summary>A statement as stored: what was said, by whom, when, and where it was reported.</summary>
public sealed record StatementRecord(
    long Id,
    string DocumentId,
    string? SourceUri,
    string? Outlet,
    DateOnly? Published,
    string? Speaker,
    string Kind,
    string Text,
    string? Cue,
    string? Addressee,
    DateOnly? SaidOn,
    int Start,
    int Length);

/// <summary>A document as stored, without its annotations.</summary>
public sealed record DocumentRecord(
    string Id,
    string? SourceUri,
    string? Title,
    string? Outlet,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    bool PublishedInferred,
    string? PublishedNote,
    string? Language,
    string Text,
    string Body);

/// <summary>Filters for <see cref="IStore.QueryStatements"/>; null means "any".</summary>
public sealed record StatementQuery(
    string? Speaker = null,
    string? Text = null,
    string? Outlet = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Offset = 0,
    int Limit = 100);

/// <summary>
/// The one place with side effects. Identity is the document's content hash: saving the same document twice
/// stores it once, and a near-duplicate text (<see cref="Documents.MinHash"/>) is stored as another publication of the
/// text it duplicates. Every document is written in one transaction with all its annotations.
/// </summary>
public interface IStore : IDisposable
{
    SaveOutcome Save(Document document);

    /// <summary>True when this content hash is stored, as a document or as a variant of one.</summary>
    bool Contains(string documentId);

    long CountPublications();

    /// <summary>Where a stored document appeared, first seen first.</summary>
    IReadOnlyList<PublicationRecord> Publications(string documentId);

    long CountDocuments();

    long CountStatements();

    DocumentRecord? GetDocument(string id);

    IEnumerable<DocumentRecord> Documents(int offset = 0, int limit = int.MaxValue);

    IEnumerable<StatementRecord> QueryStatements(StatementQuery query);
}
