using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyline.Storage;
using Storyline.Web.Api;

namespace Storyline.Web.Pages;

/// <summary>
/// The browser UI: one GET endpoint per page, each reading what its page shows from the store and rendering a
/// Razor component on the server (<see cref="RazorComponentResult{TComponent}"/>). Query parameters come from plain
/// GET forms, so every view has an address and works without JavaScript. Values that do not parse are ignored,
/// as a cleared form field is.
/// </summary>
internal static class UiPages
{
    /// <summary>Items on one page of a list.</summary>
    public const int PageSize = 25;

    public static void Map(IEndpointRouteBuilder app)
    {
        var ui = app.MapGroup("").ExcludeFromDescription();
        ui.MapGet("/", Home);
        ui.MapGet("/stories", (IStoryReader reader, string? offset) =>
            Render<StoriesPage>(new { Stories = reader.Stories(Offset(offset), PageSize), Offset = Offset(offset) }));
        ui.MapGet("/stories/{id}", (IStoryReader reader, string id) =>
            reader.GetStory(id) is { } story ? Render<StoryPage>(new { Story = story }) : NotFound($"There is no story {id}."));
        ui.MapGet("/people", People);
        ui.MapGet("/people/{id}", Person);
        ui.MapGet("/quotes", Quotes);
        ui.MapGet("/documents", Documents);
        ui.MapGet("/documents/{id}", (ICorpusStore store, string id, string? start, string? length) =>
            store.Load(id) is { } d
                ? Render<DocumentPage>(new { Document = DocumentDetail.From(d), TargetStart = Number(start), TargetLength = Number(length) })
                : NotFound($"There is no document {id}."));
        ui.MapGet("/search", Search);
    }

    private static RazorComponentResult Render<T>(object parameters, int status = StatusCodes.Status200OK) where T : IComponent =>
        new RazorComponentResult<T>(parameters) { StatusCode = status };

    private static RazorComponentResult NotFound(string what) => Render<NotFoundPage>(new { What = what }, StatusCodes.Status404NotFound);

    private static RazorComponentResult Home(ICorpusStore store, IStoryReader reader) => Render<HomePage>(new
    {
        Documents = store.CountDocuments(),
        Statements = store.CountStatements(),
        Stories = reader.Stories(0, 5).Items,
        People = store.QueryEntities(new EntityQuery(Type: "PERSON", Limit: 8)).Items,
        Latest = store.QueryDocuments(new DocumentQuery(Limit: 8)).Items,
        Disputes = (IReadOnlyList<DisputeItem>)ReadApi.AllDisputes(store).Take(5).ToList(),
    });

    private static RazorComponentResult People(ICorpusStore store, string? name, string? type, string? offset)
    {
        var filter = new EntityQuery(Problems.Given(name), Problems.Given(type), Offset(offset), PageSize);
        return Render<PeoplePage>(new { Filter = filter, Entities = store.QueryEntities(filter) });
    }

    private static RazorComponentResult Person(ICorpusStore store, string id, string? offset)
    {
        if (store.GetEntity(id) is not { } entity)
            return NotFound($"There is no entity {id}.");
        return Render<PersonPage>(new { Entity = entity, Timeline = store.EntityTimeline(id, Offset(offset), PageSize), Offset = Offset(offset) });
    }

    private static RazorComponentResult Quotes(ICorpusStore store, string? q, string? speaker, string? outlet, string? from, string? to, string? entity, string? offset)
    {
        var filter = new StatementQuery(Problems.Given(speaker), Problems.Given(q), Problems.Given(outlet), Day(from), Day(to), Offset(offset), PageSize,
            Problems.Given(entity));
        return Render<QuotesPage>(new
        {
            Filter = filter,
            Statements = (IReadOnlyList<StatementRecord>)[.. store.QueryStatements(filter)],
            Total = store.CountStatements(filter),
            Outlets = store.Outlets(),
        });
    }

    private static RazorComponentResult Documents(ICorpusStore store, string? q, string? outlet, string? from, string? to, string? offset)
    {
        var filter = new DocumentQuery(Problems.Given(q), Problems.Given(outlet), Day(from), Day(to), Offset(offset), PageSize);
        return Render<DocumentsPage>(new { Filter = filter, Found = store.QueryDocuments(filter), Outlets = store.Outlets() });
    }

    private static RazorComponentResult Search(ICorpusStore store, string? q)
    {
        const int limit = 10;
        var words = Problems.Given(q);
        if (words is null)
            return Render<SearchPage>(new { Query = "" });
        var statements = new StatementQuery(Text: words, Limit: limit);
        return Render<SearchPage>(new
        {
            Query = words,
            Statements = (IReadOnlyList<StatementRecord>)[.. store.QueryStatements(statements)],
            StatementTotal = store.CountStatements(statements),
            Found = store.QueryDocuments(new DocumentQuery(words, Limit: limit)),
            Entities = store.QueryEntities(new EntityQuery(words, Limit: limit)),
        });
    }

    private static int? Number(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;

    private static int Offset(string? s) => Number(s) is { } n ? Math.Min(n, int.MaxValue - PageSize) : 0;

    private static DateOnly? Day(string? s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
