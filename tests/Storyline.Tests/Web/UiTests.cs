using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Storyline.Tests.Web;

/// <summary>A test that needs Debian's Chromium; skipped, saying why, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"{ExecutablePath} is missing: install Debian's chromium (apt-get install chromium; test.sh does) to run the browser tests";
    }
}

/// <summary>One headless Chromium for all UI tests; no browser is downloaded, Debian's is driven.</summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
            return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        // Generous: two cores are shared by many builds; a slow page must not read as a failure.
        SetDefaultExpectTimeout(30_000);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>The server-rendered pages, driven in a real Chromium against the real server: what a reader sees and can do.</summary>
[Collection("web")]
public sealed class UiTests(WebServer server, Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;
    private readonly List<string> _consoleErrors = [];

    public static string ScreenshotDir => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (chromium.Browser is null)
            return;
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(30_000);
        _page = await _context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Add(message.Text);
        };
        _page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
            await _context.DisposeAsync();
    }

    private async Task Open(string path, string heading)
    {
        await _page.GotoAsync(path);
        await Expect(_page.Locator("main h1")).ToHaveTextAsync(heading);
    }

    private async Task Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// The story (as the API serves it) that holds what a test looks for: which story a cluster is threaded into
    /// depends on the clustering, and the page must show it wherever it is.
    /// </summary>
    private async Task<string> StoryWhere(Func<JsonElement, bool> holds)
    {
        var stories = await server.Client.GetFromJsonAsync<JsonElement>("/api/stories?limit=500");
        foreach (var s in stories.GetProperty("items").EnumerateArray())
        {
            var id = s.GetProperty("id").GetString()!;
            if (holds(await server.Client.GetFromJsonAsync<JsonElement>("/api/stories/" + Uri.EscapeDataString(id))))
                return id;
        }
        Assert.Fail("no story holds it");
        return "";
    }

    [ChromiumFact]
    public async Task The_home_page_shows_the_most_quoted_people_and_latest_documents()
    {
        await Open("/", "Storyline");
        var people = _page.Locator("section[aria-label='Most quoted people']");
        await Expect(people).ToContainTextAsync("Elena Varga");
        await Expect(_page.Locator("section[aria-label='Latest documents'] li").First).ToBeVisibleAsync();
        await Expect(_page.Locator("section[aria-label='Disputes']")).ToContainTextAsync("denied that any date had been agreed");
        foreach (var landmark in new[] { "header", "nav", "main", "footer" })
            await Expect(_page.Locator(landmark).First).ToBeVisibleAsync();
        await Screenshot("home");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task A_quote_links_to_its_source_with_the_exact_sentence_highlighted()
    {
        await Open("/quotes?speaker=Varga&outlet=Harbour%20Gazette", "Quotes");
        var quote = _page.Locator("article.quote").Filter(new() { HasText = "will open before the summer" });
        await quote.GetByRole(AriaRole.Link, new() { Name = "source sentence ›" }).ClickAsync();

        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Tram line to open before summer, mayor says");
        var target = _page.Locator("mark#target");
        await Expect(target).ToHaveTextAsync("will open before the summer");
        await Expect(target).ToBeInViewportAsync();
        // Only the linked statement is marked, and the other annotations are shown around it.
        Assert.Equal("will open before the summer", string.Concat(await _page.Locator(".article-text mark.an-target").AllTextContentsAsync()));
        await Expect(_page.Locator(".article-text .an-speaker").First).ToHaveTextAsync("Elena Varga");
        await Expect(_page.Locator(".article-text .an-time").First).ToHaveTextAsync("on Monday");
        await Screenshot("document");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task A_story_shows_each_statement_with_its_reports_and_links_to_the_source()
    {
        // Stories made only of events have no statement clusters; take the first that has one.
        var id = await StoryWhere(story => story.GetProperty("statements").GetArrayLength() > 0);
        await Open("/stories", "Stories");
        var first = _page.Locator($"ol.stories > li > a[href='/stories/{id}']");
        var title = await first.TextContentAsync();
        await first.ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync(title!);
        await Expect(_page.Locator("section.cluster").First).ToBeVisibleAsync();
        await Screenshot("story");

        var report = _page.Locator("section.cluster article.quote").First;
        var said = await report.Locator("blockquote").TextContentAsync();
        await report.GetByRole(AriaRole.Link, new() { Name = "source sentence ›" }).ClickAsync();
        await Expect(_page.Locator("mark#target")).ToBeInViewportAsync();
        Assert.Equal(said, string.Concat(await _page.Locator(".article-text mark.an-target").AllTextContentsAsync()));
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task The_Donbas_story_shows_the_remark_with_both_outlets_and_links_to_the_highlighted_sentence()
    {
        // The seeds: 000 (translated from Portuguese, "by force of arms") and 002 (via TASS, "by military or other means")
        // report one remark of Putin's India Today interview, dated 4 and 3 December.
        var id = await StoryWhere(story => story.GetProperty("statements").EnumerateArray()
            .Any(c => c.GetProperty("reports").EnumerateArray().Any(r => r.GetProperty("text").GetString()!.Contains("by force of arms", StringComparison.Ordinal))));
        await Open("/stories", "Stories");
        var link = _page.Locator($"ol.stories > li > a[href='/stories/{id}']");
        var title = await link.TextContentAsync();
        await link.ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync(title!);
        var cluster = _page.Locator("section.cluster").Filter(new() { HasText = "by force of arms" }).Filter(new() { HasText = "by military or other means" });
        await Expect(cluster).ToHaveCountAsync(1);
        await Expect(cluster.Locator("ul.outlets > li")).ToHaveCountAsync(2);
        await Expect(cluster.Locator("h2")).ToContainTextAsync("Vladimir Putin");
        await Screenshot("story-donbas");

        var report = cluster.Locator("article.quote").Filter(new() { HasText = "by force of arms" }).First;
        var said = await report.Locator("blockquote").TextContentAsync();
        await report.GetByRole(AriaRole.Link, new() { Name = "source sentence ›" }).ClickAsync();
        await Expect(_page.Locator("mark#target")).ToBeInViewportAsync();
        Assert.Equal(said, string.Concat(await _page.Locator(".article-text mark.an-target").AllTextContentsAsync()));
        await Screenshot("story-donbas-source");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task A_story_shows_the_Kommersant_report_with_the_Kremlin_denial()
    {
        var id = await StoryWhere(story => story.GetProperty("disputes").EnumerateArray()
            .Any(d => d.GetProperty("disputedText").GetString()!.Contains("the Kremlin said", StringComparison.Ordinal)));
        await _page.GotoAsync("/stories/" + id);
        var disputed = _page.Locator("section[aria-label='Disputed'] li").Filter(new() { HasText = "did not discuss" });
        await Expect(disputed.First).ToContainTextAsync("pushing U.S. President Donald Trump to recognize");
        await Expect(disputed.First.Locator(".tag.denial")).ToHaveTextAsync("disputed in the same article");
        await Screenshot("story-kommersant");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task Quotes_can_be_filtered_and_paged()
    {
        await Open("/quotes", "Quotes");
        await _page.GetByLabel("Speaker").FillAsync("Ana Ruiz");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(_page.Locator("main [role=status]")).ToHaveTextAsync($"{AnnotatedSamples.SpokespersonStatements} statements");
        await Expect(_page.Locator("article.quote")).ToHaveCountAsync(AnnotatedSamples.SpokespersonStatements);

        await _page.GetByLabel("Words").FillAsync("date agreed");
        await _page.GetByLabel("Speaker").FillAsync("");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(_page.Locator("article.quote")).ToHaveCountAsync(1);
        await Expect(_page.Locator("article.quote")).ToContainTextAsync("Tomas Brandt");
        Assert.Contains("q=date+agreed", _page.Url, StringComparison.Ordinal);
        await Screenshot("quotes");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task A_person_page_shows_the_timeline_of_what_they_said()
    {
        await Open("/people", "People and organisations");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Elena Varga", Exact = true }).ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Elena Varga");
        var entries = _page.Locator("ol.timeline > li");
        await Expect(entries).ToHaveCountAsync(3);
        await Expect(entries.Nth(2)).ToContainTextAsync("The tram line will open before the summer");
        await Expect(entries.Nth(2)).ToContainTextAsync("Valley Post");
        await Screenshot("person");
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task Search_from_the_header_finds_statements_documents_and_people()
    {
        await Open("/", "Storyline");
        await _page.GetByLabel("Search statements, documents and people").FillAsync("Varga");
        await _page.Keyboard.PressAsync("Enter");
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Search");
        await Expect(_page.Locator("section[aria-label^='People']")).ToContainTextAsync("Elena Varga");
        await Expect(_page.Locator("section[aria-label^='Documents'] li")).ToHaveCountAsync(2);
        Assert.Empty(_consoleErrors);
    }

    [ChromiumFact]
    public async Task Markup_in_the_data_is_shown_as_text_and_never_runs()
    {
        await Open("/quotes?speaker=Zed", "Quotes");
        var quote = _page.Locator("article.quote blockquote");
        await Expect(quote).ToContainTextAsync("<script>window.__xss=3</script><img src=x onerror=\"window.__xss=4\"> is not a quote");
        await Expect(_page.Locator("article.quote .meta a").First).ToHaveTextAsync(AnnotatedSamples.XssSpeaker);
        await Expect(_page.Locator("article.quote .outlet")).ToHaveTextAsync("<b>Bold</b> Outlet");

        await _page.Locator("article.quote a.source").ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("<img src=x onerror=\"window.__xss=2\">Breaking");
        await Expect(_page.Locator("mark#target")).ToContainTextAsync("<script>");

        Assert.Equal(0, await _page.Locator("main img, main script, main b").CountAsync());
        Assert.Equal(0, await _page.Locator("a[href^='javascript:']").CountAsync());
        Assert.Null(await _page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await Screenshot("hostile-document");
        Assert.Empty(_consoleErrors);
    }
}
