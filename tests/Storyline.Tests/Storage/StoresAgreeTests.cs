using System.Text.Json;
using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Tests.Support;
using Storyline.Tests.Web;
using Storyline.Web;

namespace Storyline.Tests.Storage;

/// <summary>
/// The same corpus (the seed articles through the real pipeline, and the hand-made annotated samples) stored in
/// SQLite and in PostgreSQL, clustered into stories in each: every read of the corpus store, and every page of the
/// API served over each by Kestrel, must be the same, row for row.
/// </summary>
[Collection("postgres")]
public sealed class StoresAgreeTests(PostgresServer server) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Json(object? value) => JsonSerializer.Serialize(value);

    private (SqliteStore Sqlite, PostgresStore Postgres) Stores()
    {
        var postgres = new PostgresStore(server.Url(server.CreateDatabase()));
        var sqlite = new SqliteStore(_dir.File("agree.db"));
        var pipeline = Pipeline.CreateDefault();
        var documents = new FileSource(_ => { }).Read([Samples.SeedsDir]).Select(pipeline.Process).Concat(AnnotatedSamples.All()).ToList();
        foreach (var d in documents)
            Assert.Equal(sqlite.Save(d), postgres.Save(d));
        StoredStories.Update(sqlite);
        StoredStories.Update(postgres);
        return (sqlite, postgres);
    }

    [SkippableFact]
    public void Every_corpus_read_gives_the_same_rows_in_both_stores()
    {
        var (sqlite, postgres) = Stores();
        using (sqlite)
        using (postgres)
            AllReadsAgree(sqlite, postgres);
    }

    [SkippableFact]
    public void Every_corpus_read_still_agrees_once_the_corpus_is_revised()
    {
        var (sqlite, postgres) = Stores();
        using (sqlite)
        using (postgres)
        {
            // Revision rewrites the documents it relinks or dates in place: both stores must rewrite them alike.
            Assert.Equal(CorpusRevision.Apply(sqlite), CorpusRevision.Apply(postgres));
            AllReadsAgree(sqlite, postgres);
        }
    }

    private static void AllReadsAgree(SqliteStore sqlite, PostgresStore postgres)
    {
        void Same(Func<ICorpusStore, object?> read, string what) => Assert.True(Json(read(sqlite)) == Json(read(postgres)), $"{what} differs:\n{Json(read(sqlite))}\n{Json(read(postgres))}");

        Same(s => s.Documents(), "documents");
        Same(s => (s.CountDocuments(), s.CountStatements(), s.CountPublications()), "counts");
        Same(s => s.Outlets(), "outlets");
        Same(s => s.Disputes(), "disputes");
        Same(s => s.Events(), "events");
        Same(s => s.StatementClusters(), "statement clusters");
        Same(s => s.EventClusters(), "event clusters");
        Same(s => s.Stories(), "stories");
        Same(s => s.CrossDisputes(), "cross-document disputes");
        Same(s => s.QueryStatements(new StatementQuery(Limit: 1000)), "statements");
        Same(s => s.QueryStatements(new StatementQuery(Speaker: "varga", Offset: 1, Limit: 1)), "statements by speaker");
        Same(s => s.QueryStatements(new StatementQuery(Text: "summer tram")), "statements by words");
        Same(s => s.QueryDocuments(new DocumentQuery(Text: "the", Limit: 3)), "documents by words");
        Same(s => s.QueryDocuments(new DocumentQuery(Outlet: "HARBOUR GAZETTE")), "documents by outlet");
        var entities = sqlite.QueryEntities(new EntityQuery(Limit: 500));
        Assert.True(entities.Total > 4, "the seeds should bring entities of their own");
        Same(s => s.QueryEntities(new EntityQuery(Limit: 500)), "entities");
        Same(s => s.QueryEntities(new EntityQuery(Name: "a", Type: "person", Limit: 5)), "entities by name");
        foreach (var e in entities.Items)
        {
            Same(s => s.GetEntity(e.Id), $"entity {e.Id}");
            Same(s => s.EntityTimeline(e.Id), $"timeline of {e.Id}");
            Same(s => s.QueryStatements(new StatementQuery(EntityId: e.Id)), $"statements of {e.Id}");
        }
        foreach (var d in sqlite.Documents())
        {
            Same(s => s.Load(d.Id), $"document {d.Id}");
            Same(s => s.ArticleSpans(d.Id), $"article lines of {d.Id}");
            Same(s => s.Publications(d.Id), $"publications of {d.Id}");
            Same(s => s.QueryStatements(new StatementQuery(DocumentId: d.Id)), $"statements of {d.Id}");
        }
    }

    [SkippableFact]
    public async Task The_api_serves_the_same_pages_over_both_stores()
    {
        var (sqlite, postgres) = Stores();
        using (sqlite)
        using (postgres)
            await PagesAgree(sqlite, postgres);
    }

    private static async Task PagesAgree(SqliteStore sqlite, PostgresStore postgres)
    {
        var (overSqlite, sqliteAddress) = await WebServer.Start(new ServerOptions(sqlite, ["http://127.0.0.1:0"]));
        var (overPostgres, postgresAddress) = await WebServer.Start(new ServerOptions(postgres, ["http://127.0.0.1:0"]));
        await using (overSqlite)
        await using (overPostgres)
        {
            using var client = new HttpClient();
            var document = sqlite.Documents().First().Id;
            var story = sqlite.Stories().First().Id;
            string[] pages =
            [
                "/api/info", "/api/documents?limit=500", $"/api/documents/{document}", "/api/statements?limit=500", "/api/statements?q=summer",
                $"/api/statements?entity={Uri.EscapeDataString(AnnotatedSamples.MayorId)}", "/api/entities?limit=500",
                $"/api/entities/{Uri.EscapeDataString(AnnotatedSamples.MayorId)}", $"/api/entities/{Uri.EscapeDataString(AnnotatedSamples.MayorId)}/timeline",
                "/api/outlets", "/api/disputes", "/api/stories?limit=500", $"/api/stories/{story}", "/api/search?q=Varga",
            ];
            foreach (var page in pages)
            {
                using var a = await client.GetAsync(new Uri(sqliteAddress, page));
                using var b = await client.GetAsync(new Uri(postgresAddress, page));
                Assert.Equal((page, System.Net.HttpStatusCode.OK), (page, a.StatusCode));
                Assert.Equal((page, await a.Content.ReadAsStringAsync()), (page, await b.Content.ReadAsStringAsync()));
            }
        }
    }

    [SkippableFact]
    public void The_stories_command_clusters_a_postgres_store()
    {
        var url = server.Url(server.CreateDatabase());
        using (var store = new PostgresStore(url))
        {
            foreach (var d in AnnotatedSamples.All())
                store.Save(d);
        }

        var (code, output, err) = CliProcess.Run("stories", "--db", url);

        Assert.True(code == 0, err);
        Assert.Contains("Statement clusters", output, StringComparison.Ordinal);
        using var again = new PostgresStore(url);
        Assert.Contains(again.StatementClusters(), c => c.Documents == 2);
    }
}
