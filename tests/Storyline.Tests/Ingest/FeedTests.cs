using Storyline.Ingest;
using Storyline.Tests.Support;

namespace Storyline.Tests.Ingest;

public sealed class FeedReaderTests
{
    private static readonly Uri Base = new("https://news.example/feeds/main.xml");

    [Fact]
    public void Rss_items_come_with_links_resolved_ids_and_dates()
    {
        var feed = FeedReader.Parse(
            """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Herald</title>
            <item><title>A</title><link>/a.html</link><guid>g-1</guid><pubDate>Tue, 02 Dec 2025 23:30:00 -0500</pubDate><content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded></item>
            <item><title>B</title><link>https://other.example/b</link><pubDate>not a date</pubDate></item>
            </channel></rss>
            """, Base, out var error);
        Assert.Null(error);
        Assert.NotNull(feed);
        Assert.Equal("Herald", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal(new Uri("https://news.example/a.html"), feed.Items[0].Link);
        Assert.Equal("g-1", feed.Items[0].Id);
        Assert.Equal(new DateTimeOffset(2025, 12, 3, 4, 30, 0, TimeSpan.Zero), feed.Items[0].Published?.ToUniversalTime());
        Assert.Equal("<p>Body</p>", feed.Items[0].Content);
        Assert.Equal("https://other.example/b", feed.Items[1].Id); // no guid: the link is the identity
        Assert.Null(feed.Items[1].Published);
    }

    [Fact]
    public void Atom_and_rdf_feeds_are_read_too()
    {
        var atom = FeedReader.Parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title>
            <entry><id>tag:x,2025:1</id><title>E</title><link rel="self" href="/self"/><link rel="alternate" href="/e1"/><updated>2025-12-04T09:00:00Z</updated><summary>S</summary></entry>
            </feed>
            """, Base, out _);
        var entry = Assert.Single(atom!.Items);
        Assert.Equal(new Uri("https://news.example/e1"), entry.Link);
        Assert.Equal(new DateTimeOffset(2025, 12, 4, 9, 0, 0, TimeSpan.Zero), entry.Published);

        var rdf = FeedReader.Parse(
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="x"><title>Old School</title></channel>
            <item rdf:about="https://news.example/r1"><title>R</title><link>https://news.example/r1</link><dc:date>2025-11-30</dc:date></item>
            </rdf:RDF>
            """, Base, out _);
        Assert.Equal("Old School", rdf!.Title);
        Assert.Equal(new DateTimeOffset(2025, 11, 30, 0, 0, 0, TimeSpan.Zero), Assert.Single(rdf.Items).Published);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;</title></channel></rss>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd"><rss><channel><title>x</title></channel></rss>""")]
    public void Entity_expansion_and_external_entities_are_refused(string xml)
    {
        Assert.Null(FeedReader.Parse(xml, Base, out var error));
        Assert.Contains("DTD", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>", "not a feed")]
    [InlineData("<rss><channel><title>cut off", "not well-formed")]
    [InlineData("", "not well-formed")]
    public void What_is_not_a_feed_is_said_so(string xml, string expected)
    {
        Assert.Null(FeedReader.Parse(xml, Base, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused()
    {
        var xml = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + string.Concat(Enumerable.Repeat("</x>", 100_000)) + "</channel></rss>";
        Assert.Null(FeedReader.Parse(xml, Base, out var error));
        Assert.Contains("nested deeper than", error, StringComparison.Ordinal);
    }
}

/// <summary><c>storyline follow</c> and <c>storyline fetch</c> as child processes against a loopback server.</summary>
public sealed class WebCommandTests(WebServerFixture fixture) : IClassFixture<WebServerFixture>
{
    private TestWebServer Server => fixture.Server;

    [Fact]
    public void Following_a_feed_stores_new_items_once_and_remembers_what_it_has_seen()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        var feed = Server.Url("/feed.xml").AbsoluteUri;

        var (code, output, err) = CliProcess.Run("follow", feed, "--db", db, "--delay", "0", "--retries", "0");
        Assert.True(code is 0 or 3, err);
        Assert.Contains("always500", err, StringComparison.Ordinal); // the gone item's page failed: its feed text stood in
        using (var store = new global::Storyline.Storage.SqliteStore(db))
        {
            Assert.Equal(3, store.CountDocuments());
            var docs = store.Documents().ToList();
            Assert.Contains(docs, d => d.Outlet == "Loopback Herald" || d.SourceUri!.EndsWith("/article/1", StringComparison.Ordinal));
        }
        int articleHits = Server.HitsOf("/article/1");

        var again = CliProcess.Run("follow", feed, "--db", db, "--delay", "0");
        Assert.Equal(0, again.Code);
        Assert.Equal(articleHits, Server.HitsOf("/article/1")); // seen items are not fetched again, and the feed answered 304
        Assert.Contains("new feed items", again.Out, StringComparison.Ordinal);
        using var after = new global::Storyline.Storage.SqliteStore(db);
        Assert.Equal(3, after.CountDocuments());
        Assert.True(File.Exists(db + ".crawl.json"));
        Assert.Contains(output.Split('\n'), l => l.Contains("documents added", StringComparison.Ordinal) && l.Contains('3'));
    }

    [Fact]
    public void Fetching_a_file_of_urls_stores_the_good_pages_and_explains_the_bad()
    {
        using var dir = new TempDir();
        var list = dir.Write("urls.txt", string.Join('\n',
            "# today's pages",
            Server.Url("/article/41").AbsoluteUri,
            Server.Url("/article/42").AbsoluteUri,
            Server.Url("/private/secret").AbsoluteUri,
            "not a url",
            Server.Url("/image").AbsoluteUri));
        var db = dir.File("s.db");

        var (code, _, wrapped) = CliProcess.Run("fetch", list, "--db", db, "--delay", "0", "--retries", "0");
        var err = string.Join(' ', wrapped.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)); // the console wraps long lines

        Assert.Equal(global::Storyline.Cli.ExitCodes.CompletedWithWarnings, code);
        Assert.Contains("robots.txt", err, StringComparison.Ordinal);
        Assert.Contains("not an http(s) URL", err, StringComparison.Ordinal);
        Assert.Contains("image/png", err, StringComparison.Ordinal);
        using var store = new global::Storyline.Storage.SqliteStore(db);
        Assert.Equal(2, store.CountDocuments());
    }
}
