using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Extraction.Html;
using Storyline.Ingest;

namespace Storyline.Tests.Extraction;

public class PublishedDateTests
{
    private const string Paragraph = "<p>The council voted on Tuesday to approve the new bridge, ending years of debate about its cost, its route and who should pay for it.</p>";

    private static DateOnly? Published(string head, string article, string uri = "https://example.org/news/bridge") =>
        MetadataOf(head, article, uri).Published;

    private static DocumentMetadata MetadataOf(string head, string article, string uri = "https://example.org/news/bridge") =>
        Page($"<html><head>{head}</head><body><main><article><h1>Council approves the new bridge</h1>{article}{Paragraph}{Paragraph}</article></main></body></html>", uri);

    private static DocumentMetadata Page(string html, string uri = "https://example.org/news/bridge") =>
        new ArticleExtractor().Extract(new SourceDocument(uri, html, ContentKind.Html)).Metadata;

    private static string JsonLd(string fields) => $"<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",{fields}}}</script>";

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

    [Fact]
    public void A_packed_url_date_followed_by_an_id_is_the_story_key_not_the_day()
    {
        var head = JsonLd("\"datePublished\":\"2023-12-22T09:00:00+11:00\"");

        Assert.Equal(new DateOnly(2023, 12, 22), Published(head, "", "https://example.org/culture/bridge-story-20231218-p5es82.html"));
        Assert.Equal(new DateOnly(2023, 12, 18), Published(head, "", "https://example.org/culture/bridge-story-20231218.html"));
    }

    [Fact]
    public void A_url_day_followed_by_a_slug_is_the_headline_s_number()
    {
        var head = JsonLd("\"datePublished\":\"2023-12-22T09:00:00-05:00\"");

        Assert.Equal(new DateOnly(2023, 12, 22), Published(head, "", "https://example.org/city/2023/12/16-new-officers-join.html"));
    }

    [Fact]
    public void A_url_with_a_month_name_folder_gives_the_date()
    {
        Assert.Equal(new DateOnly(2023, 12, 21), Published("", "", "https://example.org/world/2023/dec/21/bridge-approved"));
        Assert.Null(PageDates.FromUrl("https://example.org/2023/market/12/bridge"));
    }

    [Fact]
    public void A_month_folder_and_a_file_named_by_a_date_stamp_give_the_day()
    {
        Assert.Equal(new DateOnly(2023, 12, 13), Published("", "", "https://example.org/releases/2023/12/231213112457.htm"));
        Assert.Null(PageDates.FromUrl("https://example.org/releases/2023/12/221213112457.htm"));
    }

    [Fact]
    public void A_two_digit_year_is_of_the_century_closest_to_the_reference_without_passing_it()
    {
        var reference = new DateOnly(2026, 12, 1);

        Assert.Equal(2026, PageDates.FullYear(26, 5, 12, reference));
        Assert.Equal(1998, PageDates.FullYear(98, 5, 12, reference));
        Assert.Equal(1927, PageDates.FullYear(27, 5, 12, reference));
        Assert.Equal(1926, PageDates.FullYear(26, 12, 12, reference));
        Assert.Null(PageDates.FindInText("Erstellt am 12.05.27", reference));
        Assert.Equal(new DateOnly(2027, 5, 12), PageDates.FindInText("Erstellt am 12.05.27", new DateOnly(2027, 6, 1)));
    }

    [Fact]
    public void An_hatom_abbr_stamp_gives_the_date()
    {
        Assert.Equal(new DateOnly(2009, 4, 2), Published("", "<p>Posted by Anna at <abbr class=\"published\" title=\"2009-04-02T10:00:00+02:00\">10:00</abbr></p>"));
    }

    [Fact]
    public void A_byline_inside_the_comments_is_not_the_article_s()
    {
        var html = "<html><body><section id=\"comments\"><div class=\"comment-meta\">5 May 2023</div></section>"
            + $"<article><h1>Council approves the new bridge</h1><div class=\"post-meta\">2 May 2023</div>{Paragraph}</article></body></html>";

        Assert.Equal(new DateOnly(2023, 5, 2), Page(html).Published);
    }

    [Fact]
    public void Without_markup_dates_in_a_sidebar_are_passed_over_and_the_note_says_so()
    {
        var html = "<html><body><div class=\"sidebar\">Recent posts: 1 March 2023</div>"
            + $"<article><h1>Council approves the new bridge</h1><p>The vote of 12 March 2022 ended the debate.</p>{Paragraph}</article></body></html>";

        var m = Page(html);

        Assert.Equal(new DateOnly(2022, 3, 12), m.Published);
        Assert.Contains("comments, related articles and the footer not read", m.PublishedNote);
    }

    [Fact]
    public void Without_markup_a_date_next_to_the_headline_beats_an_earlier_one_far_above_it()
    {
        var html = $"<html><body><p>Our archive starts on 1 January 2020.</p>{Paragraph}{Paragraph}{Paragraph}"
            + $"<h1>Council approves the new bridge</h1><p>Berlin, 3 March 2021. The council met.</p>{Paragraph}</body></html>";

        var m = Page(html);

        Assert.Equal(new DateOnly(2021, 3, 3), m.Published);
        Assert.Contains("next to the headline", m.PublishedNote);
    }

    [Fact]
    public void The_url_s_month_folders_choose_among_the_printed_dates()
    {
        var text = "<p>The plan of 12 January 2020 was revised; the vote on 4 March 2021 approved it.</p>";

        Assert.Equal(new DateOnly(2021, 3, 4), Published("", text, "https://example.org/2021/03/bridge-approved"));
    }

    [Fact]
    public void A_utc_stamp_gives_way_to_the_outlet_s_own_day_printed_in_the_byline()
    {
        var head = JsonLd("\"datePublished\":\"2023-12-23T03:22:07Z\"");

        var m = MetadataOf(head, "<div class=\"byline\">By Anna Smith, Dec 22, 2023, 10:22 PM EST</div>");

        Assert.Equal(new DateOnly(2023, 12, 22), m.Published);
        Assert.Contains("UTC", m.PublishedNote);
        Assert.Equal(new DateOnly(2023, 12, 23), Published(head, "<div class=\"byline\">By Anna Smith, Dec 23, 2023</div>"));
    }

    [Fact]
    public void The_first_published_meta_in_the_page_s_order_wins_over_json_ld()
    {
        var head = "<meta name=\"date\" content=\"2023-03-04\"><meta property=\"article:published_time\" content=\"2023-03-06T09:00:00+01:00\">"
            + JsonLd("\"datePublished\":\"2023-03-08T09:00:00+01:00\"");

        var m = MetadataOf(head, "");

        Assert.Equal(new DateOnly(2023, 3, 4), m.Published);
        Assert.Contains("<meta date>", m.PublishedNote);
        Assert.Equal(new DateOnly(2023, 3, 8), Published(JsonLd("\"datePublished\":\"2023-03-08T09:00:00+01:00\""), ""));
    }

    [Fact]
    public void A_meta_without_a_zone_takes_the_zone_of_the_json_ld_stamp_of_the_same_day()
    {
        var head = "<meta property=\"article:published_time\" content=\"2023-12-23T03:22:07\">" + JsonLd("\"datePublished\":\"2023-12-23T03:22:07Z\"");

        var m = MetadataOf(head, "<div class=\"byline\">By Anna Smith, Dec 22, 2023, 10:22 PM EST</div>");

        Assert.Equal(new DateOnly(2023, 12, 22), m.Published);
        Assert.Contains("UTC", m.PublishedNote);
    }

    [Fact]
    public void The_note_names_the_update_that_was_passed_over()
    {
        var head = JsonLd("\"datePublished\":\"2023-05-02T08:00:00+02:00\",\"dateModified\":\"2023-05-05T08:00:00+02:00\"");

        var m = MetadataOf(head, "");

        Assert.Equal(new DateOnly(2023, 5, 2), m.Published);
        Assert.Contains("2023-05-05 passed over (an update", m.PublishedNote);
    }

    [Fact]
    public void A_url_date_that_outranks_the_declared_one_is_explained()
    {
        var head = JsonLd("\"datePublished\":\"2023-01-10T08:00:00Z\"");

        var m = MetadataOf(head, "", "https://example.org/2021/03/04/bridge-approved");

        Assert.Contains("JSON-LD datePublished 2023-01-10 passed over", m.PublishedNote);
    }

    [Fact]
    public void A_timestamp_in_the_markup_is_a_last_resort()
    {
        Assert.Equal(new DateOnly(2021, 6, 7), Published("", "<div data-created=\"2021-06-07 10:11:12\"></div>"));
    }

    [Fact]
    public void A_german_datum_cue_introduces_a_two_digit_year_date()
    {
        Assert.Equal(new DateOnly(2021, 3, 4), Published("", "<p>Datum: 04.03.21</p>"));
    }

    [Fact]
    public void A_year_first_date_with_slashes_or_dots_is_read_but_not_a_version_number()
    {
        Assert.Equal(new DateOnly(2019, 3, 12), Published("", "<div class=\"post-date\">2019/03/12 10:30</div>"));
        Assert.Equal(new DateOnly(2019, 3, 12), PageDates.FindInText("Posted on 2019.03.12."));
        Assert.Null(PageDates.FindInText("Release 2019.03.12.4 is out"));
    }

    [Fact]
    public void A_wrapper_around_the_headline_is_the_article_whatever_its_class_says()
    {
        var html = "<html><body><section class=\"article-with-sidebar\"><aside><div class=\"post-date\">1 March 2023</div></aside>"
            + $"<article><h1>Council approves the new bridge</h1><div class=\"article-meta\">Dec 23, 2023 5:06pm PT</div>{Paragraph}</article></section></body></html>";

        Assert.Equal(new DateOnly(2023, 12, 23), Page(html).Published);
    }

    [Fact]
    public void A_footer_of_the_headline_block_holds_the_byline_not_the_page_footer()
    {
        var html = "<html><head>" + JsonLd("\"datePublished\":\"2023-12-20T01:00:21Z\"") + "</head><body><div class=\"headline\"><h1>Council approves the new bridge</h1>"
            + "<div class=\"headline__footer\"><div class=\"timestamp\">Published 8:00 PM EST, Tue December 19, 2023</div></div></div>"
            + $"<div class=\"article\">{Paragraph}</div><div class=\"site-footer\"><span class=\"date\">1 March 2023</span></div></body></html>";

        Assert.Equal(new DateOnly(2023, 12, 19), Page(html).Published);
    }

    [Fact]
    public void A_utc_stamp_is_read_in_the_zone_the_page_s_other_stamps_are_written_in()
    {
        var head = JsonLd("\"datePublished\":\"2023-12-22T18:30:00+00:00\"");

        var m = MetadataOf(head, "<p class=\"stamp\"><time datetime=\"2023-12-23T05:30:00+11:00\">5.30am</time></p>");

        Assert.Equal(new DateOnly(2023, 12, 23), m.Published);
        Assert.Contains("+11:00", m.PublishedNote);
        Assert.Equal(new DateOnly(2023, 12, 22), Published(head, "<p class=\"stamp\"><time datetime=\"2023-12-22T20:30:00+02:00\">8.30pm</time></p>"));
    }

    [Fact]
    public void A_date_named_as_the_first_publication_beats_the_update_printed_before_it()
    {
        var byline = "<div class=\"byline\">Fri 22 Dec 2023 18.08 CET First published on Thu 21 Dec 2023 22.12 CET</div>";

        Assert.Equal(new DateOnly(2023, 12, 21), Published("", byline));
    }

    [Fact]
    public void A_page_that_prints_no_date_is_dated_by_the_most_frequent_date_in_its_source()
    {
        var html = "<html><body><article><h1>Council approves the new bridge</h1>"
            + "<a href=\"/2019/05/12/bridge\">Permalink</a><a href=\"/2019/05/12/bridge#reply\">Reply</a><img src=\"/files/2021-01-03/x.jpg\">"
            + $"{Paragraph}</article></body></html>";

        var m = Page(html, "https://example.org/news/bridge");

        Assert.Equal(new DateOnly(2019, 5, 12), m.Published);
        Assert.Contains("most frequent date in the page source", m.PublishedNote);
    }
}
