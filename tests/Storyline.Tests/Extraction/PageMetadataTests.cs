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
    public void A_printed_headline_with_inline_markup_keeps_its_words_together()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"The Changeling’s problem with a missing woman\"></head><body><main><article>"
            + "<h1><span><i>The Changeling</i>’s problem with a missing woman</span></h1>" + Paragraph + Paragraph + "</article></main></body></html>";

        var d = new ArticleExtractor().Extract(new SourceDocument("https://example.org/a", html, ContentKind.Html));

        Assert.Equal("The Changeling’s problem with a missing woman", d.Metadata.Title);
    }

    [Fact]
    public void A_section_label_before_the_headline_is_not_part_of_it()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"Opinion | What the bridge will cost us\"></head><body><main><article>"
            + "<h1><span>Opinion</span> <span>What the bridge will cost us</span></h1>" + Paragraph + Paragraph + "</article></main></body></html>";

        var d = new ArticleExtractor().Extract(new SourceDocument("https://example.org/a", html, ContentKind.Html));

        Assert.Equal("What the bridge will cost us", d.Metadata.Title);
    }

    [Fact]
    public void A_bracketed_media_label_after_the_printed_headline_is_not_part_of_it()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"WATCH: 'Bridge' singers bring the house down\"></head><body><main><article>"
            + "<h1>‘Bridge’ singers bring the house down [Watch]</h1>" + Paragraph + Paragraph + "</article></main></body></html>";

        var d = new ArticleExtractor().Extract(new SourceDocument("https://example.org/a", html, ContentKind.Html));

        Assert.Equal("‘Bridge’ singers bring the house down", d.Metadata.Title);
    }

    [Fact]
    public void A_printed_headline_that_goes_on_after_the_shorter_metadata_title_is_the_headline()
    {
        var html = "<html><head><meta property=\"og:title\" content=\"Mayor opens the new bridge to traffic\"></head><body><main><article>"
            + "<h1>Mayor opens the new bridge to traffic: ‘A day we waited for’</h1>" + Paragraph + Paragraph + "</article></main></body></html>";

        var d = new ArticleExtractor().Extract(new SourceDocument("https://example.org/a", html, ContentKind.Html));

        Assert.Equal("Mayor opens the new bridge to traffic: ‘A day we waited for’", d.Metadata.Title);
    }

    [Theory]
    [InlineData("Mayor opens the new bridge to traffic: ‘A day we waited for’", "Mayor opens the new bridge to traffic", true)]
    [InlineData("Mayor opens the new bridge", "Mayor opens the new bridge", false)]
    [InlineData("Example News: Mayor opens the new bridge to traffic", "Example News", false)]
    [InlineData("Mayor opens the new bridge to traffic and then goes on for far longer than any title could", "Mayor opens the new bridge", false)]
    public void The_printed_headline_extends_a_metadata_title_only_when_it_goes_on_after_all_of_it(string h1, string described, bool extends) =>
        Assert.Equal(extends, Storyline.Extraction.Html.PageMetadata.Extends(h1, described));

    [Theory]
    [InlineData("The bridge (Video)", "The bridge")]
    [InlineData("[Photos]", "[Photos]")]
    [InlineData("The bridge [in three parts]", "The bridge [in three parts]")]
    public void Only_a_media_label_at_the_end_is_dropped(string title, string expected)
    {
        Assert.Equal(expected, Storyline.Extraction.Html.PageMetadata.StripMediaLabel(title));
    }

    [Theory]
    [InlineData("Example News - Example News’s bridge of the year: the vote", "Example News’s bridge of the year: the vote")]
    [InlineData("Council approves bridge | Example News", "Council approves bridge")]
    public void A_title_segment_is_dropped_only_when_it_names_the_outlet(string title, string expected)
    {
        Assert.Equal(expected, Storyline.Extraction.Html.PageMetadata.StripSiteName(title, "Example News"));
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
