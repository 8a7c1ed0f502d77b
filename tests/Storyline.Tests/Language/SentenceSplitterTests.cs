using Storyline.Language;

namespace Storyline.Tests.Language;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text) =>
        SentenceSplitter.Split(text, Tokenizer.Tokenize(text)).Select(s => s.Span.Of(text)).ToArray();

    [Theory]
    [InlineData("Mr. Smith went to Washington. He met Dr. Jones.", "Mr. Smith went to Washington.|He met Dr. Jones.")]
    [InlineData("He lives in the U.S. The talks failed.", "He lives in the U.S.|The talks failed.")]
    [InlineData("The U.S. Army said so. Apple Inc. disagreed.", "The U.S. Army said so.|Apple Inc. disagreed.")]
    [InlineData("“We will win. We always do,” Putin said. Trump left.", "“We will win.|We always do,” Putin said.|Trump left.")]
    [InlineData("“Why?” he asked. “Because.”", "“Why?” he asked.|“Because.”")]
    [InlineData("He left (he said so. Twice.) and came back. Then?", "He left (he said so. Twice.) and came back.|Then?")]
    [InlineData("Unclosed (bracket. Still splits.", "Unclosed (bracket.|Still splits.")]
    [InlineData("It rose 3.5 per cent on Dec. 5 to No. 1... Analysts cheered!", "It rose 3.5 per cent on Dec. 5 to No. 1...|Analysts cheered!")]
    public void Splits_sentences_inside_a_line(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Sentences(text));

    [Fact]
    public void Never_crosses_a_line_break_so_headlines_and_transcript_turns_stand_alone()
    {
        const string text = "Putin and Trump meet in Alaska\n\nQuestion: Will you meet him?\r\nPutin: Yes. Soon.\n";
        Assert.Equal(["Putin and Trump meet in Alaska", "Question: Will you meet him?", "Putin: Yes.", "Soon."], Sentences(text));
    }

    [Fact]
    public void Records_each_sentence_s_tokens()
    {
        const string text = "A b. C d e.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        Assert.Equal([(0, 3), (3, 4)], sentences.Select(s => (s.FirstToken, s.TokenCount)));
    }

    [Fact]
    public void Uses_the_given_line_spans()
    {
        const string text = "One. Two.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens, [new Storyline.Documents.Span(5, 4)]);
        Assert.Equal("Two.", Assert.Single(sentences).Span.Of(text));
    }

    [Fact]
    public void Handles_empty_text_and_one_huge_sentence()
    {
        Assert.Empty(Sentences(""));
        var huge = string.Concat(Enumerable.Repeat("word, ", 200_000));
        Assert.Single(Sentences(huge));
    }
}
