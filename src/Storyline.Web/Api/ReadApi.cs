using Microsoft.AspNetCore.Http.HttpResults;
using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>The read endpoints: open to anyone who can reach the server.</summary>
internal static class ReadApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapGet("/info", (ICorpusStore store, ServerOptions options) =>
            TypedResults.Ok(new ServerInfo(StorylineServer.Version, store.CountDocuments(), store.CountStatements(), options.Writable)))
            .WithTags("info").WithSummary("Counts of the store, and whether this server accepts writes");

        var documents = api.MapGroup("/documents").WithTags("documents");
        documents.MapGet("", ListDocuments).WithSummary("Documents, latest first; q searches title and body");
        documents.MapGet("/{id}", GetDocument).WithSummary("One document with its text and every annotation");

        api.MapGet("/statements", ListStatements).WithTags("statements")
            .WithSummary("Who said what, when, reported by whom; every filter narrows the list");

        var entities = api.MapGroup("/entities").WithTags("entities");
        entities.MapGet("", ListEntities).WithSummary("People, organisations and places, most quoted first");
        entities.MapGet("/{id}", GetEntity).WithSummary("One entity with its names and counts");
        entities.MapGet("/{id}/timeline", Timeline).WithSummary("What the entity said, where statements mention it, and its events, by date");

        api.MapGet("/outlets", (ICorpusStore store, int? offset, int? limit) =>
        {
            var errors = new RequestErrors();
            var page = errors.Page(offset, limit);
            return errors.Any ? (Results<Ok<PageDto<OutletRecord>>, ValidationProblem>)errors.Problem() : TypedResults.Ok(PageDto<OutletRecord>.Of(page.Slice(store.Outlets()), page));
        }).WithTags("outlets").WithSummary("Outlets, with how many documents each published");

        api.MapGet("/disputes", (ICorpusStore store, int? offset, int? limit) =>
        {
            var errors = new RequestErrors();
            var page = errors.Page(offset, limit);
            if (errors.Any)
                return (Results<Ok<PageDto<DisputeItem>>, ValidationProblem>)errors.Problem();
            return TypedResults.Ok(PageDto<DisputeItem>.Of(page.Slice(AllDisputes(store)), page));
        }).WithTags("disputes").WithSummary("Claims and the passages that contest them, across outlets and within one article");

        var stories = api.MapGroup("/stories").WithTags("stories");
        stories.MapGet("", (IStoryReader reader, int? offset, int? limit) =>
        {
            var errors = new RequestErrors();
            var page = errors.Page(offset, limit);
            return errors.Any ? (Results<Ok<PageDto<StorySummary>>, ValidationProblem>)errors.Problem() : TypedResults.Ok(PageDto<StorySummary>.Of(reader.Stories(page.Offset, page.Limit), page));
        }).WithSummary("Stories: threads of statements and events across outlets, latest first");
        stories.MapGet("/{id}", Results<Ok<StoryDetail>, ProblemHttpResult> (IStoryReader reader, string id) =>
            reader.GetStory(id) is { } story ? TypedResults.Ok(story) : Problems.NotFound($"no story {id}"))
            .WithSummary("One story with every report of each statement and the disputes across sources");

        api.MapGet("/search", Search).WithTags("search").WithSummary("Documents, statements and entities matching the words of q");
    }

    /// <summary>Across documents first (one outlet denied by another), then those within one article.</summary>
    internal static List<DisputeItem> AllDisputes(ICorpusStore store)
    {
        var documents = DocumentLookup(store);
        return [.. store.CrossDisputes().Select(x => DisputeItem.From(x, documents)), .. store.Disputes(0, int.MaxValue).Items.Select(DisputeItem.From)];
    }

    /// <summary>Documents by id, each read once per request.</summary>
    internal static Func<string, DocumentRecord?> DocumentLookup(ICorpusStore store)
    {
        var cache = new Dictionary<string, DocumentRecord?>(StringComparer.Ordinal);
        return id => cache.TryGetValue(id, out var d) ? d : cache[id] = store.GetDocument(id);
    }

    private static Results<Ok<PageDto<DocumentSummary>>, ValidationProblem> ListDocuments(
        ICorpusStore store, string? q, string? outlet, DateOnly? from, DateOnly? to, int? offset, int? limit)
    {
        var errors = new RequestErrors();
        var page = errors.Page(offset, limit);
        errors.DateRange(from, to);
        if (errors.Any)
            return errors.Problem();
        var found = store.QueryDocuments(new DocumentQuery(Problems.Given(q), Problems.Given(outlet), from, to, page.Offset, page.Limit));
        return TypedResults.Ok(Summaries(found, page));
    }

    private static PageDto<DocumentSummary> Summaries(Page<DocumentRecord> found, PageRequest page) =>
        new([.. found.Items.Select(DocumentSummary.From)], found.Total, page.Offset, page.Limit);

    private static Results<Ok<DocumentDetail>, ProblemHttpResult> GetDocument(ICorpusStore store, string id) =>
        store.Load(id) is { } d ? TypedResults.Ok(DocumentDetail.From(d)) : Problems.NotFound($"no document {id}");

    private static Results<Ok<PageDto<StatementRecord>>, ValidationProblem> ListStatements(
        ICorpusStore store, string? speaker, string? entity, string? q, string? outlet, string? document, DateOnly? from, DateOnly? to, int? offset, int? limit)
    {
        var errors = new RequestErrors();
        var page = errors.Page(offset, limit);
        errors.DateRange(from, to);
        if (errors.Any)
            return errors.Problem();
        var query = new StatementQuery(Problems.Given(speaker), Problems.Given(q), Problems.Given(outlet), from, to, page.Offset, page.Limit,
            Problems.Given(entity), Problems.Given(document));
        return TypedResults.Ok(new PageDto<StatementRecord>([.. store.QueryStatements(query)], store.CountStatements(query), page.Offset, page.Limit));
    }

    private static Results<Ok<PageDto<EntityRecord>>, ValidationProblem> ListEntities(ICorpusStore store, string? name, string? type, int? offset, int? limit)
    {
        var errors = new RequestErrors();
        var page = errors.Page(offset, limit);
        if (errors.Any)
            return errors.Problem();
        return TypedResults.Ok(PageDto<EntityRecord>.Of(store.QueryEntities(new EntityQuery(Problems.Given(name), Problems.Given(type), page.Offset, page.Limit)), page));
    }

    private static Results<Ok<EntityRecord>, ProblemHttpResult> GetEntity(ICorpusStore store, string id) =>
        store.GetEntity(id) is { } e ? TypedResults.Ok(e) : Problems.NotFound($"no entity {id}");

    private static Results<Ok<PageDto<TimelineEntry>>, ValidationProblem, ProblemHttpResult> Timeline(ICorpusStore store, string id, int? offset, int? limit)
    {
        var errors = new RequestErrors();
        var page = errors.Page(offset, limit);
        if (errors.Any)
            return errors.Problem();
        if (store.GetEntity(id) is null)
            return Problems.NotFound($"no entity {id}");
        return TypedResults.Ok(PageDto<TimelineEntry>.Of(store.EntityTimeline(id, page.Offset, page.Limit), page));
    }

    private static Results<Ok<SearchResult>, ValidationProblem> Search(ICorpusStore store, string? q, int? offset, int? limit)
    {
        var errors = new RequestErrors();
        var page = errors.Page(offset, limit);
        var words = Problems.Given(q);
        if (words is null)
            errors.Add("q", "is required: the words to search for");
        if (errors.Any || words is null)
            return errors.Problem();
        var statements = new StatementQuery(Text: words, Offset: page.Offset, Limit: page.Limit);
        return TypedResults.Ok(new SearchResult(
            words,
            Summaries(store.QueryDocuments(new DocumentQuery(words, Offset: page.Offset, Limit: page.Limit)), page),
            new PageDto<StatementRecord>([.. store.QueryStatements(statements)], store.CountStatements(statements), page.Offset, page.Limit),
            PageDto<EntityRecord>.Of(store.QueryEntities(new EntityQuery(words, Offset: page.Offset, Limit: page.Limit)), page)));
    }
}
