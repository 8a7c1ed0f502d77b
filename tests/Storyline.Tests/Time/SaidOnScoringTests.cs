using Storyline.Documents;
using Storyline.Evaluation;

namespace Storyline.Tests.Time;

public class SaidOnScoringTests
{
    private const string Text = "Trump told reporters on Wednesday that the meeting went well.";

    private static double SaidOnAccuracy(DateOnly? saidOn) => Scores(saidOn, published: null)["statements.said_on.accuracy"];

    private static IDictionary<string, double> Scores(DateOnly? saidOn, DateOnly? published)
    {
        var d = new Document(Text, new DocumentMetadata { Published = published });
        int s = Text.IndexOf("the meeting", StringComparison.Ordinal);
        d.Statements = [new Statement(new Span(s, "the meeting went well".Length), StatementKind.Indirect, "Trump", SaidOn: saidOn)];
        var gold = new GoldFile
        {
            Published = "2025-12-04",
            Statements = [new GoldStatement { Speaker = "Donald Trump", SpeakerAccept = ["Trump"], Kind = "indirect", Text = "the meeting went well", SaidOn = "2025-12-03" }],
        };
        var scorer = new GoldScorer();
        scorer.Add(d, gold);
        var report = new EvalReport("t", "gold");
        scorer.WriteTo(report);
        return report.Scores;
    }

    [Fact]
    public void Said_on_is_scored_over_matched_statements_with_a_gold_date()
    {
        Assert.Equal(1.0, SaidOnAccuracy(new DateOnly(2025, 12, 3)));
        Assert.Equal(0.0, SaidOnAccuracy(new DateOnly(2025, 12, 4)));
        Assert.Equal(0.0, SaidOnAccuracy(null));
    }

    [Fact]
    public void Said_on_given_the_right_publication_date_leaves_out_misdated_documents()
    {
        var right = Scores(new DateOnly(2025, 12, 3), new DateOnly(2025, 12, 4));
        Assert.Equal(1.0, right["statements.said_on.given_published.accuracy"]);
        var wrongDay = Scores(new DateOnly(2025, 12, 4), new DateOnly(2025, 12, 4));
        Assert.Equal(0.0, wrongDay["statements.said_on.given_published.accuracy"]);
        var undated = Scores(null, null);
        Assert.Equal(0.0, undated["statements.said_on.accuracy"]);
        Assert.Equal(0.0, undated["statements.said_on.given_published.accuracy"]);
    }

    [Fact]
    public void Time_false_positives_are_counted_by_kind()
    {
        const string text = "Now the talks, which lasted five hours on Tuesday, resumed on Tuesday for two weeks and in May.";
        var d = new Document(text, new DocumentMetadata { Published = new DateOnly(2025, 12, 4) });
        Span At(string part, int from = 0) => new(text.IndexOf(part, from, StringComparison.Ordinal), part.Length);
        int second = text.IndexOf("Tuesday", StringComparison.Ordinal) + 1;
        d.TimeExpressions =
        [
            new TimeExpression(At("Now"), TimexType.Date, "PRESENT_REF"),
            new TimeExpression(At("five hours"), TimexType.Duration, "PT5H"),
            new TimeExpression(At("Tuesday"), TimexType.Date, "2025-12-02"),
            new TimeExpression(At("Tuesday", second), TimexType.Date, "2025-12-02"),
            new TimeExpression(At("two weeks"), TimexType.Duration, "P2W"),
            new TimeExpression(At("May"), TimexType.Date, "2025-05"),
        ];
        var gold = new GoldFile { Time = [new GoldTime("lasted five hours on Tuesday", "2025-12-02")] };
        var scorer = new GoldScorer();
        scorer.Add(d, gold);
        var report = new EvalReport("t", "gold");
        scorer.WriteTo(report);
        Assert.Equal(1, report.Scores["time.false_positives.reference"]);
        Assert.Equal(1, report.Scores["time.false_positives.duration"]);
        Assert.Equal(2, report.Scores["time.false_positives.repeat"]);
        Assert.Equal(1, report.Scores["time.false_positives.other"]);
    }
}
