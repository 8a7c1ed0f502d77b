using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>
/// Finds passages of two documents that contradict each other. Two signs, both general:
/// a negated clause of a statement whose content terms all recur, un-negated, in a sentence of another document
/// ("We did not annex Crimea" / "Moscow annexed the Crimean Peninsula in 2014"); and one phrase with two different
/// numbers in two documents ("nearly three-year-long war" / "nearly four-year war"). A pure function of its inputs.
/// </summary>
internal static class DisputeFinder
{
    /// <summary>Words on each side of a number that must agree for two numbers to be about the same thing.</summary>
    private const int QuantityContextBefore = 2;

    /// <summary>Years are left out of quantity disputes: different events have different years.</summary>
    private const int MinYear = 1800, MaxYear = 2100;

    public static List<CrossDispute> Find(IEnumerable<StatementMention> statements, IReadOnlyList<SentenceMention> sentences, TermLexicon lexicon, ClusteringSettings settings)
    {
        var found = new List<CrossDispute>();
        var seen = new HashSet<(string, int, string, int)>();
        void Add(CrossDispute d)
        {
            if (seen.Add((d.ClaimDocumentId, d.Claim.Start, d.DisputedDocumentId, d.DisputedBy.Start)))
                found.Add(d);
        }
        var sentenceTerms = sentences.Select(s => ContentTerms.Of(s.Text, lexicon)).ToList();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < sentences.Count; i++)
        {
            foreach (var term in sentenceTerms[i].Terms.Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(term, out var list))
                    postings[term] = list = [];
                list.Add(i);
            }
        }
        foreach (var s in statements.OrderBy(s => s.DocumentId, StringComparer.Ordinal).ThenBy(s => s.Span.Start))
        {
            foreach (var clause in SentenceSplitter.Split(s.Text, new Span(0, s.Text.Length)))
            {
                var terms = ContentTerms.Of(clause.Of(s.Text), lexicon);
                var distinct = terms.Terms.Distinct(StringComparer.Ordinal).ToList();
                if (!terms.Negated || distinct.Count < settings.DisputeMinSharedTerms)
                    continue;
                foreach (int i in SentencesWithAll(distinct, postings))
                {
                    var other = sentences[i];
                    if (other.DocumentId != s.DocumentId && !sentenceTerms[i].Negated)
                        Add(new CrossDispute(s.DocumentId, s.Span, s.Text, other.DocumentId, other.Span, other.Text, DisputeReason.Negation));
                }
            }
        }
        foreach (var d in QuantityDisputes(sentences, lexicon))
            Add(d);
        return found;
    }

    private static IEnumerable<int> SentencesWithAll(List<string> terms, Dictionary<string, List<int>> postings)
    {
        IEnumerable<int>? result = null;
        foreach (var t in terms.OrderBy(t => postings.GetValueOrDefault(t)?.Count ?? 0))
        {
            if (!postings.TryGetValue(t, out var list))
                return [];
            result = result is null ? list : result.Intersect(list);
        }
        return result ?? [];
    }

    private static IEnumerable<CrossDispute> QuantityDisputes(IReadOnlyList<SentenceMention> sentences, TermLexicon lexicon)
    {
        // context ("moscow nearly _ year") → the sentences and the number they put in the gap
        var byContext = new Dictionary<string, List<(SentenceMention Sentence, string Number)>>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var words = Words(s.Text);
            for (int i = QuantityContextBefore; i + 1 < words.Count; i++)
            {
                if (!IsQuantity(words[i], lexicon))
                    continue;
                var context = words.Skip(i - QuantityContextBefore).Take(QuantityContextBefore).Append(words[i + 1]).ToList();
                if (context.Any(w => IsQuantity(w, lexicon)) || context.All(lexicon.Stopwords.Contains))
                    continue;
                var key = string.Join(' ', context);
                if (!byContext.TryGetValue(key, out var list))
                    byContext[key] = list = [];
                list.Add((s, words[i]));
            }
        }
        foreach (var (_, list) in byContext.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var ordered = list.OrderBy(x => x.Sentence.Published ?? DateOnly.MaxValue).ThenBy(x => x.Sentence.DocumentId, StringComparer.Ordinal).ToList();
            for (int a = 0; a < ordered.Count; a++)
            {
                for (int b = a + 1; b < ordered.Count; b++)
                {
                    var (x, y) = (ordered[a], ordered[b]);
                    if (x.Sentence.DocumentId != y.Sentence.DocumentId && x.Number != y.Number)
                        yield return new CrossDispute(x.Sentence.DocumentId, x.Sentence.Span, x.Sentence.Text, y.Sentence.DocumentId, y.Sentence.Span, y.Sentence.Text, DisputeReason.Quantity);
                }
            }
        }
    }

    private static bool IsQuantity(string word, TermLexicon lexicon)
    {
        if (lexicon.Numbers.Contains(word))
            return true;
        if (!word.All(char.IsDigit))
            return false;
        return !(word.Length == 4 && int.Parse(word, System.Globalization.CultureInfo.InvariantCulture) is >= MinYear and <= MaxYear);
    }

    /// <summary>Lower-cased words and numbers longer than one letter, in order ("Moscow’s" gives "moscow").</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var run in new WordRuns(text))
            if (run.Length > 1 || char.IsDigit(text[run.Start]))
                words.Add(run.Of(text).ToLowerInvariant());
        return words;
    }
}
