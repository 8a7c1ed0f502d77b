namespace Storyline.Tests.Time;

public class PublicationDateTests
{
    [Fact]
    public void A_dateline_whose_weekday_does_not_fit_gets_the_year_where_it_does()
    {
        var d = TimeStageTests.Annotate("Putin arrives in Delhi\nThursday | 4th December 2026\nPutin on Wednesday said Russia would fight on, as it has since 2014.\n");
        Assert.Equal(new DateOnly(2025, 12, 4), d.Metadata.Published);
        Assert.False(d.Metadata.PublishedInferred);
        Assert.Contains("Friday", d.Metadata.PublishedNote, StringComparison.Ordinal);
        Assert.Equal("2025-12-03", d.TimeExpressions.Single(t => d.Slice(t.Span) == "Wednesday").Value);
    }

    [Fact]
    public void A_consistent_dateline_is_taken_as_printed()
    {
        var d = TimeStageTests.Annotate("Headline\nFriday, 4 December 2026\nThe minister spoke on Thursday.\n");
        Assert.Equal(new DateOnly(2026, 12, 4), d.Metadata.Published);
        Assert.Equal(0.95, d.Metadata.PublishedConfidence);
    }

    [Fact]
    public void Without_a_dateline_a_weekday_with_a_numeric_date_fixes_the_day_and_the_order()
    {
        var d = TimeStageTests.Annotate("In an interview released on Thursday (4/12), he spoke. A photo from August 6, 2025 shows him.\nOfficials traveled to Washington on Thursday.");
        Assert.Equal(new DateOnly(2025, 12, 4), d.Metadata.Published);
        Assert.True(d.Metadata.PublishedInferred);
        Assert.Contains("day/month", d.Metadata.PublishedNote, StringComparison.Ordinal);
        Assert.All(d.TimeExpressions.Where(t => d.Slice(t.Span).StartsWith("Thursday", StringComparison.Ordinal)), t => Assert.Equal("2025-12-04", t.Value));
    }

    [Fact]
    public void A_weekday_reported_after_a_full_date_moves_the_day_of_writing_to_it()
    {
        // 2 December 2025 is a Tuesday; the Thursday the article reports as past is two days later.
        var d = TimeStageTests.Annotate("The summit opened on 2 December 2025 in Brussels. On Thursday, the leaders signed the accord, officials said.");
        Assert.Equal(new DateOnly(2025, 12, 4), d.Metadata.Published);
        Assert.True(d.Metadata.PublishedInferred);
        Assert.Equal(0.5, d.Metadata.PublishedConfidence);
        Assert.Contains("Thursday after", d.Metadata.PublishedNote, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_date_older_than_a_month_reported_as_past_is_background()
    {
        var d = TimeStageTests.Annotate("On Friday, the minister recalled the invasion of 24 February 2022. Exports collapsed in September 2025, he said.");
        Assert.Null(d.Metadata.Published);
        Assert.Contains("background", d.Metadata.PublishedNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekdays_alone_do_not_date_an_article()
    {
        var d = TimeStageTests.Annotate("Putin said on Friday that talks would continue this weekend.");
        Assert.Null(d.Metadata.Published);
        Assert.Contains("cannot be fixed", d.Metadata.PublishedNote, StringComparison.Ordinal);
        Assert.Equal("XXXX-WXX-5", d.TimeExpressions[0].Value);
    }

    [Fact]
    public void A_date_given_by_the_source_is_kept()
    {
        var d = TimeStageTests.Annotate("Thursday | 4th December 2026\nPutin spoke on Wednesday.", new DateOnly(2026, 12, 4));
        Assert.Equal(new DateOnly(2026, 12, 4), d.Metadata.Published);
        Assert.Equal("given by the source", d.Metadata.PublishedNote);
    }

    [Fact]
    public void Weekdays_alone_still_tell_the_weekday_of_writing()
    {
        // Past Tuesday and Wednesday, Sunday announced: written on the Wednesday, after the latest month named.
        var d = TimeStageTests.Annotate("The paper reported late Tuesday that Russia annexed the regions in September 2022. "
            + "On Wednesday, the Kremlin said nothing was agreed. Talks will continue on Sunday.");
        Assert.Null(d.Metadata.Published);
        Assert.Contains("written on a Wednesday", d.Metadata.PublishedNote, StringComparison.Ordinal);
        Assert.Contains("later than September 2022", d.Metadata.PublishedNote, StringComparison.Ordinal);
    }
}
