using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Extraction.Html;
using Storyline.Ingest;

namespace Storyline.Tests.Extraction;

/// <summary>Which blocks of a page the content finder takes for the article, on small hand-made pages.</summary>
public class ContentSelectionTests
{
    private static Document Extract(string html) =>
        new ArticleExtractor().Extract(new SourceDocument("https://example.org/news/bridge", html, ContentKind.Html));

    private static string Body(Document d) =>
        string.Join("\n", d.Lines.Where(l => l.Label is LineLabel.Body or LineLabel.Heading).Select(l => d.Slice(l.Span)));

    private static string Story(string headline, string subject, int paragraphs) =>
        $"<article class=\"post\"><h1>{headline}</h1><div class=\"story-text\">"
        + string.Concat(Enumerable.Range(1, paragraphs).Select(i =>
            $"<p>Paragraph {i} about {subject}: the council met on Tuesday, heard the residents, weighed the costs, and voted to go ahead with the plan.</p>"))
        + "</div></article>";

    [Fact]
    public void On_a_page_that_loads_the_next_stories_below_the_first_the_first_is_the_article()
    {
        // The second story is longer and would win on score alone.
        var html = "<html><head><title>Bridge vote</title></head><body>"
            + Story("Council votes on the bridge", "the bridge", 3)
            + Story("Harbour budget rejected", "the harbour", 6)
            + "</body></html>";

        var body = Body(Extract(html));

        Assert.Contains("about the bridge", body, StringComparison.Ordinal);
        Assert.DoesNotContain("about the harbour", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_of_one_article_under_one_headline_are_not_taken_for_repeated_stories()
    {
        var html = "<html><head><title>Bridge vote</title></head><body><article><h1>Council votes on the bridge</h1>"
            + "<div class=\"part\"><p>First part: the council met on Tuesday, heard the residents, weighed the costs, and voted to go ahead with the plan.</p></div>"
            + "<div class=\"part\"><p>Second part: the works start in spring, and the bridge should open in 2028, with a toll for lorries only, officials said.</p>"
            + "<p>The mayor said the vote ended a debate that had divided the district for years, and thanked the residents for their patience.</p></div>"
            + "</article></body></html>";

        var body = Body(Extract(html));

        Assert.Contains("First part", body, StringComparison.Ordinal);
        Assert.Contains("Second part", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_a_stylesheet_class_hides_is_not_read()
    {
        var html = "<html><body><article><h1>Council votes on the bridge</h1>"
            + "<p>The council met on Tuesday, heard the residents, weighed the costs, and voted to go ahead with the bridge plan.</p>"
            + "<div class=\"hidden support-message\"><p>Help keep this site free for everyone by giving as little as one dollar, every contribution goes a long way.</p></div>"
            + "<p>The works start in spring, and the bridge should open in 2028, with a toll for lorries only, officials said on Tuesday.</p>"
            + "</article></body></html>";

        var body = Body(Extract(html));

        Assert.Contains("The works start in spring", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Help keep this site free", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hidden", true)]
    [InlineData("promo d-none", true)]
    [InlineData("box is-hidden", true)]
    [InlineData("hidden md:block", false)]
    [InlineData("d-none d-lg-block", false)]
    [InlineData("hidden-xs", false)]
    [InlineData("article-body", false)]
    [InlineData(null, false)]
    public void A_class_hides_an_element_only_when_no_responsive_class_shows_it(string? classes, bool hidden) =>
        Assert.Equal(hidden, BlockReader.HiddenByClass(classes));

    [Fact]
    public void A_line_saying_the_article_continues_below_an_ad_is_furniture()
    {
        var html = "<html><body><article><h1>Council votes on the bridge</h1>"
            + "<p>The council met on Tuesday, heard the residents, weighed the costs, and voted to go ahead with the bridge plan.</p>"
            + "<p>Article continues below this ad</p>"
            + "<p>The works start in spring, and the bridge should open in 2028, with a toll for lorries only, officials said on Tuesday.</p>"
            + "</article></body></html>";

        var body = Body(Extract(html));

        Assert.Contains("The works start in spring", body, StringComparison.Ordinal);
        Assert.DoesNotContain("continues below", body, StringComparison.Ordinal);
    }
}
