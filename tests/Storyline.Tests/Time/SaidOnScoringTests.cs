using Storyline.Documents;
using Storyline.Evaluation;

namespace Storyline.Tests.Time;

public class SaidOnScoringTests
{
    private const string Text = "Trump told reporters on Wednesday that the meeting went well.";

    private static double SaidOnAccuracy(DateOnly? saidOn)
    {
        var d = new Document(Text);
        int s = Text.IndexOf("the meeting", StringComparison.Ordinal);
        d.Statements = [new Statement(new Span(s, "the meeting went well".Length), StatementKind.Indirect, "Trump", SaidOn: saidOn)];
        var gold = new GoldFile
        {
            Statements = [new GoldStatement { Speaker = "Donald Trump", SpeakerAccept = ["Trump"], Kind = "indirect", Text = "the meeting went well", SaidOn = "2025-12-03" }],
        };
        var scorer = new GoldScorer();
        scorer.Add(d, gold);
        var report = new EvalReport("t", "gold");
        scorer.WriteTo(report);
        return report.Scores["statements.said_on.accuracy"];
    }

    [Fact]
    public void Said_on_is_scored_over_matched_statements_with_a_gold_date()
    {
        Assert.Equal(1.0, SaidOnAccuracy(new DateOnly(2025, 12, 3)));
        Assert.Equal(0.0, SaidOnAccuracy(new DateOnly(2025, 12, 4)));
        Assert.Equal(0.0, SaidOnAccuracy(null));
    }
}
