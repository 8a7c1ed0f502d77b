using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Tests.Support;
using Storyline.Web;

namespace Storyline.Tests.Web;

/// <summary>
/// A real Kestrel server on a free loopback port over a real SQLite file: the seed articles run through the real
/// pipeline, plus the hand-made annotated documents of <see cref="AnnotatedSamples"/>, whose statements and
/// entities the assertions name (the seeds' annotations change as the stages improve; these do not).
/// </summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string ApiKey = "test-key-7f3a";

    private readonly TempDir _dir = new();
    private WebApplication? _app;

    public SqliteStore Store { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = new SqliteStore(_dir.File("web.db"));
        var pipeline = Pipeline.CreateDefault();
        foreach (var source in new FileSource(_ => { }).Read([Samples.SeedsDir]))
            Store.Save(pipeline.Process(source));
        foreach (var d in AnnotatedSamples.All())
            Store.Save(d);
        // As `storyline stories` does: cluster the stored statements into stories across documents.
        global::Storyline.Stories.StoredStories.Update(Store);
        (_app, BaseAddress) = await Start(new ServerOptions(Store, ["http://127.0.0.1:0"], ApiKey));
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary>Starts a server and returns it with the address it bound.</summary>
    public static async Task<(WebApplication App, Uri Address)> Start(ServerOptions options)
    {
        var app = StorylineServer.Build(options, logging => logging.ClearProviders());
        await app.StartAsync();
        return (app, new Uri(StorylineServer.BoundAddresses(app).Single()));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
        Store?.Dispose();
        _dir.Dispose();
    }
}

[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<WebServer>;

/// <summary>Hand-made documents with every annotation set, as the stages would set them.</summary>
public static class AnnotatedSamples
{
    public const string Mayor = "Elena Varga";
    public const string MayorId = "person:elena-varga";
    public const string Spokesperson = "Ana Ruiz";
    public const int SpokespersonStatements = 12;
    public const string XssSpeaker = "Zed <img src=x onerror=\"window.__xss=1\">";

    public static IEnumerable<Document> All() => [Gazette(), Post(), Briefing(), Hostile()];

    /// <summary>A direct quote, an indirect denial, a date, two people, an event and a dispute.</summary>
    public static Document Gazette()
    {
        const string title = "Tram line to open before summer, mayor says";
        const string text = title + "\nMayor Elena Varga said on Monday that the new tram line “will open before the summer”. Transport minister Tomas Brandt denied that any date had been agreed.";
        var d = Make(text, "https://harbour-gazette.example/tram", "Harbour Gazette", new DateOnly(2025, 11, 4), title);
        d.Statements =
        [
            new Statement(At(text, "will open before the summer"), StatementKind.Direct, Mayor, At(text, "Elena Varga"), At(text, "said"), SaidOn: new DateOnly(2025, 11, 3)),
            new Statement(At(text, "any date had been agreed"), StatementKind.Indirect, "Tomas Brandt", At(text, "Tomas Brandt"), At(text, "denied"), SaidOn: new DateOnly(2025, 11, 3)),
        ];
        d.Entities = [new Entity(MayorId, Mayor, "PERSON", ["Varga", "Mayor Elena Varga"]), new Entity("person:tomas-brandt", "Tomas Brandt", "PERSON", ["Brandt"])];
        d.Mentions = [new EntityMention(At(text, "Elena Varga"), "PERSON", MayorId), new EntityMention(At(text, "Tomas Brandt"), "PERSON", "person:tomas-brandt")];
        d.TimeExpressions = [new TimeExpression(At(text, "on Monday"), TimexType.Date, "2025-11-03")];
        d.Events = [new Event(At(text, "Mayor Elena Varga said on Monday"), "press_conference", [Mayor], "2025-11-03")];
        d.Disputes = [new Dispute(At(text, "the new tram line “will open before the summer”"), At(text, "Transport minister Tomas Brandt denied that any date had been agreed."))];
        return d;
    }

    /// <summary>The same statement reported by a second outlet, the speaker named by surname only.</summary>
    public static Document Post()
    {
        const string text = "Trams by summer\nThe tram line will open before the summer, Varga told reporters on Tuesday.";
        var d = Make(text, "https://valley-post.example/trams", "Valley Post", new DateOnly(2025, 11, 5), "Trams by summer");
        d.Statements = [new Statement(At(text, "The tram line will open before the summer"), StatementKind.Indirect, Mayor, At(text, "Varga"), At(text, "told reporters"), SaidOn: new DateOnly(2025, 11, 4))];
        d.Entities = [new Entity(MayorId, Mayor, "PERSON", ["Varga"])];
        d.Mentions = [new EntityMention(At(text, "Varga"), "PERSON", MayorId)];
        return d;
    }

    /// <summary>Many statements by one speaker, for paging.</summary>
    public static Document Briefing()
    {
        var lines = Enumerable.Range(1, SpokespersonStatements).Select(i => $"Spokesperson Ana Ruiz said: “Point number {i} stands.”").Prepend("Daily briefing").ToList();
        var text = string.Join("\n", lines);
        var d = Make(text, "https://harbour-gazette.example/briefing", "Harbour Gazette", new DateOnly(2025, 11, 6), "Daily briefing");
        d.Statements = [.. Enumerable.Range(1, SpokespersonStatements).Select(i =>
            new Statement(At(text, $"Point number {i} stands."), StatementKind.Direct, Spokesperson, SaidOn: new DateOnly(2025, 11, 6)))];
        return d;
    }

    /// <summary>Markup where text belongs: in a statement, a speaker name, a title and a source URI.</summary>
    public static Document Hostile()
    {
        const string title = "<img src=x onerror=\"window.__xss=2\">Breaking";
        const string text = title + "\nThe hacker said: “<script>window.__xss=3</script><img src=x onerror=\"window.__xss=4\"> is not a quote”.";
        var d = Make(text, "javascript:window.__xss=5", "<b>Bold</b> Outlet", new DateOnly(2025, 11, 7), title);
        d.Statements = [new Statement(At(text, "<script>window.__xss=3</script><img src=x onerror=\"window.__xss=4\"> is not a quote"), StatementKind.Direct, XssSpeaker, Cue: At(text, "said"))];
        return d;
    }

    private static Document Make(string text, string uri, string outlet, DateOnly published, string title)
    {
        var d = new Document(text, new DocumentMetadata { SourceUri = uri, Outlet = outlet, Published = published, Title = title, Language = "en" });
        int firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        d.Lines =
        [
            new Line(new Span(0, firstBreak), LineLabel.Title),
            .. LinesAfter(text, firstBreak + 1).Select(s => new Line(s, LineLabel.Body)),
        ];
        return d;
    }

    private static IEnumerable<Span> LinesAfter(string text, int start)
    {
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            yield return Span.FromBounds(start, end);
            start = end + 1;
        }
    }

    private static Span At(string text, string part)
    {
        int i = text.IndexOf(part, StringComparison.Ordinal);
        if (i < 0)
            throw new ArgumentException($"'{part}' is not in the sample");
        return new Span(i, part.Length);
    }
}
