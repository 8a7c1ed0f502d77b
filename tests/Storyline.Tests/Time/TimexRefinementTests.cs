using Storyline.Documents;

namespace Storyline.Tests.Time;

/// <summary>Phenomena tuned on TempEval-3's TBAQ training set, each with a hand-made sentence and reference date.</summary>
public class TimexRefinementTests
{
    private static readonly DateOnly Thursday = new(2025, 12, 4);

    private static List<(string Text, TimexType Type, string Value)> Tag(string text, DateOnly published) => TimeStageTests.Tag(text, published);

    [Fact]
    public void A_word_that_starts_like_a_holiday_is_not_one()
    {
        Assert.Empty(Tag("The alliance moved into Eastern Europe.", Thursday));
        Assert.Equal("2026-04-05", Tag("They will meet again at Easter.", Thursday).Single().Value);
    }

    [Theory]
    [InlineData("The rally was held Wednesday night in Havana.", "Wednesday night", "2025-12-03TNI")]
    [InlineData("He will speak Friday morning.", "Friday morning", "2025-12-05TMO")]
    [InlineData("The deadline runs out at 9 a.m. Tuesday, officials said.", "9 a.m. Tuesday", "2025-12-02T09:00")]
    [InlineData("The offer expires at 5 p.m. EST, Dec. 9.", "5 p.m. EST, Dec. 9", "2025-12-09T17:00")]
    public void A_time_of_day_on_a_named_day_is_one_expression(string text, string surface, string value)
    {
        var t = Tag(text, Thursday).Single();
        Assert.Equal((surface, TimexType.Time, value), t);
    }

    [Theory]
    [InlineData("Talks collapsed in June last year.", "June last year", "2024-06")]
    [InlineData("The process began in early October this year.", "early October this year", "2025-10")]
    public void A_month_of_a_relative_year(string text, string surface, string value) =>
        Assert.Equal((surface, value), Tag(text, Thursday).Select(t => (t.Text, t.Value)).Single());

    [Fact]
    public void A_year_ago_in_a_results_story_is_the_same_quarter_a_year_before()
    {
        // Written in the fourth quarter of 2025: the quarter reported is the third, compared with 2024's third.
        var tags = Tag("Net income rose in the third quarter to $5 million, from $3 million a year ago.", new DateOnly(2025, 11, 2));
        Assert.Equal("2024-Q3", tags.Single(t => t.Text == "a year ago").Value);
        // Without a quarter in view it is the year.
        Assert.Equal("2024", Tag("Wages were 3% higher than a year ago.", new DateOnly(2025, 11, 2)).Single().Value);
    }

    [Theory]
    [InlineData("The plan saves $500 million a year.")]
    [InlineData("The airline flies four flights a week to Bombay.")]
    [InlineData("Mr. Smith, 52 years old, will succeed him.")]
    [InlineData("A second group of directors resigned.")]
    public void Rates_ages_and_ordinals_are_not_durations(string text) =>
        Assert.Empty(Tag(text, Thursday));

    [Theory]
    [InlineData("The ministry holds rallies almost daily.", "P1D")]
    [InlineData("Prices are checked hourly.", "PT1H")]
    public void Frequencies_are_sets(string text, string value) =>
        Assert.Equal((TimexType.Set, value), Tag(text, Thursday).Select(t => (t.Type, t.Value)).Single());

    [Fact]
    public void A_newspaper_called_daily_is_no_frequency() =>
        Assert.Empty(Tag("It was on the front page of the party daily Granma.", Thursday));

    [Theory]
    [InlineData("Prices will fall in the near future.", "FUTURE_REF")]
    [InlineData("Growth will slow in coming months.", "FUTURE_REF")]
    [InlineData("Cathedrals of the 11th century survive.", "10")]
    public void References_and_centuries(string text, string value) =>
        Assert.Equal(value, Tag(text, Thursday).Single().Value);

    [Theory]
    // "next to" is a place; "since" speaks of the past: the bare weekday is the one before.
    [InlineData("A bomb ripped through a building next to the embassy Friday morning.", "2025-11-28TMO")]
    // A plan that had been made is past; "is to" announces one.
    [InlineData("The offer had been due to expire Friday.", "2025-11-28")]
    [InlineData("The shares are to resume trading Tuesday.", "2025-12-09")]
    public void Tense_cues_for_bare_weekdays(string text, string value) =>
        Assert.Equal(value, Tag(text, Thursday).Single().Value);

    [Fact]
    public void The_year_boundary_and_leap_day()
    {
        // "last week" said on Friday 2 January 2026 is ISO week 52 of 2025 (the week of 22 December).
        Assert.Equal("2025-W52", Tag("The strikes began last week.", new DateOnly(2026, 1, 2)).Single().Value);
        Assert.Equal("2024-02-29TEV", Tag("The vote was held Thursday evening.", new DateOnly(2024, 3, 1)).Single().Value);
    }
}
