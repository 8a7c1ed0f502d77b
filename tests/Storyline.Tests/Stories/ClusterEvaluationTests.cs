using Storyline.Evaluation;
using Storyline.Tests.Support;

namespace Storyline.Tests.Stories;

/// <summary>`storyline eval` on a hand-made folder of two articles with a clusters.gold.json.</summary>
public class ClusterEvaluationTests
{
    private const string Gazette = "Mayor Anna Berg said the harbour bridge would close for repairs until March 2032.\nShe said the new library would open in the autumn.\n";
    private const string Courier = "“We will close the harbour bridge for repairs until March 2032,” Berg told reporters.\n";

    private static string Gold(string document, params (string Text, string Speaker)[] statements) => $$"""
        {"document": "{{document}}", "published": "2031-05-05", "language": "en", "lines": [{"line": 1, "label": "body"}],
         "statements": [{{string.Join(",", statements.Select(s => $$"""{"speaker": "{{s.Speaker}}", "kind": "indirect", "text": "{{s.Text.Replace("\"", "\\\"")}}"}"""))}}]}
        """;

    [Fact]
    public void Oracle_mentions_of_one_utterance_in_two_outlets_score_one()
    {
        using var dir = new TempDir();
        dir.Write("a.txt", Gazette);
        dir.Write("b.txt", Courier);
        dir.Write("a.gold.json", Gold("a.txt", ("the harbour bridge would close for repairs until March 2032.", "Anna Berg"), ("the new library would open in the autumn.", "Anna Berg")));
        dir.Write("b.gold.json", Gold("b.txt", ("We will close the harbour bridge for repairs until March 2032,", "Anna Berg")));
        dir.Write("clusters.gold.json", """
            {"statement_clusters": [{"id": "bridge", "members": [
                {"document": "a.txt", "text": "the harbour bridge would close for repairs until March 2032."},
                {"document": "b.txt", "text": "We will close the harbour bridge for repairs until March 2032,"}]}],
             "event_clusters": [], "disputes": []}
            """);

        var report = new GoldEvaluator().Evaluate(dir.Path, global::Storyline.Pipeline.CreateDefault());

        Assert.Equal(1.0, report.Scores["clusters.oracle.statements.f1"], 9);
        Assert.Equal(1.0, report.Scores["clusters.oracle.statements.pairwise.f1"], 9);
        Assert.True(report.Scores.ContainsKey("clusters.statements.f1"));
        Assert.True(report.Scores.ContainsKey("clusters.events.f1"));
        Assert.True(report.Scores.ContainsKey("clusters.disputes.recall"));
        Assert.Contains(report.Tables, t => t.Title.StartsWith("Clusters", StringComparison.Ordinal));
    }
}
