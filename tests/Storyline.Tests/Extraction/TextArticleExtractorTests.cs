using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Tests.Extraction;

public class TextArticleExtractorTests
{
    // A made-up article with the furniture scraped text carries: a pitch, a breadcrumb copy of the title, a dateline,
    // a related-links block, a photo gallery, a heading, a comment form and a promo in another script.
    private const string Scraped = """
        Support The Daily Example!

        Mayor promises new bridge for the river district by next summer

        Mayor promises new bridge

        Tuesday | 3rd March 2026

        The mayor said on Monday that the city would build a new bridge across the river, ending years of debate about the crossing.
        Подпишитесь на наш канал, чтобы не пропустить новости.
        Read also
        -
        city
        Council rejects “unrealistic” budget for the harbour
        -
        city
        Residents say ‘enough is enough’ after third flood
        Engineers have studied the site for two years, and the council expects construction to begin in the spring, officials said.
        4 photos
        1 of 4
        The old ferry landing
        Jane Roe/Example Images 2 of 4
        Traffic on the east bank
        Getty Images
        What comes next
        The council will vote on the final design in April, after a public consultation that opens next week.
        Leave a Comment
        Your email address will not be published. Required fields are marked *
        A Message from The Daily Example:
        Dear readers,
        We cover the city every day. Our reporters depend on readers like you to keep our work independent.
        Please support The Daily Example with a monthly donation.
        """;

    private static (Document Document, Dictionary<string, LineLabel> Labels) Extract(string text)
    {
        var d = new TextArticleExtractor().Extract(new SourceDocument("test://article.txt", text, ContentKind.Text));
        // Lines that occur twice ("-", "city") have one label each time; the first stands for both.
        return (d, d.Lines.GroupBy(l => d.Slice(l.Span)).ToDictionary(g => g.Key, g => g.First().Label));
    }

    [Fact]
    public void Labels_title_dateline_body_heading_caption_and_boilerplate()
    {
        var (_, labels) = Extract(Scraped);
        Assert.Equal(LineLabel.Boilerplate, labels["Support The Daily Example!"]);
        Assert.Equal(LineLabel.Title, labels["Mayor promises new bridge for the river district by next summer"]);
        Assert.Equal(LineLabel.Boilerplate, labels["Mayor promises new bridge"]);
        Assert.Equal(LineLabel.Dateline, labels["Tuesday | 3rd March 2026"]);
        Assert.Equal(LineLabel.Body, labels.First(kv => kv.Key.StartsWith("The mayor said", StringComparison.Ordinal)).Value);
        Assert.Equal(LineLabel.Boilerplate, labels["Подпишитесь на наш канал, чтобы не пропустить новости."]);
        Assert.Equal(LineLabel.Boilerplate, labels["Council rejects “unrealistic” budget for the harbour"]);
        Assert.Equal(LineLabel.Boilerplate, labels["Residents say ‘enough is enough’ after third flood"]);
        Assert.Equal(LineLabel.Caption, labels["4 photos"]);
        Assert.Equal(LineLabel.Caption, labels["The old ferry landing"]);
        Assert.Equal(LineLabel.Caption, labels["Traffic on the east bank"]);
        Assert.Equal(LineLabel.Caption, labels["Getty Images"]);
        Assert.Equal(LineLabel.Heading, labels["What comes next"]);
        Assert.Equal(LineLabel.Boilerplate, labels["Leave a Comment"]);
        Assert.Equal(LineLabel.Boilerplate, labels["We cover the city every day. Our reporters depend on readers like you to keep our work independent."]);
    }

    [Fact]
    public void Sets_the_title_and_the_outlet_the_furniture_names()
    {
        var (d, _) = Extract(Scraped);
        Assert.Equal("Mayor promises new bridge for the river district by next summer", d.Metadata.Title);
        Assert.Equal("The Daily Example", d.Metadata.Outlet);
    }

    [Fact]
    public void A_text_that_opens_with_a_long_paragraph_has_no_title()
    {
        var text = "The mayor said on Monday that the city would build a new bridge across the river, ending years of debate about the crossing that has divided the council and the residents of both banks since 2019.\nEngineers have studied the site for two years.\n";
        var (d, labels) = Extract(text);
        Assert.Null(d.Metadata.Title);
        Assert.All(labels.Values, l => Assert.Equal(LineLabel.Body, l));
        Assert.Null(d.Metadata.Outlet);
    }

    [Fact]
    public void A_text_of_furniture_only_is_flagged_as_no_article()
    {
        var (d, _) = Extract("Leave a Comment\nScroll to Top\n");
        Assert.Contains(ExtractionWarnings.NoArticle, d.Metadata.Warnings);
    }
}
