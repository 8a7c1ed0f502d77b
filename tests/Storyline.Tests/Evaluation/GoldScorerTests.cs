using Storyline.Documents;
using Storyline.Evaluation;

namespace Storyline.Tests.Evaluation;

public class GoldScorerTests
{
    private const string Text = "Putin said on Thursday that “we will not give up an inch.”\nRead also: “Some headline”\n";

    private static GoldFile Gold() => new()
    {
        Published = "2025-12-04",
        Title = null,
        Lines = [new GoldLine(1, "body"), new GoldLine(2, "boilerplate")],
        Statements = [new GoldStatement { Speaker = "Vladimir Putin", SpeakerAccept = ["Putin"], Kind = "mixed", Text = "that “we will not give up an inch.”", Cue = "said" }],
        NotStatements = ["Some headline"],
        Time = [new GoldTime("on Thursday", "2025-12-04")],
    };

    private static Document Perfect()
    {
        var d = new Document(Text);
        d.Metadata.Published = new DateOnly(2025, 12, 4);
        int second = Text.IndexOf("Read", StringComparison.Ordinal);
        d.Lines = [new Line(new Span(0, second - 1), LineLabel.Body), new Line(Span.FromBounds(second, Text.Length - 1), LineLabel.Boilerplate)];
        int s = Text.IndexOf("that", StringComparison.Ordinal);
        d.Statements = [new Statement(new Span(s, "that “we will not give up an inch.”".Length), StatementKind.Mixed, "Putin")];
        d.TimeExpressions = [new TimeExpression(new Span(Text.IndexOf("Thursday", StringComparison.Ordinal), 8), TimexType.Date, "2025-12-04")];
        return d;
    }

    private static EvalReport Score(Document d) => ScoreWith(d, Gold());

    [Fact]
    public void A_perfect_prediction_scores_one()
    {
        var s = Score(Perfect()).Scores;
        Assert.Equal(1.0, s["lines.accuracy"]);
        Assert.Equal(1.0, s["published.accuracy"]);
        Assert.Equal(1.0, s["title.accuracy"]);
        Assert.Equal(1.0, s["statements.f1"]);
        Assert.Equal(1.0, s["statements.exact.f1"]);
        Assert.Equal(1.0, s["statements.speaker.accuracy"]);
        Assert.Equal(1.0, s["time.f1"]);
        Assert.Equal(1.0, s["time.value.accuracy"]);
        Assert.Equal(1.0, s["body.f1"]);
    }

    [Fact]
    public void An_empty_prediction_scores_zero()
    {
        var s = Score(new Document(Text)).Scores;
        Assert.Equal(0.0, s["statements.f1"]);
        Assert.Equal(0.0, s["time.f1"]);
        Assert.Equal(0.0, s["published.accuracy"]);
        Assert.Equal(0.0, s["lines.accuracy"]);
    }

    [Fact]
    public void A_half_overlap_matches_but_is_not_exact()
    {
        var d = Perfect();
        var gold = d.Statements[0].Content;
        // Cover the second 60% of the gold span: overlap ≥ half of the longer span, so it matches, but not exactly.
        int cut = gold.Length * 2 / 5;
        d.Statements = [new Statement(Span.FromBounds(gold.Start + cut, gold.End), StatementKind.Mixed, "Someone else")];
        var s = Score(d).Scores;
        Assert.Equal(1.0, s["statements.f1"]);
        Assert.Equal(0.0, s["statements.exact.f1"]);
        Assert.Equal(0.0, s["statements.speaker.accuracy"]);
    }

    [Fact]
    public void A_prediction_overlapping_less_than_half_is_a_false_positive()
    {
        var d = Perfect();
        var gold = d.Statements[0].Content;
        d.Statements = [new Statement(new Span(gold.Start, gold.Length / 3), StatementKind.Direct, "Putin")];
        var s = Score(d).Scores;
        Assert.Equal(0.0, s["statements.precision"]);
        Assert.Equal(0.0, s["statements.recall"]);
    }

    [Fact]
    public void A_wrong_time_value_keeps_the_span_match_but_loses_value_accuracy()
    {
        var d = Perfect();
        d.TimeExpressions = [d.TimeExpressions[0] with { Value = "2025-12-11" }];
        var s = Score(d).Scores;
        Assert.Equal(1.0, s["time.f1"]);
        Assert.Equal(0.0, s["time.value.accuracy"]);
    }

    [Fact]
    public void Token_bag_scores_partial_overlap()
    {
        var c = TokenBag.Compare("a b c d", "c d e f");
        Assert.Equal(0.5, c.Precision);
        Assert.Equal(0.5, c.Recall);
    }

    [Fact]
    public void Negated_and_hypothetical_events_are_not_scored_as_reported_events()
    {
        var d = Perfect();
        var line = new Span(0, Text.IndexOf('\n', StringComparison.Ordinal));
        d.Events = [new Event(line, "meet", [], Negated: true), new Event(line, "visit", [], Hypothetical: true)];
        var gold = Gold();
        gold.Events = [new GoldEvent { Type = "meet", Text = "Putin said on Thursday" }];
        var s = ScoreWith(d, gold).Scores;
        Assert.Equal(0.0, s["events.recall"]);
        Assert.Equal(0.0, s["events.precision"]);
    }

    [Fact]
    public void A_dispute_pointing_at_another_article_is_left_to_the_cross_document_score()
    {
        var d = Perfect();
        var claim = new Span(0, 10);
        var gold = Gold();
        gold.Disputes = [new GoldDispute("Putin said", "another outlet says otherwise (see 003)"), new GoldDispute("Putin said", "Some headline")];
        d.Disputes = [new Dispute(claim, new Span(Text.IndexOf("Some", StringComparison.Ordinal), 4))];
        Assert.Equal(1.0, ScoreWith(d, gold).Scores["disputes.recall"]);
        d.Disputes = [];
        Assert.Equal(0.0, ScoreWith(d, gold).Scores["disputes.recall"]);
    }

    private static EvalReport ScoreWith(Document d, GoldFile gold)
    {
        var scorer = new GoldScorer();
        scorer.Add(d, gold);
        var report = new EvalReport("t", "gold");
        scorer.WriteTo(report);
        return report;
    }
}
