using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Tests.Language;

public class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => t.Span.Of(text)).ToArray();

    [Theory]
    [InlineData("Mr. Putin met Dec. 5 in the U.S. capital.", "Mr.|Putin|met|Dec.|5|in|the|U.S.|capital|.")]
    [InlineData("Putin's aides didn't say; they'll go.", "Putin|'s|aides|did|n't|say|;|they|'ll|go|.")]
    [InlineData("Trump’s “deal” — «pas» – fine…", "Trump|’s|“|deal|”|—|«|pas|»|–|fine|…")]
    [InlineData("He paid $1,000.50 at 10:30, up 3.5%.", "He|paid|$|1,000.50|at|10:30|,|up|3.5|%|.")]
    [InlineData("See https://example.com/a?b=1. Then www.bbc.co.uk, ok", "See|https://example.com/a?b=1|.|Then|www.bbc.co.uk|,|ok")]
    [InlineData("Jean-Claude O'Brien, a well-known AT&T man", "Jean-Claude|O'Brien|,|a|well-known|AT&T|man")]
    [InlineData("Wait... what?! (No.)", "Wait|...|what|?!|(|No|.|)")]
    [InlineData("J. R. R. Tolkien wrote e.g. this at 5 a.m. today", "J.|R.|R.|Tolkien|wrote|e.g.|this|at|5|a.m.|today")]
    [InlineData("No. 10 said no. It won't.", "No.|10|said|no|.|It|wo|n't|.")]
    public void Splits_news_text_into_treebank_style_tokens(string text, string expected) =>
        Assert.Equal(expected.Split('|'), Words(text));

    [Fact]
    public void Offsets_point_at_the_exact_characters()
    {
        const string text = "  «Да», — сказал Путин.\r\n\tQ: ok";
        var tokens = Tokenizer.Tokenize(text);
        Assert.All(tokens, t => Assert.False(string.IsNullOrWhiteSpace(t.Span.Of(text))));
        Assert.Equal(["«", "Да", "»", ",", "—", "сказал", "Путин", ".", "Q", ":", "ok"], tokens.Select(t => t.Span.Of(text)));
        Assert.Equal(2, tokens[0].Span.Start);
    }

    [Fact]
    public void Tells_kinds_apart()
    {
        var tokens = Tokenizer.Tokenize("“Hi” 42 $ http://x.org .");
        Assert.Equal([TokenKind.Quote, TokenKind.Word, TokenKind.Quote, TokenKind.Number, TokenKind.Symbol, TokenKind.Url, TokenKind.Punctuation],
            tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Survives_control_characters_surrogates_and_right_to_left_text()
    {
        const string text = "a\u0000b\u200F שלום 😀 مرحبا\uFEFF.";
        var tokens = Tokenizer.Tokenize(text);
        Assert.Equal(["a", "b", "שלום", "😀", "مرحبا", "."], tokens.Select(t => t.Span.Of(text)));
    }

    [Fact]
    public void Handles_empty_text_and_a_huge_single_word()
    {
        Assert.Empty(Tokenizer.Tokenize(""));
        var huge = new string('x', 2_000_000) + "-" + new string('y', 10);
        var tokens = Tokenizer.Tokenize(huge);
        Assert.Single(tokens);
        Assert.Equal(huge.Length, tokens[0].Span.Length);
    }

    [Fact]
    public void Tokenizes_only_the_requested_range()
    {
        const string text = "one two three";
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, new Span(4, 3), tokens);
        Assert.Equal("two", Assert.Single(tokens).Span.Of(text));
    }
}
