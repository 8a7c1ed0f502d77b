using Storyline.Documents;
using Storyline.Evaluation;
using Storyline.Tests.Support;

namespace Storyline.Tests.Statements;

public class PolnearEvaluatorTests
{
    // A hand-made article and its brat attributions, in the PolNeAR layout (text/ + attributions/).
    private const string Text = "Budget talks\n\nThe mayor said that the bridge would reopen in May.\n\nResidents were not convinced.\n";

    private static string Ann()
    {
        int source = Text.IndexOf("The mayor", StringComparison.Ordinal);
        int cue = Text.IndexOf("said", StringComparison.Ordinal);
        int content = Text.IndexOf("that the bridge", StringComparison.Ordinal);
        int end = Text.IndexOf("May.", StringComparison.Ordinal) + 3;
        return $"T1\tSource {source} {source + 9}\tThe mayor\nT2\tCue {cue} {cue + 4}\tsaid\nT3\tContent {content} {end}\tthat the bridge would reopen in May\n"
            + $"T4\tAttribution {cue} {cue + 4}\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tDiscuss 0 6\tBudget\n";
    }

    [Fact]
    public void Reads_relations_with_their_roles()
    {
        var relations = BratAttributions.Parse(new StringReader(Ann()), "sample.ann", Text.Length);
        var r = Assert.Single(relations);
        Assert.Equal("that the bridge would reopen in May", r.Content.Of(Text));
        Assert.Equal("The mayor", r.Source!.Value.Of(Text));
        Assert.Equal("said", r.Cue!.Value.Of(Text));
    }

    [Fact]
    public void A_discontinuous_span_is_read_as_its_hull()
    {
        var relations = BratAttributions.Parse(new StringReader("T1\tContent 0 3;8 12\tabc efgh\nE1\tAttribution:T1 Content:T1\n"), "d.ann", 20);
        Assert.Equal(new Span(0, 12), Assert.Single(relations).Content);
    }

    [Fact]
    public void A_span_beyond_the_text_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidDataException>(() => BratAttributions.Parse(new StringReader("T1\tContent 0 99\tx\n"), "bad.ann", 10));
        Assert.Contains("bad.ann line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_the_pipeline_on_a_split_folder()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("text"));
        Directory.CreateDirectory(dir.File("attributions"));
        File.WriteAllText(Path.Combine(dir.Path, "text", "a.txt"), Text);
        File.WriteAllText(Path.Combine(dir.Path, "attributions", "a_0001.ann"), Ann());
        File.WriteAllText(Path.Combine(dir.Path, "attributions", "a_0002.ann"), "");

        var evaluator = new PolnearEvaluator();
        Assert.True(evaluator.CanEvaluate(dir.Path));
        var report = evaluator.Evaluate(dir.Path, Pipeline.CreateDefault());

        Assert.Equal(1, report.Documents);
        Assert.Equal(1.0, report.Scores["statements.f1"]);
        Assert.Equal(1.0, report.Scores["statements.exact.f1"]); // "that" and the final stop are not counted as a difference
        Assert.Equal(1.0, report.Scores["statements.speaker.overlap.f1"]);
        Assert.Equal(1.0, report.Scores["statements.cue.f1"]);
    }

    [Fact]
    public void Is_registered_for_eval()
    {
        Assert.Contains(DatasetEvaluators.All, e => e.Format == "polnear");
    }
}
