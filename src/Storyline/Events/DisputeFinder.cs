using Storyline.Documents;

namespace Storyline.Events;

/// <summary>
/// Pairs a claim with the sentence that denies or contests it, within one document. A denial cue outside
/// quotation marks ("rejects", "have disputed", "said … did not") marks the contesting sentence; the claim is
/// the sentence before when the cue points back ("rejects this", "disputed those claims"), else the earlier
/// sentence that shares the most content words with it (at least <see cref="MinSharedStems"/>).
/// </summary>
internal sealed class DisputeFinder(EventLexicon lexicon)
{
    private const int AnaphorWindowWords = 3;
    private const int MinSharedStems = 4;
    private const int StemLength = 6;

    // "did not" denies only when it is reported: "the Kremlin said Putin and Trump did not discuss …".
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal) { "said", "says", "stated", "told", "insisted", "added" };

    private static readonly HashSet<string> Function = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "that", "this", "with", "by", "from", "is", "was", "are",
        "were", "be", "been", "has", "have", "had", "it", "its", "his", "her", "their", "he", "she", "they", "we", "not", "did", "does",
        "as", "also", "said", "says", "would", "will", "could", "after", "during", "which", "who",
    };

    public List<Dispute> FindAll(Document document, IReadOnlyList<SentenceWords> sentences)
    {
        var disputes = new List<Dispute>();
        for (int j = 1; j < sentences.Count; j++)
        {
            var s = sentences[j];
            int cue = DenialCue(s);
            if (cue < 0)
                continue;
            int target = PointsBack(s, cue) ? j - 1 : MostSimilarBefore(sentences, j, cue);
            if (target >= 0)
                disputes.Add(new Dispute(sentences[target].Span, s.Span));
        }
        return disputes;
    }

    /// <summary>Index of the first word of a denial cue outside quotes, or -1.</summary>
    private int DenialCue(SentenceWords s)
    {
        var phrases = lexicon.Phrases("denial").ToList();
        bool reported = s.Lower.Any(ReportingVerbs.Contains);
        for (int i = 0; i < s.Lower.Length; i++)
        {
            if (s.Words[i].Quoted)
                continue;
            if (lexicon.Is("denial", s.Lower[i]))
                return i;
            foreach (var p in phrases)
            {
                if (s.Matches(i, p) && (reported || p[0] is not ("did" or "does")))
                    return i;
            }
        }
        return -1;
    }

    private bool PointsBack(SentenceWords s, int cue)
    {
        for (int k = cue + 1; k < Math.Min(s.Lower.Length, cue + 1 + AnaphorWindowWords); k++)
        {
            if (lexicon.Is("anaphor", s.Lower[k]) || (k + 1 < s.Lower.Length && lexicon.Is("anaphor", s.Lower[k] + " " + s.Lower[k + 1])))
                return true;
        }
        return false;
    }

    private static int MostSimilarBefore(IReadOnlyList<SentenceWords> sentences, int j, int cue)
    {
        var denied = Stems(sentences[j], 0);
        int best = -1, bestShared = MinSharedStems - 1;
        for (int k = 0; k < j; k++)
        {
            int shared = Stems(sentences[k], 0).Count(denied.Contains);
            if (shared > bestShared)
            {
                best = k;
                bestShared = shared;
            }
        }
        return best;
    }

    /// <summary>Content words cut to their first letters, a stemmer good enough to match "recognize" with "recognizing".</summary>
    private static HashSet<string> Stems(SentenceWords s, int from)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        for (int i = from; i < s.Lower.Length; i++)
        {
            var w = s.Lower[i];
            if (w.Length < 3 || Function.Contains(w) || char.IsDigit(w[0]))
                continue;
            stems.Add(w.Length > StemLength ? w[..StemLength] : w);
        }
        return stems;
    }
}
