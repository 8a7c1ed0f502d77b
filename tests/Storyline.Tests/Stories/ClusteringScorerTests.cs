using Storyline.Evaluation;

namespace Storyline.Tests.Stories;

public class ClusteringScorerTests
{
    // gold: {a, b, c} {d, e} {f}
    private static readonly Dictionary<string, string> Gold = new()
    {
        ["a"] = "1",
        ["b"] = "1",
        ["c"] = "1",
        ["d"] = "2",
        ["e"] = "2",
        ["f"] = "3",
    };

    private static Dictionary<string, string> Predicted(params string[][] clusters) =>
        clusters.SelectMany((c, i) => c.Select(item => (item, i))).ToDictionary(x => x.item, x => "p" + x.i);

    [Fact]
    public void The_gold_clustering_scores_one()
    {
        var s = ClusteringScorer.Score(Predicted(["a", "b", "c"], ["d", "e"], ["f"]), Gold);
        Assert.Equal(1.0, s.B3F1, 9);
        Assert.Equal(1.0, s.PairF1, 9);
        Assert.Equal(6, s.Items);
    }

    [Fact]
    public void All_singletons_have_full_precision_and_recall_of_one_over_cluster_size()
    {
        var s = ClusteringScorer.Score(Predicted(["a"], ["b"], ["c"], ["d"], ["e"], ["f"]), Gold);
        Assert.Equal(1.0, s.B3Precision, 9);
        // recall per item: a, b, c 1/3; d, e 1/2; f 1 → (1 + 1 + 1) / 6
        Assert.Equal(0.5, s.B3Recall, 9);
        Assert.Equal(0.0, s.PairPrecision);
        Assert.Equal(0.0, s.PairRecall);
    }

    [Fact]
    public void All_merged_has_full_recall_and_precision_of_gold_size_over_six()
    {
        var s = ClusteringScorer.Score(Predicted(["a", "b", "c", "d", "e", "f"]), Gold);
        Assert.Equal(1.0, s.B3Recall, 9);
        // precision per item: a, b, c 3/6; d, e 2/6; f 1/6 → (9 + 4 + 1) / 36
        Assert.Equal(14.0 / 36, s.B3Precision, 9);
        // 4 gold pairs (ab ac bc de) among 15 predicted pairs
        Assert.Equal(4.0 / 15, s.PairPrecision, 9);
        Assert.Equal(1.0, s.PairRecall, 9);
    }

    [Fact]
    public void Items_only_one_side_knows_are_not_scored()
    {
        var predicted = Predicted(["a", "b", "c", "unmatched"], ["d", "e"], ["f"]);
        var s = ClusteringScorer.Score(predicted, Gold);
        Assert.Equal(6, s.Items);
        Assert.Equal(1.0, s.B3F1, 9);
    }

    [Fact]
    public void Nothing_matched_scores_zero()
    {
        var s = ClusteringScorer.Score(new Dictionary<string, string>(), Gold);
        Assert.Equal(0, s.Items);
        Assert.Equal(0.0, s.B3F1);
    }
}
