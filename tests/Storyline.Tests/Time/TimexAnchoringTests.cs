using Storyline.Documents;
using static Storyline.Tests.Time.TimeStageTests;

namespace Storyline.Tests.Time;

/// <summary>Which year a month, quarter or weekday without one belongs to, and expressions the grammar must read whole.</summary>
public class TimexAnchoringTests
{
    private static string ValueOf(string text, string surface, DateOnly published) =>
        Tag(text, published).Single(t => t.Text.Contains(surface, StringComparison.Ordinal)).Value;

    [Fact]
    public void A_date_before_a_colon_is_read_whole()
    {
        var t = Tag("The paper said in an editorial on Monday, Oct. 26: the verdict was fair.", new DateOnly(2026, 10, 25)).Single();
        Assert.Equal(("Monday, Oct. 26", "2026-10-26"), (t.Text, t.Value));
        // A colon followed by minutes is a clock time, not the end of a date.
        Assert.DoesNotContain(Tag("Doors open May 10:30 a.m. sharp.", new DateOnly(2026, 5, 1)), t => t.Value == "2026-05-10");
    }

    [Theory]
    // "succeed" is no past tense: the plan is next February, not last.
    [InlineData("Ms. Ruiz, 51 years old, will succeed Mr. Dahl Feb. 1 as chairman.", "Feb. 1", "2026-10-26", "2027-02-01")]
    // A fronted adverbial takes the tense of the main verb after it.
    [InlineData("In January, a week after the anniversary of the ruling, a bomb exploded at a clinic.", "January", "2026-10-25", "2026-01")]
    [InlineData("Harbour traffic will resume in January, the port said.", "January", "2026-10-25", "2027-01")]
    public void A_month_without_a_year_follows_the_tense(string text, string surface, string published, string value) =>
        Assert.Equal(value, ValueOf(text, surface, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("The loan was signed last December.", "2026-10-30", "2025-12")]
    [InlineData("The loan was signed last October.", "2026-10-30", "2025-10")]
    [InlineData("The plant will open next March.", "2026-03-10", "2027-03")]
    [InlineData("The general election is due this September.", "2026-02-05", "2026-09")]
    public void Last_next_and_this_month_count_from_the_anchor_month(string text, string published, string value) =>
        Assert.Single(Tag(text, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)), t => t.Value == value);

    [Theory]
    // Results in the past tense are for a quarter that has begun: in October, the first quarter is this year's.
    [InlineData("The airline earned $5.2 million in the fiscal first quarter.", "first quarter", "2026-10-26", "2026-Q1")]
    [InlineData("In the 2025 third quarter, the company posted a loss.", "third quarter", "2026-10-26", "2025-Q3")]
    [InlineData("In the year-ago third quarter, the bank earned $22.5 million.", "third quarter", "2026-10-26", "2025-Q3")]
    // "due to its loss" is a cause, not a plan.
    [InlineData("The company cut the dividend due to its third-quarter loss of $992,000.", "third-quarter", "2026-11-02", "2026-Q3")]
    [InlineData("Sales should recover in the first quarter, the chief executive said.", "first quarter", "2026-11-02", "2027-Q1")]
    public void Quarters_are_those_the_tense_points_to(string text, string surface, string published, string value) =>
        Assert.Equal(value, ValueOf(text, surface, DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("Prices peaked in mid-1996 and fell after.", "mid-1996", "1996")]
    [InlineData("The post-1959 government seized the land.", "post-1959", "1959")]
    [InlineData("The strike will last two more weeks.", "two more weeks", "P2W")]
    [InlineData("Rates will stay low for the next couple of years.", "couple of years", "P2Y")]
    [InlineData("A decision is expected within the next few days.", "few days", "PXD")]
    public void Prefixed_years_and_counted_stretches(string text, string surface, string value) =>
        Assert.Equal(value, ValueOf(text, surface, new DateOnly(2026, 6, 1)));

    [Theory]
    [InlineData("The treaty was signed on 31 February 2025.", "31 February 2025")]
    [InlineData("The file is dated 2025-13-45.", "2025-13-45")]
    [InlineData("The file is dated 0000-01-01.", "0000-01-01")]
    public void Impossible_dates_are_rejected_with_a_reason(string text, string surface)
    {
        var d = Annotate(text, new DateOnly(2026, 6, 1));
        Assert.DoesNotContain(d.TimeExpressions, t => t.Span.Overlaps(new Span(text.IndexOf(surface, StringComparison.Ordinal), surface.Length)));
        Assert.Contains(d.Metadata.Warnings, w => w.Contains(surface, StringComparison.Ordinal) && w.Contains("not", StringComparison.Ordinal));
    }

    [Fact]
    public void Absurd_years_and_endless_digits_give_no_dates()
    {
        Assert.Empty(Tag("The empire lasted until the year 99999.", new DateOnly(2026, 6, 1)));
        Assert.DoesNotContain(Tag("Fossils from 10,000,000 years ago were found.", new DateOnly(2026, 6, 1)), t => t.Type == TimexType.Date && char.IsDigit(t.Value[0]));
        var digits = new string('7', 10_000);
        Assert.Empty(Tag($"The code was {digits} in total.", new DateOnly(2026, 6, 1)));
        Assert.Empty(Tag($"On {digits}/{digits}/{digits} nothing happened.", new DateOnly(2026, 6, 1)));
    }
}
