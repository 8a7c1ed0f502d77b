using System.Text;
using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Tests.Extraction;

public class HtmlArticleExtractorTests
{
    private const string Page = """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <title>Bridge plan approved | The Daily Example</title>
          <meta property="og:title" content="Bridge plan approved after years of debate">
          <meta property="og:site_name" content="The Daily Example">
          <meta property="article:modified_time" content="2026-03-05T10:00:00Z">
          <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge plan approved after years of debate",
             "datePublished": "2026-03-03T08:15:00+01:00", "dateModified": "2026-03-05T10:00:00Z",
             "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}],
             "publisher": {"@type": "Organization", "name": "Daily Example Media"}}
          </script>
        </head>
        <body>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          <div class="cookie-consent">We use cookies to improve your experience. Accept all cookies?</div>
          <main>
            <article>
              <h1>Bridge plan approved after years of debate</h1>
              <div class="byline">By Jane Roe and John Doe | Updated 3 min ago</div>
              <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
              <div class="article-body">
                <p>The city council approved the new river bridge on Monday, ending a debate that has divided the district for years, and construction will start in spring.</p>
                <figure><img src="a.jpg"><figcaption>The old ferry landing, where the bridge will stand. Photo: Jane Roe</figcaption></figure>
                <p>Engineers have studied the site for two years, and the council expects the crossing to open to traffic in 2028, officials said on Monday.</p>
                <h2>What comes next</h2>
                <p>The final design goes to a public consultation that opens next week, with a vote planned for April, the mayor told reporters.</p>
                <div class="newsletter-signup"><p>Sign up for our free weekly newsletter and never miss a story from the city.</p></div>
              </div>
              <aside class="related"><h3>Related</h3><ul><li><a href="/1">Council rejects “unrealistic” harbour budget</a></li></ul></aside>
            </article>
          </main>
          <section id="comments"><p>Great news, finally, after all these years of waiting for it to happen!</p></section>
          <footer>© 2026 The Daily Example. All rights reserved.</footer>
        </body>
        </html>
        """;

    private static Document Extract(string html, string uri = "https://example.test/city/2026/03/03/bridge") =>
        new ArticleExtractor().Extract(new SourceDocument(uri, html, ContentKind.Html));

    [Fact]
    public void Keeps_paragraphs_and_headings_and_drops_the_furniture()
    {
        var d = Extract(Page);
        var lines = d.Lines.Select(l => (d.Slice(l.Span), l.Label)).ToList();
        Assert.Equal(("Bridge plan approved after years of debate", LineLabel.Title), lines[0]);
        Assert.StartsWith("The city council approved", lines[1].Item1, StringComparison.Ordinal);
        Assert.Contains(("What comes next", LineLabel.Heading), lines);
        Assert.Equal(5, lines.Count);
        foreach (var gone in new[] { "Home", "cookies", "Share", "ferry landing", "newsletter", "Related", "Great news", "All rights" })
            Assert.DoesNotContain(gone, d.Text, StringComparison.Ordinal);
        Assert.Empty(d.Metadata.Warnings);
    }

    [Fact]
    public void Reads_title_outlet_authors_published_date_and_language()
    {
        // A URL without a date, so that the JSON-LD date is the one read.
        var m = Extract(Page, "https://example.test/city/bridge").Metadata;
        Assert.Equal("Bridge plan approved after years of debate", m.Title);
        Assert.Equal("The Daily Example", m.Outlet);
        Assert.Equal(["Jane Roe", "John Doe"], m.Authors);
        Assert.Equal(new DateOnly(2026, 3, 3), m.Published);
        Assert.Contains("datePublished", m.PublishedNote, StringComparison.Ordinal);
        Assert.Equal("en", m.Language);
    }

    [Fact]
    public void Without_metadata_falls_back_to_the_title_tag_the_domain_the_byline_and_the_url_date()
    {
        const string html = """
            <html><head><title>Storm closes harbour - Example News</title></head><body>
            <div class="content"><div class="byline">By Ann Smith | Staff writer</div>
            <p>A storm closed the harbour on Sunday, and ferries to the islands were cancelled until further notice, the port authority said.</p>
            <p>Forecasters expect the wind to ease by Tuesday, but warned of more rain across the region during the rest of the week.</p></div>
            </body></html>
            """;
        var m = Extract(html, "https://www.example.test/2025/11/30/storm").Metadata;
        Assert.Equal("Storm closes harbour", m.Title);
        Assert.Equal("example.test", m.Outlet);
        Assert.Equal(["Ann Smith"], m.Authors);
        Assert.Equal(new DateOnly(2025, 11, 30), m.Published);
    }

    [Fact]
    public void Detects_the_language_when_the_page_does_not_declare_it()
    {
        const string html = """
            <html><body><div class="article-body">
            <p>Die Stadt hat am Montag den Bau der neuen Brücke beschlossen, nachdem der Rat jahrelang über den Plan gestritten hatte.</p>
            <p>Die Ingenieure rechnen damit, dass die Arbeiten im Frühjahr beginnen und die Brücke im Jahr 2028 für den Verkehr geöffnet wird.</p>
            </div></body></html>
            """;
        Assert.Equal("de", Extract(html).Metadata.Language);
    }

    [Theory]
    [InlineData("By Jane Roe | Updated 3 min ago", new[] { "Jane Roe" })]
    [InlineData("By Staff | Updated 3 min ago", new string[0])]
    [InlineData("Jane Roe, John Doe and Ann Smith", new[] { "Jane Roe", "John Doe", "Ann Smith" })]
    [InlineData("https://example.test/authors/jane", new string[0])]
    public void Author_names_are_cleaned_of_byline_noise(string raw, string[] expected) =>
        Assert.Equal(expected, Storyline.Extraction.Html.PageMetadata.SplitNames(raw));
}

public class HtmlBadInputTests
{
    private static Document Extract(string html) =>
        new ArticleExtractor().Extract(new SourceDocument("test://bad.html", html, ContentKind.Html));

    private const string Paragraph = "<p>The council approved the new bridge on Monday, ending a debate that has divided the district for years, officials said.</p>";

    [Fact]
    public void Truncated_html_still_gives_the_text_that_arrived()
    {
        var d = Extract("<html><body><article>" + Paragraph + Paragraph + "<p>The mayor said the work would st");
        Assert.Contains("ending a debate", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Hundred_thousand_nested_elements_do_not_overflow_the_stack()
    {
        var html = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++)
            html.Append("<div>");
        html.Append(Paragraph).Append(Paragraph);
        var d = Extract(html.ToString());
        Assert.Contains("ending a debate", d.Text, StringComparison.Ordinal);
        Assert.Contains(d.Metadata.Warnings, w => w.Contains("flattened", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fifty_megabyte_page_is_read_up_to_the_limit_with_a_warning()
    {
        var html = new StringBuilder("<html><body><article>");
        html.Append(Paragraph).Append(Paragraph);
        var filler = "<div class=\"x\">" + new string('x', 1000) + "</div>";
        while (html.Length < 50 * 1024 * 1024)
            html.Append(filler);
        var d = Extract(html.ToString());
        Assert.Contains(d.Metadata.Warnings, w => w.Contains("only the first", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<html><head><script>var x = 1;</script></head><body><script>document.write('hi');</script></body></html>")]
    [InlineData("<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer>© 2026</footer></body></html>")]
    [InlineData("")]
    [InlineData("not html at all, just < and > and &&& characters")]
    public void A_page_without_an_article_is_an_empty_document_with_a_warning(string html)
    {
        var d = Extract(html);
        Assert.Equal("", d.Text);
        Assert.Contains(ExtractionWarnings.NoArticle, d.Metadata.Warnings);
    }

    [Fact]
    public void A_declared_legacy_charset_is_honoured_when_the_bytes_are_not_utf8()
    {
        var latin1 = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café à Zürich</p></body></html>");
        Assert.Contains("Café à Zürich", HtmlDecoding.Decode(latin1), StringComparison.Ordinal);
        Assert.Contains("Grüße", HtmlDecoding.Decode(Encoding.UTF8.GetBytes("<p>Grüße</p>")), StringComparison.Ordinal);
    }
}
