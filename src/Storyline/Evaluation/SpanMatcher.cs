using Storyline.Documents;

namespace Storyline.Evaluation;

/// <summary>
/// The matching GOLD-FORMAT.md scores statements by: a predicted span matches a gold span when they overlap by at
/// least half of the longer one; one-to-one, best pairs first, so a long quote cannot steal a short one's match.
/// </summary>
public static class SpanMatcher
{
    public const double MinOverlap = 0.5;

    /// <summary>Pairs (predicted index, gold index); a gold span that is null (not found in the text) matches nothing.</summary>
    public static List<(int Predicted, int Gold)> Match(IReadOnlyList<Span> predicted, IReadOnlyList<Span?> gold)
    {
        var candidates = new List<(int P, int G, double Overlap)>();
        for (int p = 0; p < predicted.Count; p++)
        {
            for (int g = 0; g < gold.Count; g++)
            {
                if (gold[g] is not { } gs)
                    continue;
                var ps = predicted[p];
                double overlap = ps.OverlapWith(gs) / (double)Math.Max(ps.Length, gs.Length);
                if (overlap >= MinOverlap)
                    candidates.Add((p, g, overlap));
            }
        }
        var usedPredicted = new bool[predicted.Count];
        var usedGold = new bool[gold.Count];
        var pairs = new List<(int, int)>();
        // Stable sort: equal overlaps keep (predicted, gold) order, so the result is deterministic.
        foreach (var (p, g, _) in candidates.OrderByDescending(c => c.Overlap))
        {
            if (usedPredicted[p] || usedGold[g])
                continue;
            usedPredicted[p] = usedGold[g] = true;
            pairs.Add((p, g));
        }
        return pairs;
    }
}
