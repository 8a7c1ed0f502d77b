using Storyline.Ingest;
using Storyline.Tests.Support;

namespace Storyline.Tests.Ingest;

/// <summary>The fetcher against a real Kestrel server on loopback: manners, limits and failures.</summary>
public sealed class WebFetcherTests(WebServerFixture fixture) : IClassFixture<WebServerFixture>
{
    private TestWebServer Server => fixture.Server;

    private static WebFetcher Fetcher(FetchOptions? o = null) => new(o ?? Quick);

    private static FetchOptions Quick => new()
    {
        PolitenessDelay = TimeSpan.Zero,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Retries = 3,
    };

    [Fact]
    public async Task A_page_is_fetched_decoded_and_then_fetched_conditionally()
    {
        using var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(Server.Url("/article/5"));
        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.True(first.IsHtml);
        Assert.Contains("5 new schools", first.Text, StringComparison.Ordinal);
        Assert.Equal("\"v1\"", first.Validators?.ETag);

        var second = await fetcher.FetchAsync(Server.Url("/article/5"), first.Validators);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Text);
    }

    [Fact]
    public async Task A_page_dated_by_last_modified_is_fetched_again_only_when_changed()
    {
        using var fetcher = Fetcher();
        var first = await fetcher.FetchAsync(Server.Url("/dated/6"));
        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Null(first.Validators?.ETag);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 8, 0, 0, TimeSpan.Zero), first.Validators?.LastModified);

        var second = await fetcher.FetchAsync(Server.Url("/dated/6"), first.Validators);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        var stale = await fetcher.FetchAsync(Server.Url("/dated/6"), new FetchValidators(null, first.Validators!.LastModified!.Value.AddDays(-1)));
        Assert.Equal(FetchStatus.Ok, stale.Status);
    }

    [Fact]
    public async Task Robots_txt_is_obeyed_and_fetched_once_per_host()
    {
        using var fetcher = Fetcher();
        var secret = await fetcher.FetchAsync(Server.Url("/private/secret"));
        Assert.Equal(FetchStatus.Failed, secret.Status);
        Assert.Contains("robots.txt", secret.Error, StringComparison.Ordinal);
        Assert.Equal(0, Server.HitsOf("/private/secret"));
        Assert.Equal(FetchStatus.Ok, (await fetcher.FetchAsync(Server.Url("/article/6"))).Status);
        int robots = Server.HitsOf("/robots.txt");
        await fetcher.FetchAsync(Server.Url("/article/7"));
        Assert.Equal(robots, Server.HitsOf("/robots.txt"));
        Assert.True(robots >= 1);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_until_they_pass_or_the_retries_run_out()
    {
        using var fetcher = Fetcher();
        var flaky = await fetcher.FetchAsync(Server.Url("/flaky/retry-test"));
        Assert.Equal(FetchStatus.Ok, flaky.Status);
        Assert.Equal(3, Server.HitsOf("/flaky/retry-test"));

        var broken = await fetcher.FetchAsync(Server.Url("/always500"));
        Assert.Equal(FetchStatus.Failed, broken.Status);
        Assert.Contains("HTTP 500", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_or_trickles_is_cut_off()
    {
        using var fetcher = Fetcher(Quick with { AttemptTimeout = TimeSpan.FromMilliseconds(500), Retries = 1 });
        var slow = await fetcher.FetchAsync(Server.Url("/slow"));
        Assert.Equal(FetchStatus.Failed, slow.Status);
        Assert.Contains("timed out", slow.Error, StringComparison.Ordinal);

        // Headers may be slow on a loaded machine; only the body's deadline is under test here.
        using var patient = Fetcher(Quick with { AttemptTimeout = TimeSpan.FromSeconds(30), BodyTimeout = TimeSpan.FromSeconds(1), Retries = 1 });
        var trickle = await patient.FetchAsync(Server.Url("/trickle"));
        Assert.Equal(FetchStatus.Failed, trickle.Status);
        Assert.Contains("not received within", trickle.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_followed_up_to_a_cap_and_loops_are_caught()
    {
        using var fetcher = Fetcher();
        var short_ = await fetcher.FetchAsync(Server.Url("/chain/3"));
        Assert.Equal(FetchStatus.Ok, short_.Status);
        Assert.Equal(Server.Url("/chain/0"), short_.FinalUri);

        var long_ = await fetcher.FetchAsync(Server.Url("/chain/9"));
        Assert.Equal(FetchStatus.Failed, long_.Status);
        Assert.Contains("more than 5 redirects", long_.Error, StringComparison.Ordinal);

        var loop = await fetcher.FetchAsync(Server.Url("/loop/a"));
        Assert.Equal(FetchStatus.Failed, loop.Status);
        Assert.Contains("redirect loop", loop.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_bodies_and_non_text_are_refused()
    {
        using var fetcher = Fetcher(Quick with { MaxBytes = 1024 * 1024 });
        var huge = await fetcher.FetchAsync(Server.Url("/huge"));
        Assert.Equal(FetchStatus.Failed, huge.Status);
        Assert.Contains("limit", huge.Error, StringComparison.Ordinal);

        var image = await fetcher.FetchAsync(Server.Url("/image"));
        Assert.Contains("image/png", image.Error, StringComparison.Ordinal);
        var binary = await fetcher.FetchAsync(Server.Url("/binary-as-html"));
        Assert.Contains("binary", binary.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/latin1-labelled-utf8", "Le président a dit « non » à Noël.")]
    [InlineData("/utf8-labelled-latin1", "Le président a dit « non » à Noël.")]
    [InlineData("/meta-charset", "Café “crème”")]
    public async Task Text_is_decoded_right_even_when_the_charset_label_lies(string path, string expected)
    {
        using var fetcher = Fetcher();
        var page = await fetcher.FetchAsync(Server.Url(path));
        Assert.Equal(FetchStatus.Ok, page.Status);
        Assert.Contains(expected, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_to_one_host_are_limited_in_number_and_spaced_out()
    {
        using (var fetcher = Fetcher(Quick with { PerHostConcurrency = 2 }))
        {
            var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => fetcher.FetchAsync(Server.Url($"/slowish/{i}"))));
            Assert.All(pages, p => Assert.Equal(FetchStatus.Ok, p.Status));
        }
        Assert.InRange(Server.MaxInFlight, 1, 2);

        // The pause is kept between the starts the fetcher lets through; what the server sees of them a loaded
        // machine may bunch, so the check reads the fetcher's own record of when each request went out.
        using var polite = Fetcher(Quick with { PerHostConcurrency = 4, PolitenessDelay = TimeSpan.FromMilliseconds(300) });
        await polite.FetchAsync(Server.Url("/article/100")); // robots.txt and a first request out of the way
        var spaced = await Task.WhenAll(Enumerable.Range(101, 3).Select(i => polite.FetchAsync(Server.Url($"/article/{i}"))));
        Assert.All(spaced, p => Assert.Equal(FetchStatus.Ok, p.Status));
        var starts = spaced.Select(p => p.FetchedAt!.Value).Order().ToList();
        Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMilliseconds(300), $"requests {(pair.Second - pair.First).TotalMilliseconds} ms apart"));
    }

    [Fact]
    public async Task Non_http_urls_fail_without_a_request()
    {
        using var fetcher = Fetcher();
        Assert.Equal("not an http(s) URL", (await fetcher.FetchAsync(new Uri("file:///etc/passwd"))).Error);
    }
}
