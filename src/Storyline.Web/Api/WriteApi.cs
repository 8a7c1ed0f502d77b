using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>
/// The write endpoints, mapped only when an API key is configured. Every request names the key in
/// <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>); without it the answer is 401.
/// </summary>
internal static class WriteApi
{
    private const string KeyHeader = StorylineServer.ApiKeyHeader;

    /// <summary>
    /// Checks the key before routing binds anything: a request without it learns nothing about its body, not even
    /// that the body is malformed. Reads (GET, HEAD) need no key.
    /// </summary>
    public static void RequireKey(IApplicationBuilder app, string apiKey)
    {
        var key = Encoding.UTF8.GetBytes(apiKey);
        app.Use(async (context, next) =>
        {
            bool read = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method);
            if (read || !context.Request.Path.StartsWithSegments("/api") || HasKey(context.Request, key))
            {
                await next(context);
                return;
            }
            await Unauthorized(context).ExecuteAsync(context);
        });
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");

        api.MapPost("/documents", Ingest).WithTags("documents")
            .WithSummary("Ingest one document ({url, html | text, published?, outlet?}): run the pipeline and store what it finds")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/rerun", Rerun).WithTags("documents")
            .WithSummary("Run the annotation stages again over one stored document (?document=id) or all of them")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static bool HasKey(HttpRequest request, byte[] key)
    {
        string? given = request.Headers[KeyHeader].FirstOrDefault();
        if (given is null && request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            given = auth["Bearer ".Length..].Trim();
        // Constant time, so the reply's timing does not tell how much of a guessed key was right.
        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), key);
    }

    private static ProblemHttpResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{KeyHeader}\"";
        return TypedResults.Problem(title: "API key required", detail: $"send the server's API key in the {KeyHeader} header",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static Results<Created<IngestResponse>, Ok<IngestResponse>, ValidationProblem, ProblemHttpResult> Ingest(
        IngestRequest request, ICorpusStore store, Pipeline pipeline, CorpusRefresher corpus, ILoggerFactory logs)
    {
        var errors = new RequestErrors();
        if (Problems.Given(request.Url) is null)
            errors.Add("url", "is required: where the document comes from");
        else if (!Uri.TryCreate(request.Url, UriKind.Absolute, out _))
            errors.Add("url", "must be an absolute URI");
        if ((request.Html is null) == (request.Text is null))
            errors.Add("html", "give exactly one of html and text");
        var content = request.Html ?? request.Text;
        if (content is not null && string.IsNullOrWhiteSpace(content))
            errors.Add(request.Html is null ? "text" : "html", "is empty");
        if (content is not null && content.Contains('\0', StringComparison.Ordinal))
            errors.Add(request.Html is null ? "text" : "html", "holds NUL characters: binary data, not a document");
        if (errors.Any)
            return errors.Problem();

        var source = new SourceDocument(request.Url!.Trim(), content!, request.Html is null ? ContentKind.Text : ContentKind.Html, request.Published, Problems.Given(request.Outlet));
        if (store.Contains(source.Id))
            return TypedResults.Ok(Response(source.Id, IngestOutcome.AlreadyStored, store.Load(source.Id)));
        Document document;
        try
        {
            document = pipeline.Process(source);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logs.CreateLogger(typeof(WriteApi)).LogError(e, "pipeline failed on {Url}", source.Uri);
            return TypedResults.Problem(title: "The pipeline could not read this document", detail: $"{e.GetType().Name}: {e.Message}",
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
        var outcome = store.Save(document) == SaveOutcome.Added ? IngestOutcome.Added : IngestOutcome.AlreadyStored;
        if (outcome == IngestOutcome.Added)
            corpus.Refresh();
        var response = Response(document.Id, outcome, document);
        return outcome == IngestOutcome.Added ? TypedResults.Created(response.Location, response) : TypedResults.Ok(response);
    }

    private static IngestResponse Response(string id, IngestOutcome outcome, Document? d) =>
        new(id, outcome, $"/api/documents/{id}", d?.Statements.Count ?? 0, d?.Entities.Count ?? 0);

    private static Results<Ok<RerunResponse>, ProblemHttpResult> Rerun(ICorpusStore store, Pipeline pipeline, CorpusRefresher corpus, string? document)
    {
        if (Problems.Given(document) is { } wanted)
        {
            if (store.Load(wanted) is not { } one)
                return Problems.NotFound($"no document {wanted}");
            int found = Reannotate(one, store, pipeline);
            corpus.Refresh();
            return TypedResults.Ok(new RerunResponse(1, found));
        }
        int documents = 0;
        long statements = 0;
        // Ids first, then one document at a time: the whole corpus is never in memory.
        var ids = new List<string>();
        for (int offset = 0; ; offset += PageRequest.MaxLimit)
        {
            var page = store.QueryDocuments(new DocumentQuery(Offset: offset, Limit: PageRequest.MaxLimit));
            ids.AddRange(page.Items.Select(d => d.Id));
            if (page.Items.Count < PageRequest.MaxLimit)
                break;
        }
        foreach (var id in ids)
        {
            if (store.Load(id) is not { } stored)
                continue;
            statements += Reannotate(stored, store, pipeline);
            documents++;
        }
        corpus.Refresh();
        return TypedResults.Ok(new RerunResponse(documents, statements));
    }

    /// <summary>
    /// Extraction's output (text, metadata, lines) is kept; every later annotation is made afresh by the current
    /// stages, so a better model applies to documents ingested before it.
    /// </summary>
    private static int Reannotate(Document stored, ICorpusStore store, Pipeline pipeline)
    {
        var fresh = new Document(stored.Text, stored.Metadata, stored.Id) { Lines = stored.Lines };
        pipeline.Annotate(fresh);
        store.Update(fresh);
        return fresh.Statements.Count;
    }
}
