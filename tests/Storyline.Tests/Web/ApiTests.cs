using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Storyline.Storage;
using Storyline.Tests.Support;
using Storyline.Web;

namespace Storyline.Tests.Web;

/// <summary>The HTTP API over a real Kestrel server and a real SQLite file, spoken to as any client would.</summary>
[Collection("web")]
public class ApiTests(WebServer server)
{
    private readonly HttpClient _http = server.Client;

    private async Task<JsonElement> Json(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Texts(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("text").GetString()!)];

    [Fact]
    public async Task Lists_are_paged_with_a_total_and_pages_do_not_overlap()
    {
        var first = await Json("/api/statements?speaker=Ana%20Ruiz&limit=5");
        var second = await Json("/api/statements?speaker=Ana%20Ruiz&limit=5&offset=5");
        var third = await Json("/api/statements?speaker=Ana%20Ruiz&limit=5&offset=10");

        Assert.Equal(AnnotatedSamples.SpokespersonStatements, first.GetProperty("total").GetInt32());
        Assert.Equal(5, first.GetProperty("limit").GetInt32());
        Assert.Equal(5, second.GetProperty("offset").GetInt32());
        Assert.Equal(AnnotatedSamples.SpokespersonStatements - 10, third.GetProperty("items").GetArrayLength());
        var all = Texts(first).Concat(Texts(second)).Concat(Texts(third)).ToList();
        Assert.Equal(AnnotatedSamples.SpokespersonStatements, all.Distinct().Count());

        var documents = await Json("/api/documents?limit=2");
        Assert.Equal(server.Store.CountDocuments(), documents.GetProperty("total").GetInt64());
        Assert.Equal(2, documents.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Statements_filter_by_speaker_entity_outlet_dates_and_words()
    {
        var byEntity = await Json($"/api/statements?entity={Uri.EscapeDataString(AnnotatedSamples.MayorId)}");
        // Both reports: one names her in full, the other only by a mention linked to her.
        Assert.Equal(2, byEntity.GetProperty("total").GetInt32());
        Assert.All(byEntity.GetProperty("items").EnumerateArray(), s => Assert.Equal(AnnotatedSamples.Mayor, s.GetProperty("speaker").GetString()));

        var byOutlet = await Json("/api/statements?speaker=Varga&outlet=valley%20post");
        Assert.Equal(["The tram line will open before the summer"], Texts(byOutlet));

        var byDate = await Json("/api/statements?speaker=Varga&from=2025-11-04&to=2025-11-04");
        Assert.Equal(["The tram line will open before the summer"], Texts(byDate));

        var byWords = await Json("/api/statements?q=date%20agreed");
        var denial = Assert.Single(byWords.GetProperty("items").EnumerateArray());
        Assert.Equal("Tomas Brandt", denial.GetProperty("speaker").GetString());
        Assert.Equal("indirect", denial.GetProperty("kind").GetString());
        Assert.Equal("Harbour Gazette", denial.GetProperty("outlet").GetString());
        Assert.Equal("2025-11-03", denial.GetProperty("saidOn").GetString());
    }

    [Fact]
    public async Task A_statement_points_at_its_exact_characters_in_the_document()
    {
        var statement = (await Json("/api/statements?q=summer&outlet=Harbour%20Gazette")).GetProperty("items")[0];
        var document = await Json("/api/documents/" + statement.GetProperty("documentId").GetString());
        var text = document.GetProperty("text").GetString()!;
        int start = statement.GetProperty("start").GetInt32(), length = statement.GetProperty("length").GetInt32();
        Assert.Equal(statement.GetProperty("text").GetString(), text.Substring(start, length));

        Assert.Equal("title", document.GetProperty("lines")[0].GetProperty("label").GetString());
        var mention = document.GetProperty("mentions")[0];
        Assert.Equal("Elena Varga", text.Substring(mention.GetProperty("start").GetInt32(), mention.GetProperty("length").GetInt32()));
        Assert.Equal("2025-11-03", document.GetProperty("timeExpressions")[0].GetProperty("value").GetString());
        Assert.Equal("press_conference", document.GetProperty("events")[0].GetProperty("type").GetString());
        Assert.Single(document.GetProperty("disputes").EnumerateArray());
    }

    [Fact]
    public async Task Entities_are_listed_most_quoted_first_and_have_a_timeline()
    {
        var people = (await Json("/api/entities?type=person&limit=500")).GetProperty("items").EnumerateArray().ToList();
        var counts = people.Select(p => p.GetProperty("statements").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var first = people.Single(p => p.GetProperty("id").GetString() == AnnotatedSamples.MayorId);
        Assert.Equal(2, first.GetProperty("statements").GetInt32());
        Assert.Equal(2, first.GetProperty("documents").GetInt32());
        Assert.Contains("Varga", first.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        var timeline = await Json($"/api/entities/{Uri.EscapeDataString(AnnotatedSamples.MayorId)}/timeline");
        var entries = timeline.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("date").GetString(), e.GetProperty("role").GetString())).ToList();
        Assert.Equal([("2025-11-03", "event"), ("2025-11-03", "said"), ("2025-11-04", "said")], entries.Order().ToList());
        Assert.Equal(entries.Select(e => e.Item1).Order(StringComparer.Ordinal), entries.Select(e => e.Item1));

        var byName = await Json("/api/entities?name=brandt");
        Assert.Equal("person:tomas-brandt", Assert.Single(byName.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Search_finds_documents_statements_and_entities()
    {
        var result = await Json("/api/search?q=Varga");
        Assert.Equal("Varga", result.GetProperty("query").GetString());
        Assert.True(result.GetProperty("documents").GetProperty("total").GetInt32() >= 2);
        Assert.Equal(AnnotatedSamples.MayorId, result.GetProperty("entities").GetProperty("items")[0].GetProperty("id").GetString());

        var words = await Json("/api/search?q=open%20summer");
        Assert.Equal(2, words.GetProperty("statements").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Disputes_and_outlets_are_lists_too()
    {
        var disputes = await Json("/api/disputes?limit=500");
        var dispute = disputes.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("claimOutlet").GetString() == "Harbour Gazette");
        Assert.False(dispute.GetProperty("acrossDocuments").GetBoolean());
        Assert.StartsWith("Transport minister Tomas Brandt denied", dispute.GetProperty("disputedText").GetString(), StringComparison.Ordinal);
        // Cross-document disputes plus every within-document dispute the stored documents carry.
        int withinDocuments = server.Store.Documents().Sum(d => server.Store.Load(d.Id)!.Disputes.Count);
        Assert.Equal(server.Store.CrossDisputes().Count + withinDocuments, disputes.GetProperty("total").GetInt32());

        var outlets = await Json("/api/outlets");
        Assert.Contains(outlets.GetProperty("items").EnumerateArray(), o => o.GetProperty("name").GetString() == "Valley Post" && o.GetProperty("documents").GetInt32() == 1);
    }

    [Fact]
    public async Task Every_story_lists_its_reports_each_pointing_at_its_source_text()
    {
        var stories = await Json("/api/stories?limit=500");
        Assert.Equal(server.Store.Stories().Count, stories.GetProperty("total").GetInt32());
        Assert.NotEqual(0, stories.GetProperty("total").GetInt32());
        foreach (var summary in stories.GetProperty("items").EnumerateArray())
        {
            var story = await Json("/api/stories/" + Uri.EscapeDataString(summary.GetProperty("id").GetString()!));
            Assert.Equal(summary.GetProperty("title").GetString(), story.GetProperty("title").GetString());
            var reports = story.GetProperty("statements").EnumerateArray().SelectMany(c => c.GetProperty("reports").EnumerateArray()).ToList();
            Assert.Equal(summary.GetProperty("statements").GetInt32(), reports.Count);
            foreach (var report in reports)
            {
                var text = server.Store.GetDocument(report.GetProperty("documentId").GetString()!)!.Text;
                Assert.Equal(report.GetProperty("text").GetString(), text.Substring(report.GetProperty("start").GetInt32(), report.GetProperty("length").GetInt32()));
            }
        }
    }

    [Theory]
    [InlineData("/api/statements?limit=0", "limit")]
    [InlineData("/api/statements?limit=501", "limit")]
    [InlineData("/api/documents?offset=-1", "offset")]
    [InlineData("/api/statements?from=2025-12-01&to=2025-11-01", "from")]
    [InlineData("/api/search?q=%20", "q")]
    public async Task Bad_parameters_are_400_problem_details_naming_the_parameter(string url, string parameter)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/api/statements?limit=lots")]
    [InlineData("/api/statements?from=2025-13-45")]
    public async Task Unparseable_parameters_are_400_problem_details(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/documents/no-such-document")]
    [InlineData("/api/entities/person:nobody")]
    [InlineData("/api/entities/person:nobody/timeline")]
    [InlineData("/api/stories/none")]
    [InlineData("/api/no-such-endpoint")]
    public async Task Unknown_things_are_404_problem_details(string url)
    {
        using var response = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unchanged_reply_is_304_for_its_etag_and_a_changed_one_is_not()
    {
        using var first = await _http.GetAsync("/api/statements?speaker=Ana%20Ruiz");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/statements?speaker=Ana%20Ruiz");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/statements?speaker=Ana%20Ruiz&limit=3");
        other.Headers.IfNoneMatch.Add(etag);
        using var changed = await _http.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task A_documents_statements_carry_their_confidence_and_the_openapi_schema_names_it()
    {
        // The seeds went through the real pipeline, so their statements carry the statement finder's confidence.
        var listed = (await Json("/api/statements?limit=100")).GetProperty("items").EnumerateArray()
            .First(s => s.GetProperty("confidence").ValueKind == JsonValueKind.Number);
        var document = await Json("/api/documents/" + listed.GetProperty("documentId").GetString());
        var same = document.GetProperty("statements").EnumerateArray().Single(s => s.GetProperty("start").GetInt32() == listed.GetProperty("start").GetInt32());
        double confidence = same.GetProperty("confidence").GetDouble();
        Assert.InRange(confidence, 0.01, 1.0);
        Assert.Equal(listed.GetProperty("confidence").GetDouble(), confidence, 6);

        var schemas = (await Json("/openapi/v1.json")).GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("StatementDto").GetProperty("properties").TryGetProperty("confidence", out _), "StatementDto has no confidence in the OpenAPI document");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var doc = await Json("/openapi/v1.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/documents", "/api/documents/{id}", "/api/statements", "/api/entities", "/api/entities/{id}/timeline", "/api/search", "/api/stories" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        Assert.True(paths.GetProperty("/api/documents").TryGetProperty("post", out _));
        Assert.False(paths.TryGetProperty("/stories", out _), "the browser pages are not API endpoints");

        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal(StorylineServer.ApiKeyHeader, scheme.GetProperty("name").GetString());
        var post = paths.GetProperty("/api/documents").GetProperty("post");
        Assert.True(post.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.False(paths.GetProperty("/api/documents").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Ingesting_two_reports_of_one_remark_makes_a_story_at_once()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("stories.db"));
        var (app, address) = await WebServer.Start(new ServerOptions(store, ["http://127.0.0.1:0"], WebServer.ApiKey));
        await using (app)
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add(StorylineServer.ApiKeyHeader, WebServer.ApiKey);
            Assert.Equal(0, (await http.GetFromJsonAsync<JsonElement>("/api/stories")).GetProperty("total").GetInt64());
            var reports = new[]
            {
                ("https://harbour-gazette.example/bridge", "Harbour Gazette",
                    "The harbour bridge will close for repairs until March, the mayor says.\n“We will close the harbour bridge for repairs until March,” Mayor Anna Berg said on Monday. The council approved the budget for the work last week. Ferries will run every twenty minutes while the bridge is shut."),
                ("https://valley-post.example/bridge", "Valley Post",
                    "Bridge to shut until March.\n“We will close the harbour bridge for repairs until March,” Anna Berg told reporters on Monday. Drivers are asked to use the ring road. The repairs were first planned for the summer."),
            };
            foreach (var (url, outlet, text) in reports)
            {
                using var created = await http.PostAsJsonAsync("/api/documents", new { url, text, outlet, published = "2031-05-06" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            }
            var stories = await http.GetFromJsonAsync<JsonElement>("/api/stories");
            var story = Assert.Single(stories.GetProperty("items").EnumerateArray());
            Assert.Equal(["Harbour Gazette", "Valley Post"], story.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()));
        }
    }

    [Fact]
    public async Task An_ingested_variant_spelling_joins_the_person_the_stored_reports_name()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("linking.db"));
        var (app, address) = await WebServer.Start(new ServerOptions(store, ["http://127.0.0.1:0"], WebServer.ApiKey));
        await using (app)
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add(StorylineServer.ApiKeyHeader, WebServer.ApiKey);
            var texts = new[]
            {
                "Mark Delaney met Pavel Orlov and Aino Virtanen in Oslo. Delaney spoke. Delaney left.",
                "Mark Delaney met Pavel Orlov and Aino Virtanen again.",
                "Mark Delanney met with Pavel Orlov and Aino Virtanen in Rome.",
            };
            string? variant = null;
            for (int i = 0; i < texts.Length; i++)
            {
                using var created = await http.PostAsJsonAsync("/api/documents", new { url = $"https://wire.example/{i}", text = texts[i], published = "2031-05-06" });
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                variant = created.Headers.Location!.ToString();
            }
            var document = await http.GetFromJsonAsync<JsonElement>(variant);
            var ids = document.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
            Assert.Contains("person:mark-delaney", ids);
            Assert.DoesNotContain("person:mark-delanney", ids);
        }
    }

    [Fact]
    public async Task Writes_without_the_key_are_401_and_nothing_is_stored()
    {
        long before = server.Store.CountDocuments();
        using var noKey = await _http.PostAsJsonAsync("/api/documents", new { url = "https://example.org/a", text = "Someone said: “nothing”." });
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal("application/problem+json", noKey.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/rerun");
        wrong.Headers.Add(StorylineServer.ApiKeyHeader, WebServer.ApiKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _http.SendAsync(wrong)).StatusCode);
        Assert.Equal(before, server.Store.CountDocuments());
    }

    [Fact]
    public async Task Ingest_with_the_key_runs_the_pipeline_stores_once_and_validates()
    {
        var body = new { url = "https://example.org/ingest-test", html = "<html><head><title>Ingest test</title></head><body><article><p>A report from the capital, where officials met on Friday to discuss the new budget.</p><p>The finance ministry said the plan would be published next week, after a vote in parliament.</p></article></body></html>", outlet = "Example Wire", published = "2025-11-08" };
        using var created = await Send(HttpMethod.Post, "/api/documents", body, new AuthenticationHeaderValue("Bearer", WebServer.ApiKey));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var response = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("added", response.GetProperty("outcome").GetString());
        var location = created.Headers.Location!.ToString();
        var stored = await Json(location);
        Assert.Equal("Example Wire", stored.GetProperty("outlet").GetString());
        Assert.Equal("2025-11-08", stored.GetProperty("published").GetString());
        Assert.Contains("new budget", stored.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var again = await Send(HttpMethod.Post, "/api/documents", body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("alreadyStored", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        using var both = await Send(HttpMethod.Post, "/api/documents", new { url = "https://example.org/x", html = "<p>a</p>", text = "a" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        using var noUrl = await Send(HttpMethod.Post, "/api/documents", new { text = "Some words." });
        Assert.Equal(HttpStatusCode.BadRequest, noUrl.StatusCode);
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent("{\"url\": ", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.Add(StorylineServer.ApiKeyHeader, WebServer.ApiKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(malformed)).StatusCode);
    }

    [Fact]
    public async Task Rerun_keeps_documents_and_is_404_for_an_unknown_one()
    {
        long documents = server.Store.CountDocuments();
        using var unknown = await Send(HttpMethod.Post, "/api/rerun?document=nope", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var seed = (await Json("/api/documents?limit=500")).GetProperty("items").EnumerateArray()
            .First(d => d.GetProperty("sourceUri").GetString()!.StartsWith("file:", StringComparison.Ordinal)).GetProperty("id").GetString()!;
        var before = await Json("/api/documents/" + seed);
        using var one = await Send(HttpMethod.Post, "/api/rerun?document=" + seed, null);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(1, (await one.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documents").GetInt32());
        var after = await Json("/api/documents/" + seed);
        // The same stages over the same text: the same annotations, and the document still stored once.
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(documents, server.Store.CountDocuments());
    }

    [Fact]
    public async Task Without_a_key_there_are_no_write_endpoints()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("ro.db"));
        var (app, address) = await WebServer.Start(new ServerOptions(store, ["http://127.0.0.1:0"]));
        await using (app)
        {
            using var http = new HttpClient { BaseAddress = address };
            using var post = await http.PostAsJsonAsync("/api/documents", new { url = "https://example.org/a", text = "x" });
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
            using var rerun = await http.PostAsync("/api/rerun", null);
            Assert.Equal(HttpStatusCode.NotFound, rerun.StatusCode);
            var openapi = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            Assert.False(openapi.GetProperty("paths").GetProperty("/api/documents").TryGetProperty("post", out _));
            Assert.False((await http.GetFromJsonAsync<JsonElement>("/api/info")).GetProperty("writable").GetBoolean());
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:80", false)]
    [InlineData("http://192.0.2.10:8080", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback)
    {
        Assert.True(ListenAddress.TryParse(url, out var address));
        Assert.Equal(loopback, address.IsLoopback);
        Assert.False(ListenAddress.TryParse("127.0.0.1:5080", out _));
        Assert.Equal([ServerOptions.DefaultUrl], new ServerOptions(server.Store).ListenUrls);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, object? body, AuthenticationHeaderValue? auth = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (auth is null)
            request.Headers.Add(StorylineServer.ApiKeyHeader, WebServer.ApiKey);
        else
            request.Headers.Authorization = auth;
        return await _http.SendAsync(request);
    }
}
