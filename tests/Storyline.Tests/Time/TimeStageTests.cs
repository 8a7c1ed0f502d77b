using Storyline.Documents;
using Storyline.Time;

namespace Storyline.Tests.Time;

public class TimeStageTests
{
    /// <summary>Runs the time stage on one text with a known publication date and returns (surface, type, value).</summary>
    internal static List<(string Text, TimexType Type, string Value)> Tag(string text, DateOnly? published = null, string? uri = null)
    {
        var d = Annotate(text, published, uri);
        return d.TimeExpressions.Select(t => (d.Slice(t.Span), t.Type, t.Value)).ToList();
    }

    internal static Document Annotate(string text, DateOnly? published = null, string? uri = null)
    {
        var meta = new DocumentMetadata { Published = published, PublishedNote = published is null ? null : "given by the source", SourceUri = uri };
        var d = new Document(text, meta);
        new TimeStage().Apply(d);
        return d;
    }

    private static string ValueOf(string text, string surface, DateOnly? published = null) =>
        Tag(text, published).Single(t => t.Text.Contains(surface, StringComparison.Ordinal)).Value;

    private static readonly DateOnly Thursday = new(2025, 12, 4);

    [Theory]
    [InlineData("The talks began on 4 December 2025 in Geneva.", "4 December 2025", "2025-12-04")]
    [InlineData("The talks began on 4th December in Geneva.", "4th December", "2025-12-04")]
    [InlineData("The talks began Dec. 4 in Geneva.", "Dec. 4", "2025-12-04")]
    [InlineData("The talks began on December 4, 2025, in Geneva.", "December 4, 2025", "2025-12-04")]
    [InlineData("The file is dated 2025-12-04.", "2025-12-04", "2025-12-04")]
    [InlineData("Russia annexed Crimea in 2014.", "2014", "2014")]
    [InlineData("The invasion began in February 2022.", "February 2022", "2022-02")]
    [InlineData("Russia could take the region by August 2027 at this rate.", "August 2027", "2027-08")]
    [InlineData("The plan was leaked in late November.", "late November", "2025-11")]
    public void Absolute_dates_in_common_forms(string text, string surface, string value) =>
        Assert.Equal(value, ValueOf(text, surface, Thursday));

    [Theory]
    [InlineData("Putin said on Tuesday that talks would go on.", "2025-12-02")]
    [InlineData("Putin will travel to India on Tuesday.", "2025-12-09")]
    [InlineData("Putin is scheduled to arrive in New Delhi on Thursday.", "2025-12-04")]
    [InlineData("Kommersant reported late Tuesday that a deal was near.", "2025-12-02")]
    [InlineData("Officials are traveling to Miami on Saturday for talks.", "2025-12-06")]
    public void Bare_weekdays_take_the_direction_of_the_tense(string text, string value) =>
        Assert.Equal(value, Tag(text, Thursday).Single().Value);

    [Theory]
    [InlineData("The officials met last week.", "2025-12-19", "2025-W50")]
    [InlineData("They are expected to meet this weekend.", "2025-12-19", "2025-W51-WE")]
    [InlineData("Prices will rise next month.", "2025-12-04", "2026-01")]
    [InlineData("The deal was signed two weeks ago.", "2025-12-04", "2025-W47")]
    [InlineData("Sales rose earlier this year.", "2025-12-04", "2025")]
    [InlineData("He said so yesterday.", "2024-03-01", "2024-02-29")]
    public void Relative_expressions_resolve_against_the_publication_date(string text, string published, string value) =>
        Assert.Equal(value, Tag(text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)).Single().Value);

    [Fact]
    public void Last_week_said_on_2_January_is_the_last_week_of_the_previous_year() =>
        Assert.Equal("2025-W52", Tag("The talks collapsed last week.", new DateOnly(2026, 1, 2)).Single().Value);

    [Fact]
    public void ISO_weeks_belong_to_the_year_of_their_Thursday()
    {
        // 3 January 2021 is a Sunday in ISO week 53 of 2020; 29 December 2025 a Monday in week 1 of 2026.
        Assert.Equal("2020-W53", Tag("The meeting was held this week.", new DateOnly(2021, 1, 3)).Single().Value);
        Assert.Equal("2026-W01", Tag("The meeting was held this week.", new DateOnly(2025, 12, 29)).Single().Value);
    }

    [Fact]
    public void Leap_days_exist_only_in_leap_years()
    {
        Assert.Equal("2024-02-29", Tag("It happened on 29 February 2024.").Single().Value);
        Assert.DoesNotContain(Tag("It happened on 29 February 2025."), t => t.Value.StartsWith("2025-02", StringComparison.Ordinal));
        Assert.DoesNotContain(Tag("It happened on 31 February 2025."), t => t.Type == TimexType.Date && t.Value.Contains("-02-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Putin agreed to a 30-day pause on attacks.", TimexType.Duration, "P30D")]
    [InlineData("He ruled the country for three years.", TimexType.Duration, "P3Y")]
    [InlineData("The meeting lasted approximately five hours.", TimexType.Duration, "PT5H")]
    [InlineData("The council meets every Monday.", TimexType.Set, "XXXX-WXX-1")]
    [InlineData("Russia currently controls a fifth of Ukraine.", TimexType.Date, "PRESENT_REF")]
    [InlineData("The briefing starts at 3 p.m.", TimexType.Time, "2025-12-04T15:00")]
    public void Durations_sets_references_and_times_of_day(string text, TimexType type, string value)
    {
        var t = Tag(text, Thursday).Single();
        Assert.Equal((type, value), (t.Type, t.Value));
    }

    [Fact]
    public void Four_days_after_counts_back_from_the_date_the_narrative_reached()
    {
        var tags = Tag("Officials travel to Miami on Thursday. These talks come just four days after a previous round.", Thursday);
        Assert.Equal("2025-11-30", tags.Single(t => t.Text.Contains("four days", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void Numeric_dates_follow_the_document_order_unless_a_weekday_decides()
    {
        // A day/month site (.uk): 4/12/2025 is 4 December; a weekday overrides the site's order.
        Assert.Equal("2025-12-04", Tag("The report of 4/12/2025 said so.", uri: "https://news.example.uk/a").Single().Value);
        Assert.Equal("2025-04-12", Tag("The report of 4/12/2025 said so.", uri: "https://news.example.us/a").Single().Value);
        Assert.Equal("2025-12-02", Tag("The meeting on Tuesday (12/2) was frank.", Thursday).Single().Value);
    }

    [Fact]
    public void Capitalised_time_words_inside_names_are_not_times() =>
        Assert.Empty(Tag("Putin gave an interview to India Today in Moscow.", Thursday));

    [Fact]
    public void Without_a_publication_date_a_history_reads_as_a_story()
    {
        var tags = Tag("On September 1, 1939, Germany attacked Poland. In April, Germany invaded Norway; twelve days later it took Oslo.");
        Assert.Equal("1939-09-01", tags[0].Value);
        Assert.Equal("1939-04", tags.Single(t => t.Text == "April").Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\u0001\u0002 binary \uFFFD\uFFFD")]
    [InlineData("On 99999-12-04 and 31/31/2025 and 00/00/0000 nothing happened.")]
    public void Bad_input_gives_no_dates_and_no_crash(string text) =>
        Assert.DoesNotContain(Tag(text, Thursday), t => t.Value.StartsWith('9') || t.Value.Contains("-31-", StringComparison.Ordinal));

    [Fact]
    public void Ten_thousand_digits_are_not_a_date()
    {
        var tags = Tag(new string('7', 10_000) + " on 4 December 2025", Thursday);
        Assert.Equal("2025-12-04", tags.Single().Value);
    }
}
