using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Tests.Extraction;

public class PublishedDateTests
{
    private const string Paragraph = "<p>The council voted on Tuesday to approve the new bridge, ending years of debate about its cost, its route and who should pay for it.</p>";

    private static DateOnly? Published(string head, string article, string uri = "https://example.org/news/bridge")
    {
        var html = $"<html><head>{head}</head><body><main><article><h1>Council approves the new bridge</h1>{article}{Paragraph}{Paragraph}</article></main></body></html>";
        return new ArticleExtractor().Extract(new SourceDocument(uri, html, ContentKind.Html)).Metadata.Published;
    }

    [Fact]
    public void A_full_date_in_the_url_path_outranks_a_republished_date()
    {
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2023-01-10T08:00:00Z\"}</script>";

        Assert.Equal(new DateOnly(2021, 3, 4), Published(head, "", "https://example.org/2021/03/04/bridge-approved"));
    }

    [Fact]
    public void A_date_packed_into_one_url_segment_is_read()
    {
        Assert.Equal(new DateOnly(2021, 3, 4), Published("", "", "https://example.org/news/20210304/bridge-approved"));
    }

    [Fact]
    public void A_long_number_in_the_url_is_not_a_date()
    {
        Assert.Null(Published("", "", "https://example.org/news/2021030412/bridge-approved"));
    }

    [Fact]
    public void A_byline_with_a_two_digit_year_gives_the_date()
    {
        Assert.Equal(new DateOnly(2023, 5, 12), Published("", "<div class=\"datum\">Erstellt am 12.05.23</div>"));
    }

    [Fact]
    public void A_two_digit_year_that_would_be_in_the_future_is_of_the_last_century()
    {
        Assert.Equal(new DateOnly(1998, 5, 12), Published("", "<div class=\"datum\">12.05.98</div>"));
    }

    [Fact]
    public void A_byline_gives_its_original_date_not_the_update()
    {
        var byline = "<div class=\"article-meta\">Updated 5 May 2023, first published 2 May 2023</div>";

        Assert.Equal(new DateOnly(2023, 5, 2), Published("", byline));
    }

    [Fact]
    public void A_time_element_marked_as_the_update_is_passed_over()
    {
        var times = "<p class=\"stamp\"><time class=\"updated\" datetime=\"2023-05-05\">5 May</time> <time datetime=\"2023-05-02\">2 May</time></p>";

        Assert.Equal(new DateOnly(2023, 5, 2), Published("", times));
    }

    [Fact]
    public void Without_markup_the_first_date_in_reading_order_is_taken_and_future_dates_are_not()
    {
        var text = "<p>Tickets for the opening on 3 May 2099 sold out; the hearing on 12 March 2022 followed a filing of 2021-01-05.</p>";

        Assert.Equal(new DateOnly(2022, 3, 12), Published("", text));
    }

    [Fact]
    public void A_chinese_or_japanese_date_is_read()
    {
        var byline = "<div class=\"post-date\">2023年5月12日 10:30</div>";

        Assert.Equal(new DateOnly(2023, 5, 12), Published("", byline));
    }
}
