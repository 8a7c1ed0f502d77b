using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Storage;

public enum SaveOutcome { Added, AlreadyStored }

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
/// stores it once. Every document is written in one transaction with all its annotations.
/// </summary>
public interface IStore : IDisposable
{
    SaveOutcome Save(Document document);

    bool Contains(string documentId);

    long CountDocuments();

    long CountStatements();

    DocumentRecord? GetDocument(string id);

    IEnumerable<DocumentRecord> Documents(int offset = 0, int limit = int.MaxValue);

    IEnumerable<StatementRecord> QueryStatements(StatementQuery query);

    /// <summary>Stored events, in document order.</summary>
    IEnumerable<EventRecord> Events(int offset = 0, int limit = int.MaxValue);

    /// <summary>The spans of a document's article lines (title, headings, body), in order.</summary>
    IReadOnlyList<Span> ArticleSpans(string documentId);

    /// <summary>Replaces the stored clusters, stories and cross-document disputes with these, in one transaction.</summary>
    void SaveStories(StoryGraph graph);

    IReadOnlyList<StatementClusterRecord> StatementClusters();

    IReadOnlyList<EventClusterRecord> EventClusters();

    IReadOnlyList<StoryRecord> Stories();

    IReadOnlyList<CrossDisputeRecord> CrossDisputes();
}
