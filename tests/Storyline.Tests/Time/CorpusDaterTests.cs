using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Time;

namespace Storyline.Tests.Time;

public class CorpusDaterTests
{
    private static readonly Pipeline Pipeline = Pipeline.CreateDefault();

    private static Document Read(string uri, string text, DateOnly? published = null) =>
        Pipeline.Process(new SourceDocument(uri, text, ContentKind.Text, published));

    private const string Budget = "the new budget would halve fuel taxes and raise pensions for dairy farmers in the northern provinces";

    /// <summary>Published on Friday 14 March 2031: "on Thursday" is 13 March there.</summary>
    private static Document Dated() =>
        Read("test:dated", $"Finance minister Anna Berg said on Thursday that {Budget}. The opposition called the plan reckless.", new DateOnly(2031, 3, 14));

    [Fact]
    public void A_weekday_only_article_takes_its_day_from_a_dated_report_of_the_same_statement()
    {
        var dated = Dated();
        var undated = Read("test:undated", $"Finance minister Anna Berg said on Thursday that {Budget}. Critics in parliament were unconvinced.");
        Assert.Null(undated.Metadata.Published);

        Assert.Equal(1, CorpusDater.Date([dated, undated]).Documents);

        Assert.Equal(new DateOnly(2031, 3, 13), undated.Metadata.Published);
        Assert.True(undated.Metadata.PublishedInferred);
        Assert.InRange(undated.Metadata.PublishedConfidence ?? 0, 0.3, 0.9);
        Assert.Contains("13 March 2031", undated.Metadata.PublishedNote);
        Assert.Contains(undated.TimeExpressions, t => t.Value == "2031-03-13");
        Assert.All(undated.Statements, s => Assert.Equal(new DateOnly(2031, 3, 13), s.SaidOn));
    }

    [Fact]
    public void The_article_is_dated_on_the_weekday_it_was_written_after_the_shared_occasion()
    {
        var dated = Dated();
        var undated = Read("test:undated", $"Finance minister Anna Berg said on Thursday that {Budget}. On Friday, the opposition walked out of the chamber.");

        CorpusDater.Date([dated, undated]);

        Assert.Equal(new DateOnly(2031, 3, 14), undated.Metadata.Published);
        Assert.Contains(undated.TimeExpressions, t => t.Value == "2031-03-14");
        Assert.Contains(undated.TimeExpressions, t => t.Value == "2031-03-13");
    }

    [Fact]
    public void A_report_dated_only_by_its_publication_bounds_the_weekday_from_above()
    {
        // Monday 17 March 2031; the statement names no day there, so it was said on or before that Monday.
        var dated = Read("test:monday", $"Finance minister Anna Berg told the newspaper that {Budget}. The opposition called the plan reckless.", new DateOnly(2031, 3, 17));
        var undated = Read("test:undated", $"Finance minister Anna Berg said on Saturday that {Budget}. Critics in parliament were unconvinced.");

        CorpusDater.Date([dated, undated]);

        Assert.Equal(new DateOnly(2031, 3, 15), undated.Metadata.Published);
        Assert.Contains("on or before", undated.Metadata.PublishedNote);
    }

    [Fact]
    public void An_undated_article_with_no_shared_occasion_stays_undated()
    {
        var dated = Dated();
        var other = Read("test:other", "Coach Lena Ortiz said on Sunday that her team would field three new strikers against the league leaders next season. Fans cheered.");

        Assert.Equal(0, CorpusDater.Date([dated, other]).Documents);

        Assert.Null(other.Metadata.Published);
        Assert.Contains(other.TimeExpressions, t => t.Value == "XXXX-WXX-7");
    }

    [Fact]
    public void Articles_that_are_all_undated_give_each_other_nothing()
    {
        var a = Read("test:a", $"Finance minister Anna Berg said on Thursday that {Budget}. The opposition called the plan reckless.");
        var b = Read("test:b", $"Anna Berg said on Thursday that {Budget}. Critics in parliament were unconvinced.");

        Assert.Equal(0, CorpusDater.Date([a, b]).Documents);
        Assert.Null(a.Metadata.Published);
    }

    [Fact]
    public void A_statement_dated_only_by_publication_takes_the_day_another_report_names()
    {
        // Another paper of Friday 14 March 2031 names no day for the statement; the first says Thursday.
        var undated = Read("test:friday", $"Finance minister Anna Berg told the newspaper that {Budget}. Critics in parliament were unconvinced.", new DateOnly(2031, 3, 14));
        Assert.True(undated.Statements.Single().SaidOnIsPublication);

        Assert.Equal(1, CorpusDater.Date([Dated(), undated]).Statements);

        Assert.Equal(new DateOnly(2031, 3, 13), undated.Statements.Single().SaidOn);
        Assert.False(undated.Statements.Single().SaidOnIsPublication);
    }

    [Theory]
    [InlineData("XXXX-WXX-4", DayOfWeek.Thursday)]
    [InlineData("XXXX-WXX-7", DayOfWeek.Sunday)]
    [InlineData("XXXX-WXX-2TNI", DayOfWeek.Tuesday)]
    [InlineData("XXXX-WXX-WE", null)]
    [InlineData("2031-03-13", null)]
    public void Weekday_values_are_read(string value, DayOfWeek? expected) => Assert.Equal(expected, CorpusDater.WeekdayOf(value));
}
