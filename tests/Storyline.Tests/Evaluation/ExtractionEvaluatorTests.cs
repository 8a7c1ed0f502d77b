using System.IO.Compression;
using System.Text;
using Storyline.Evaluation;
using Storyline.Evaluation.Extraction;
using Storyline.Tests.Support;

namespace Storyline.Tests.Evaluation;

public class ExtractionEvaluatorTests
{
    private const string Body1 = "The council approved the new bridge on Monday, ending a debate that has divided the district for years.";
    private const string Body2 = "Engineers have studied the site for two years, and the crossing should open to traffic in 2028, officials said.";

    private static string Page(string title, string date, string author) => $$"""
        <html lang="en"><head><title>{{title}}</title><meta name="author" content="{{author}}">
        <meta property="article:published_time" content="{{date}}T09:00:00Z"></head>
        <body><nav><a href="/">Home</a></nav><div class="article-body"><p>{{Body1}}</p><p>{{Body2}}</p></div></body></html>
        """;

    private static void WriteGz(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Shingle_scorer_follows_the_benchmark_metric()
    {
        var perfect = new ShingleScorer();
        perfect.Add("one two three four five", "one two three four five");
        Assert.Equal(1, perfect.F1, 6);
        Assert.Equal(1, perfect.Accuracy, 6);

        // Gold has 2 shingles (a b c d, b c d e); the prediction has 1 of them and 1 wrong one (b c d x).
        var half = new ShingleScorer();
        half.Add("a b c d x", "a b c d e");
        Assert.Equal(0.5, half.Precision, 6);
        Assert.Equal(0.5, half.Recall, 6);

        // A short text is one shorter shingle; an empty prediction counts for recall only.
        var empty = new ShingleScorer();
        empty.Add("", "hello world");
        Assert.Equal(0, empty.Recall, 6);
        Assert.Equal(0, empty.Pages - 1);
    }

    [Fact]
    public void ScrapingHub_reads_both_output_shapes_and_scores_the_reference_tools_beside_ours()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("ground-truth.json"), $$$"""{"p1": {"articleBody": "{{{Body1}}}\n{{{Body2}}}", "url": "https://example.test/a"}}""");
        WriteGz(dir.File("html/p1.html.gz"), Page("Bridge", "2026-03-03", "Jane Roe"));
        Directory.CreateDirectory(dir.File("output"));
        File.WriteAllText(dir.File("output/plain.json"), $$$"""{"p1": {"articleBody": "{{{Body1}}}\n{{{Body2}}}"}}""");
        File.WriteAllText(dir.File("output/wrapped.json"), """{"version": "1.0", "output": {"p1": {"articleBody": "Home"}}}""");

        var evaluator = new ScrapingHubEvaluator();
        Assert.True(evaluator.CanEvaluate(dir.Path));
        var report = evaluator.Evaluate(dir.Path, Pipeline.CreateDefault());
        Assert.Equal(1, report.Scores["body.f1"], 6);
        Assert.Equal(1, report.Scores["reference.plain.body.f1"], 6);
        Assert.Equal(0, report.Scores["reference.wrapped.body.f1"], 6);
    }

    [Fact]
    public void Naeb_scores_the_test_split_and_reports_train_and_dev_apart()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("articles.json"), $$$"""
            {"a": {"title": "Bridge approved", "authors": "Jane Roe", "date": "2026-03-03", "articleBody": "{{{Body1}}}\n\n{{{Body2}}}", "url": "https://example.test/a"},
             "b": {"title": "Another title", "authors": "John Doe, Ann Smith", "date": "2026-01-01", "articleBody": "{{{Body1}}}", "url": "https://example.test/b"}}
            """);
        File.WriteAllText(dir.File("splits.json"), """{"rule": "hand-made", "train": ["b"], "dev": [], "test": ["a"]}""");
        WriteGz(dir.File("html/a.html.gz"), Page("Bridge approved", "2026-03-03", "Jane Roe"));
        WriteGz(dir.File("html/b.html.gz"), Page("Bridge approved", "2026-03-03", "Jane Roe"));

        var report = new NaebEvaluator().Evaluate(dir.Path, Pipeline.CreateDefault());
        Assert.Equal(1, report.Documents);
        Assert.Equal(1, report.Scores["body.f1"], 6);
        Assert.Equal(1, report.Scores["title.accuracy"], 6);
        Assert.Equal(1, report.Scores["authors.f1"], 6);
        Assert.Equal(1, report.Scores["published.accuracy"], 6);
        Assert.Equal(0, report.Scores["train.title.accuracy"], 6);
        Assert.Equal(0, report.Scores["train.authors.f1"], 6);
    }

    [Fact]
    public void Htmldate_counts_right_wrong_and_missing_dates_and_scores_htmldate_beside_us()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("gold.json"), """
            [{"url": "https://example.test/a", "file": "eval/a.html.gz", "date": "2026-03-03", "set": "default"},
             {"url": "https://example.test/b", "file": "eval/b.html.gz", "date": "2025-01-01", "set": "default"},
             {"url": "https://example.test/c", "file": "eval/c.html.gz", "date": null, "set": "mediacloud"}]
            """);
        File.WriteAllText(dir.File("eval_default.json"), "{}");
        File.WriteAllText(dir.File("htmldate-reference-outputs.json"), """
            {"https://example.test/a": {"fast": "2026-03-03", "extensive": "2026-03-03"},
             "https://example.test/b": {"fast": null, "extensive": "2025-01-01"}}
            """);
        WriteGz(dir.File("eval/a.html.gz"), Page("A", "2026-03-03", "Jane Roe"));
        WriteGz(dir.File("eval/b.html.gz"), Page("B", "2024-05-05", "Jane Roe"));
        WriteGz(dir.File("eval/c.html.gz"), "<html><body><p>No date here at all.</p></body></html>");

        var report = new HtmldateEvaluator().Evaluate(dir.Path, Pipeline.CreateDefault());
        Assert.Equal(0.5, report.Scores["published.accuracy"], 6);
        Assert.Equal(1, report.Scores["published.nodate.accuracy"], 6);
        Assert.Equal(1, report.Scores["reference.htmldate-extensive.published.f1"], 6);
        Assert.Equal(2.0 / 3, report.Scores["reference.htmldate-fast.published.f1"], 6);
    }

    [Fact]
    public void The_registry_picks_each_format_by_its_files()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("articles.json"), "{}");
        File.WriteAllText(dir.File("splits.json"), "{}");
        Assert.IsType<NaebEvaluator>(DatasetEvaluators.For(dir.Path));
    }
}
