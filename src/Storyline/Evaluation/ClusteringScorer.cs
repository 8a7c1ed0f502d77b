namespace Storyline.Evaluation;

/// <summary>B³ and pairwise precision, recall and F1 of one clustering against another, over the items both hold.</summary>
public readonly record struct ClusteringScores(double B3Precision, double B3Recall, double PairPrecision, double PairRecall, int Items)
{
    public double B3F1 => F(B3Precision, B3Recall);

    public double PairF1 => F(PairPrecision, PairRecall);

    private static double F(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// Compares a predicted clustering with the gold one. Both are maps from item to cluster id; items only one side
/// knows are left out (they were not matched). B³ (Bagga and Baldwin 1998): per item, the share of its predicted
/// cluster that is in its gold cluster (precision) and the reverse (recall), averaged over items. Pairwise: the
/// pairs of items put together, as a set, against the gold pairs.
/// </summary>
public static class ClusteringScorer
{
    public static ClusteringScores Score(IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> gold)
    {
        var items = predicted.Keys.Where(gold.ContainsKey).Order(StringComparer.Ordinal).ToList();
        if (items.Count == 0)
            return new ClusteringScores(0, 0, 0, 0, 0);
        var byPredicted = items.GroupBy(i => predicted[i], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byGold = items.GroupBy(i => gold[i], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        double precision = 0, recall = 0;
        foreach (var item in items)
        {
            var p = byPredicted[predicted[item]];
            var g = byGold[gold[item]];
            double both = p.Count(x => gold[x] == gold[item]);
            precision += both / p.Count;
            recall += both / g.Count;
        }
        long predictedPairs = byPredicted.Values.Sum(c => Pairs(c.Count));
        long goldPairs = byGold.Values.Sum(c => Pairs(c.Count));
        long sharedPairs = byPredicted.Values
            .Sum(c => c.GroupBy(x => gold[x], StringComparer.Ordinal).Sum(g => Pairs(g.Count())));
        return new ClusteringScores(precision / items.Count, recall / items.Count,
            predictedPairs == 0 ? 0 : (double)sharedPairs / predictedPairs,
            goldPairs == 0 ? 0 : (double)sharedPairs / goldPairs,
            items.Count);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
