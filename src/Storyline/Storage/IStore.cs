using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Storage;

public enum SaveOutcome
{
    Added,
    AlreadyStored,

    /// <summary>The text is a near-duplicate of a stored one (the same wire story elsewhere): recorded as another publication of it.</summary>
    NearDuplicate,
}

/// <summary>What <see cref="IStore.SaveMany"/> did with one document: its outcome, or why it was not stored.</summary>
public readonly record struct SaveResult(SaveOutcome? Outcome, Exception? Error);

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
    int Length,
    bool SaidOnIsPublication = false,
    string? Title = null,
    double? Confidence = null);

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
    string Body)
{
    /// <summary>The stored metadata as a document carries it, for loading a stored document back.</summary>
    public DocumentMetadata ToMetadata() => new()
    {
        SourceUri = SourceUri,
        Title = Title,
        Outlet = Outlet,
        Authors = Authors,
        Published = Published,
        PublishedInferred = PublishedInferred,
        PublishedNote = PublishedNote,
        Language = Language,
    };
}

/// <summary>
/// Filters for <see cref="IStore.QueryStatements"/>; null means "any". <see cref="EntityId"/> keeps the statements
/// the entity made: its speaker name is one of the entity's names, or its speaker span is a mention linked to it.
/// <see cref="Ids"/> keeps the statements with these <see cref="StatementRecord.Id"/>s (the members of a cluster).
/// </summary>
public sealed record StatementQuery(
    string? Speaker = null,
    string? Text = null,
    string? Outlet = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Offset = 0,
    int Limit = 100,
    string? EntityId = null,
    string? DocumentId = null,
    IReadOnlyCollection<long>? Ids = null);

/// <summary>Filters for <see cref="ICorpusStore.QueryDocuments"/>: full-text words, outlet, publication date range.</summary>
public sealed record DocumentQuery(
    string? Text = null,
    string? Outlet = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Offset = 0,
    int Limit = 100);

/// <summary>An entity as stored, with how often the corpus mentions and quotes it.</summary>
public sealed record EntityRecord(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    long Mentions,
    long Documents,
    long Statements);

/// <summary>Filters for <see cref="ICorpusStore.QueryEntities"/>: <see cref="Name"/> matches any alias as a substring.</summary>
public sealed record EntityQuery(string? Name = null, string? Type = null, int Offset = 0, int Limit = 100);

public enum TimelineRole { Said, Mentioned, Event }

/// <summary>
/// One dated item of an entity's timeline: a statement it made, a statement that mentions it, or an event it
/// takes part in; <see cref="Start"/> and <see cref="Length"/> locate it in its document. <see cref="Date"/> is a
/// TIMEX value: a day (<c>2025-12-04</c>) for statements, possibly coarser (<c>2025-12</c>) for events.
/// </summary>
public sealed record TimelineEntry(
    string? Date,
    TimelineRole Role,
    string DocumentId,
    string? Outlet,
    string? Title,
    int Start,
    int Length,
    string Text,
    string? Speaker,
    string? Type);

/// <summary>A stored dispute: a claim and the passage that contests it, with both texts.</summary>
public sealed record DisputeRecord(
    string DocumentId,
    string? Outlet,
    string? Title,
    DateOnly? Published,
    Span Claim,
    string ClaimText,
    Span DisputedBy,
    string DisputedByText);

/// <summary>An outlet and how many stored documents it published.</summary>
public sealed record OutletRecord(string Name, long Documents);

/// <summary>A page of a list: the items from <c>Offset</c> and the number of items in the whole list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total);

/// <summary>
/// The one place with side effects. Identity is the document's content hash: saving the same document twice
/// stores it once, and a near-duplicate text (<see cref="Documents.MinHash"/>) is stored as another publication of the
/// text it duplicates. Every document is written in one transaction with all its annotations.
/// </summary>
public interface IStore : IDisposable
{
    SaveOutcome Save(Document document);

    /// <summary>
    /// Saves documents in order, each as atomically as <see cref="Save"/>: one that fails is reported in its result
    /// and leaves nothing behind, the others are stored. A store may write them all in one transaction (SQLite does);
    /// this default saves them one by one.
    /// </summary>
    IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<Document> documents)
    {
        var results = new SaveResult[documents.Count];
        for (int i = 0; i < documents.Count; i++)
        {
            try
            {
                results[i] = new SaveResult(Save(documents[i]), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                results[i] = new SaveResult(null, e);
            }
        }
        return results;
    }

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

/// <summary>
/// The corpus views on top of the core contract: events, clusters and stories, entities, timelines, disputes, and
/// re-running the stages on a stored document. The stories stage and the web app read and write through it.
/// Both stores implement it, with the same answers (the shared contract tests hold them to it).
/// </summary>
public interface ICorpusStore : IStore
{
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

    /// <summary>How many statements <paramref name="query"/> matches, ignoring its offset and limit.</summary>
    long CountStatements(StatementQuery query);

    /// <summary>The stored document with every stored annotation, as the pipeline left it; null when unknown.</summary>
    Document? Load(string id);

    /// <summary>
    /// Replaces every annotation of a stored document (after a re-run of the stages) in one transaction; the text
    /// and identity stay. False when no such document is stored.
    /// </summary>
    bool Update(Document document);

    Page<DocumentRecord> QueryDocuments(DocumentQuery query);

    Page<EntityRecord> QueryEntities(EntityQuery query);

    EntityRecord? GetEntity(string id);

    /// <summary>What the entity said, where it is mentioned in statements, and its events, by date.</summary>
    Page<TimelineEntry> EntityTimeline(string entityId, int offset = 0, int limit = 100);

    Page<DisputeRecord> Disputes(int offset = 0, int limit = 100);

    IReadOnlyList<OutletRecord> Outlets();
}
