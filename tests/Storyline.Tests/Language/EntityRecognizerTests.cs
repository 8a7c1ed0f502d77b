using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Tests.Language;

public class EntityRecognizerTests
{
    private static List<(string Text, string Type)> Names(string text)
    {
        var document = new Document(text);
        new LanguageStage().Apply(document);
        return document.Mentions.Select(m => (m.Span.Of(text), m.Type)).ToList();
    }

    [Fact]
    public void Finds_people_and_places_with_the_shipped_model()
    {
        var names = Names("Vladimir Putin met Donald Trump in Alaska.");
        Assert.Contains(("Vladimir Putin", "PERSON"), names);
        Assert.Contains(("Donald Trump", "PERSON"), names);
        Assert.Contains(("Alaska", "PLACE"), names);
    }

    [Fact]
    public void Finds_organisations_in_curly_quoted_news_text()
    {
        var names = Names("“We are ready,” the Kremlin said on Tuesday, according to Reuters.");
        Assert.Contains(("Reuters", "ORG"), names);
        Assert.DoesNotContain(names, n => n.Text is "We" or "Tuesday");
    }

    [Fact]
    public void Fills_tokens_sentences_and_mentions_of_every_line()
    {
        const string text = "Putin speaks\nAngela Merkel said Germany would help. Paris agreed.";
        var document = new Document(text);
        new LanguageStage().Apply(document);
        Assert.Equal(3, document.Sentences.Count);
        Assert.NotEmpty(document.Tokens);
        Assert.All(document.Mentions, m => Assert.Contains(document.Sentences, s => s.Span.Contains(m.Span)));
        Assert.Contains(document.Mentions, m => m.Span.Of(text) == "Angela Merkel" && m.Type == "PERSON");
    }

    [Fact]
    public void Is_safe_on_empty_and_odd_input()
    {
        Assert.Empty(Names(""));
        Assert.Empty(Names("   \n\n\t"));
        var odd = Names("\u0000\u0001 😀 שלום عليكم ,,, ... «»");
        Assert.All(odd, n => Assert.False(string.IsNullOrWhiteSpace(n.Text)));
    }

    [Fact]
    public void Gives_the_same_answer_from_many_threads()
    {
        const string text = "Emmanuel Macron flew to Beijing to meet Xi Jinping.";
        var expected = Names(text);
        var results = new List<(string, string)>[8];
        Parallel.For(0, results.Length, i => results[i] = Names(text));
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
