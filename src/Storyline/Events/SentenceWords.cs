using Storyline.Documents;
using Storyline.Entities;

namespace Storyline.Events;

/// <summary>One body sentence with its words in lower case, and the entity mentions inside it.</summary>
internal sealed class SentenceWords
{
    private SentenceWords(Span span, List<Word> words, string[] lower, List<EntityMention> mentions)
    {
        Span = span;
        Words = words;
        Lower = lower;
        Mentions = mentions;
    }

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal) { "has", "have", "had", "is", "was", "are", "were", "will", "did" };

    public Span Span { get; }

    public List<Word> Words { get; }

    public string[] Lower { get; }

    public List<EntityMention> Mentions { get; }

    /// <summary>The body sentences of a document, each with its words and linked mentions.</summary>
    public static List<SentenceWords> Of(Document document)
    {
        var units = TextUnits.Of(document);
        var linked = document.Mentions.Where(m => m.EntityId is not null).OrderBy(m => m.Span.Start).ToList();
        var result = new List<SentenceWords>();
        int w = 0, first = 0;
        for (int s = 0; s < units.Sentences.Count; s++)
        {
            var words = new List<Word>();
            while (w < units.Words.Count && units.Words[w].Sentence == s)
                words.Add(units.Words[w++]);
            var span = units.Sentences[s];
            while (first < linked.Count && linked[first].Span.Start < span.Start)
                first++;
            if (words.Count == 0 || !document.IsInBody(span))
                continue;
            var inside = new List<EntityMention>();
            for (int m = first; m < linked.Count && linked[m].Span.Start < span.End; m++)
            {
                if (span.Contains(linked[m].Span))
                    inside.Add(linked[m]);
            }
            result.Add(new SentenceWords(span, words, words.Select(x => units.Of(x).ToLowerInvariant()).ToArray(), inside));
        }
        return result;
    }

    /// <summary>True when words [i, i + phrase.Length) spell the phrase.</summary>
    public bool Matches(int i, IReadOnlyList<string> phrase)
    {
        if (i + phrase.Count > Lower.Length)
            return false;
        for (int k = 0; k < phrase.Count; k++)
        {
            if (Lower[i + k] != phrase[k])
                return false;
        }
        return true;
    }

    /// <summary>Index of the first word of the clause holding word <paramref name="i"/>: after the last comma, semicolon, colon, dash or "but".</summary>
    public int ClauseStart(int i, string text)
    {
        for (int k = i; k > 0; k--)
        {
            if (Lower[k] == "but")
                return k + 1;
            // "… and has imposed sanctions": "and" before an auxiliary starts a new clause with its own polarity.
            if (Lower[k - 1] == "and" && Auxiliaries.Contains(Lower[k]))
                return k;
            var gap = text.AsSpan(Words[k - 1].Span.End, Words[k].Span.Start - Words[k - 1].Span.End);
            if (gap.IndexOfAny(",;:—–") >= 0)
                return k;
        }
        return 0;
    }
}
