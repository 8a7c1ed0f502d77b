using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Storyline.Tests.Support;

/// <summary>
/// A real Kestrel server on a free loopback port, serving what a crawler meets: articles with validators, feeds,
/// robots.txt, slow answers, 500s, redirect loops, huge bodies, lying charsets, hostile XML. It counts requests per
/// path and the most requests it ever had in flight at once.
/// </summary>
public sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;
    private int _maxInFlight;

    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public Uri BaseUri { get; }

    public Uri Url(string path) => new(BaseUri, path);

    public int HitsOf(string path) => Hits.GetValueOrDefault(path);

    private TestWebServer(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public static async Task<TestWebServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TestWebServer? server = null;
        app.Use(async (context, next) =>
        {
            var s = server!;
            var path = context.Request.Path.Value ?? "/";
            s.Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            int now = Interlocked.Increment(ref s._inFlight);
            int max;
            while (now > (max = Volatile.Read(ref s._maxInFlight)) && Interlocked.CompareExchange(ref s._maxInFlight, now, max) != max)
            {
            }
            try
            {
                await next(context);
            }
            finally
            {
                Interlocked.Decrement(ref s._inFlight);
            }
        });
        Map(app);
        await app.StartAsync();
        server = new TestWebServer(app);
        return server;
    }

    public static string Article(int n) =>
        $"<!doctype html><html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>" +
        $"<p>The minister said on Tuesday that {n} new schools would open next year, according to officials.</p></article></body></html>";

    private static void Map(WebApplication app)
    {
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\nAllow: /private/open\n", "text/plain"));
        app.MapGet("/article/{n:int}", (int n, HttpContext c) =>
        {
            const string etag = "\"v1\"";
            if (c.Request.Headers.IfNoneMatch.ToString() == etag)
                return Results.StatusCode(304);
            c.Response.Headers.ETag = etag;
            return Results.Text(Article(n), "text/html; charset=utf-8");
        });
        app.MapGet("/dated/{n:int}", (int n, HttpContext c) =>
        {
            // A server that knows only when a page last changed, not an ETag: the fetcher must ask with If-Modified-Since.
            var changed = new DateTimeOffset(2025, 12, 1, 8, 0, 0, TimeSpan.Zero);
            if (c.Request.GetTypedHeaders().IfModifiedSince >= changed)
                return Results.StatusCode(304);
            c.Response.GetTypedHeaders().LastModified = changed;
            return Results.Text(Article(n), "text/html; charset=utf-8");
        });
        app.MapGet("/slowish/{n:int}", async (int n, CancellationToken ct) =>
        {
            await Task.Delay(150, ct);
            return Results.Text(Article(n), "text/html");
        });
        app.MapGet("/private/secret", () => Results.Text(Article(99), "text/html"));
        var flaky = new ConcurrentDictionary<string, int>();
        app.MapGet("/flaky/{key}", (string key) =>
            flaky.AddOrUpdate(key, 1, (_, n) => n + 1) <= 2 ? Results.StatusCode(500) : Results.Text(Article(7), "text/html"));
        app.MapGet("/always500", () => Results.StatusCode(500));
        app.MapGet("/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return Results.Text(Article(1), "text/html");
        });
        app.MapGet("/trickle", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            for (int i = 0; i < 300 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync("<p>x</p>"u8.ToArray(), c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(100, c.RequestAborted);
            }
        });
        app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
        app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
        app.MapGet("/chain/{n:int}", (int n) => n == 0 ? Results.Text(Article(0), "text/html") : Results.Redirect($"/chain/{n - 1}"));
        app.MapGet("/huge", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (int i = 0; i < 320 && !c.RequestAborted.IsCancellationRequested; i++) // 20 MiB at most, without Content-Length
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
        });
        app.MapGet("/latin1-labelled-utf8", () => Results.Bytes(Encoding.Latin1.GetBytes("<html><body><p>Le président a dit « non » à Noël.</p></body></html>"), "text/html; charset=utf-8"));
        app.MapGet("/utf8-labelled-latin1", () => Results.Bytes(Encoding.UTF8.GetBytes("<html><body><p>Le président a dit « non » à Noël.</p></body></html>"), "text/html; charset=iso-8859-1"));
        app.MapGet("/meta-charset", () => Results.Bytes(
            [.. Encoding.ASCII.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>"), .. Encoding.Latin1.GetBytes("Café “crème”".Replace('“', '\u0093').Replace('”', '\u0094')), .. Encoding.ASCII.GetBytes("</p></body></html>")],
            "text/html"));
        app.MapGet("/image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0], "image/png"));
        app.MapGet("/binary-as-html", () => Results.Bytes([0, 1, 2, 3, 0, 0, 0, 0xFF, 0xFE, 0], "text/html"));
        app.MapGet("/feed.xml", (HttpContext c) =>
        {
            const string etag = "\"feed1\"";
            if (c.Request.Headers.IfNoneMatch.ToString() == etag)
                return Results.StatusCode(304);
            c.Response.Headers.ETag = etag;
            return Results.Text(
                """
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>Loopback Herald</title>
                  <item><title>One</title><link>/article/1</link><guid>urn:one</guid><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item>
                  <item><title>Two</title><link>/article/2</link><guid>urn:two</guid><pubDate>Wed, 03 Dec 2025 08:30:00 +0100</pubDate></item>
                  <item><title>Gone</title><link>/always500</link><guid>urn:gone</guid><description>&lt;p&gt;The minister said the bridge would reopen in spring, officials confirmed.&lt;/p&gt;</description></item>
                </channel></rss>
                """, "application/rss+xml");
        });
        app.MapGet("/laughs.xml", () => Results.Text(
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
            """, "application/rss+xml"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One loopback server shared by a test class.</summary>
public sealed class WebServerFixture : IAsyncLifetime
{
    public TestWebServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestWebServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
