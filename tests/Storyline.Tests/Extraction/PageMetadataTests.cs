using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Tests.Extraction;

public class PageMetadataTests
{
    private const string Paragraph = "<p>The council voted on Tuesday to approve the new bridge, ending years of debate about its cost, its route and who should pay for it.</p>";

    [Fact]
    public void A_headline_given_only_as_metadata_does_not_hide_the_printed_headline()
    {
        var html = "<html><head><title>Council approves bridge after long debate | Example News</title>"
            + "<meta itemprop=\"headline\" content=\"Bridge approved\"></head><body><main><article>"
            + "<h1>Council approves bridge after long debate</h1>" + Paragraph + Paragraph + "</article></main></body></html>";

        var d = new ArticleExtractor().Extract(new SourceDocument("https://example.org/a", html, ContentKind.Html));

        Assert.Equal("Council approves bridge after long debate", d.Metadata.Title);
    }

    [Fact]
    public void Byline_links_inside_an_author_box_give_the_names()
    {
        var html = "<html><body><main><article><h1>Council approves bridge after long debate</h1>"
            + "<div class=\"author\"><a href=\"/staff/jane\">Jane Roe</a> and <a href=\"/staff/john\">John Doe</a></div>"
            + Paragraph + Paragraph + "</article></main></body></html>";

        var d = new ArticleExtractor().Extract(new SourceDocument("https://example.org/a", html, ContentKind.Html));

        Assert.Equal(["Jane Roe"], d.Metadata.Authors.Take(1));
    }
}
