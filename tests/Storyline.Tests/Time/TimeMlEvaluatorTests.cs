using Storyline.Evaluation;
using Storyline.Tests.Support;

namespace Storyline.Tests.Time;

public class TimeMlEvaluatorTests
{
    private const string Tml = """
        <?xml version="1.0" ?><TimeML><DOCID>sample</DOCID>
        <DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
        <TEXT>The minister &amp; his aide <EVENT eid="e1">spoke</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> about <TIMEX3 tid="t2" type="DURATION" value="P3Y">three years</TIMEX3> of talks.</TEXT>
        </TimeML>
        """;

    private const string Ace = """
        <DOC><DOCID>sample</DOCID><DATETIME> <TIMEX2 val="2009-12-19">2009-12-19</TIMEX2> </DATETIME>
        <TEXT>On <TIMEX2 val="1939-09-01">September 1, 1939</TIMEX2>, Germany attacked. By <TIMEX2 val="1939-10" mod="START">early October</TIMEX2> it was over.</TEXT></DOC>
        """;

    [Fact]
    public void The_reader_gives_plain_text_offsets_and_the_creation_time()
    {
        var doc = InlineTimexReader.Read("sample", Tml);
        Assert.Equal(new DateOnly(2013, 3, 22), doc.Created);
        Assert.StartsWith("The minister & his aide spoke Thursday", doc.Text, StringComparison.Ordinal);
        Assert.Equal(["Thursday", "three years"], doc.Gold.Select(g => g.Span.Of(doc.Text)));
        Assert.Equal(("DURATION", "P3Y"), (doc.Gold[1].Type, doc.Gold[1].Value));
    }

    [Fact]
    public void A_file_without_text_is_rejected_with_a_reason() =>
        Assert.Throws<InvalidDataException>(() => InlineTimexReader.Read("bad", "<TimeML>no text here</TimeML>"));

    [Fact]
    public void TempEval3_evaluator_scores_a_sample_folder()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "sample.tml"), Tml);
        var evaluator = DatasetEvaluators.For(dir.Path);
        Assert.IsType<TempEval3Evaluator>(evaluator);
        var report = evaluator!.Evaluate(dir.Path, Pipeline.CreateDefault());
        Assert.Equal(1.0, report.Scores["time.f1"]);
        Assert.Equal(1.0, report.Scores["time.value.accuracy"]);
        Assert.Equal(1.0, report.Scores["time.type.accuracy"]);
    }

    [Fact]
    public void WikiWars_evaluator_reads_keyinline_files_as_stories()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "keyinline"));
        File.WriteAllText(Path.Combine(dir.Path, "keyinline", "01_Sample.key.xml"), Ace);
        var evaluator = DatasetEvaluators.For(dir.Path);
        Assert.IsType<WikiWarsEvaluator>(evaluator);
        var report = evaluator!.Evaluate(dir.Path, Pipeline.CreateDefault());
        Assert.Equal(1.0, report.Scores["time.f1"]);
        Assert.Equal(1.0, report.Scores["time.value.accuracy"]);
    }
}
