using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class ContentTermsTests
{
    [Theory]
    [InlineData("annexed", "annex")]
    [InlineData("annex", "annex")]
    [InlineData("Crimean", "crimea")]
    [InlineData("traveling", "travel")]
    [InlineData("forces", "force")]
    [InlineData("2032", "2032")]
    public void Inflections_meet_in_one_stem(string word, string stem) =>
        Assert.Equal(stem, ContentTerms.Stem(word.ToLowerInvariant()));

    [Theory]
    [InlineData("We didn’t sell the ferry.", true)]
    [InlineData("We did not sell the ferry.", true)]
    [InlineData("They denied selling the ferry.", true)]
    [InlineData("We sold the ferry.", false)]
    public void Negation_is_noticed_and_left_out_of_the_terms(string text, bool negated)
    {
        var terms = ContentTerms.Of(text, TermLexicon.English);
        Assert.Equal(negated, terms.Negated);
        Assert.Contains("ferry", terms.Terms);
        Assert.DoesNotContain("not", terms.Terms);
        Assert.DoesNotContain("the", terms.Terms);
    }

    [Fact]
    public void Sentences_end_at_stops_but_not_after_initials()
    {
        const string text = "The U.S. President arrived. He left on Monday. “Good,” she said!";
        var sentences = SentenceSplitter.Split(text, new Span(0, text.Length)).Select(s => s.Of(text)).ToList();
        Assert.Equal(["The U.S. President arrived.", "He left on Monday.", "“Good,” she said!"], sentences);
    }

    [Fact]
    public void A_bad_lexicon_line_names_the_file_and_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => TermLexicon.Read(new StringReader("# header\nok\ntwo words\n"), "test.txt"));
        Assert.Contains("test.txt line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_ranges_of_timex_values()
    {
        Assert.True(TimexDays.TryParse("2022-09", out var first, out var last));
        Assert.Equal(new DateOnly(2022, 9, 1), first);
        Assert.Equal(new DateOnly(2022, 9, 30), last);
        Assert.False(TimexDays.TryParse("2025-W50", out _, out _));
        Assert.Equal(0, TimexDays.Gap(first, last, new DateOnly(2022, 9, 14), new DateOnly(2022, 9, 14)));
    }
}
