using System.Globalization;
using System.Text.Json;
using Storyline.Documents;

namespace Storyline.Evaluation.Extraction;

/// <summary>
/// NAEB, newspaper4k's article-extraction dataset (<c>articles.json</c>, <c>splits.json</c>, <c>html/ID.html.gz</c>):
/// body (shingle metric), title (exact after whitespace normalisation), authors (set F1 over normalised names) and
/// published date (exact day). The unprefixed scores are the test split; <c>train.*</c> and <c>dev.*</c> are for tuning.
/// </summary>
public sealed class NaebEvaluator : IDatasetEvaluator
{
    private static readonly string[] Splits = ["train", "dev", "test"];

    public string Format => "naeb";

    public bool CanEvaluate(string directory) =>
        File.Exists(Path.Combine(directory, "articles.json")) && File.Exists(Path.Combine(directory, "splits.json"));

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var articles = ReadArticles(File.ReadAllText(Path.Combine(directory, "articles.json")));
        var splits = ReadSplits(File.ReadAllText(Path.Combine(directory, "splits.json")));
        var report = new EvalReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), Format);
        int total = splits.Values.Sum(s => s.Count), done = 0;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var split in Splits)
        {
            var score = new NaebScore();
            foreach (var id in splits.GetValueOrDefault(split) ?? [])
            {
                progress?.Report(new EvalProgress(done++, total, id));
                var path = Path.Combine(directory, "html", id + ".html.gz");
                if (!articles.TryGetValue(id, out var gold) || !File.Exists(path))
                    continue;
                var document = pipeline.Extract(DatasetFiles.Source(gold.Url ?? path, DatasetFiles.ReadHtml(path)));
                score.Add(document, gold);
            }
            string prefix = split == "test" ? "" : split + ".";
            score.WriteTo(report, prefix);
            if (split == "test")
                report.Documents = score.Pages;
            rows.Add(score.Row(split));
        }
        progress?.Report(new EvalProgress(total, total, ""));
        report.Tables.Add(new EvalTable("NAEB (test is the reported split)", NaebScore.Columns, rows));
        return report;
    }

    internal sealed record Article(string? Title, string? Authors, string? Date, string? Body, string? Url);

    internal static Dictionary<string, Article> ReadArticles(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            string? Get(string name) => p.Value.TryGetProperty(name, out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null;
            result[p.Name] = new Article(Get("title"), Get("authors"), Get("date"), Get("articleBody"), Get("url"));
        }
        return result;
    }

    internal static Dictionary<string, List<string>> ReadSplits(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Array)
                result[p.Name] = p.Value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList();
        }
        return result;
    }
}

/// <summary>The four NAEB figures of one split.</summary>
internal sealed class NaebScore
{
    private readonly ShingleScorer _body = new();
    private int _title, _published;
    private Counts _authors;

    public int Pages => _body.Pages;

    public void Add(Document d, NaebEvaluator.Article gold)
    {
        _body.Add(DatasetFiles.Body(d), gold.Body);
        if (string.Equals(DatasetFiles.Normalize(d.Metadata.Title), DatasetFiles.Normalize(gold.Title), StringComparison.Ordinal))
            _title++;
        if (d.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == gold.Date)
            _published++;
        var predicted = d.Metadata.Authors.Select(NormalizeName).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        var expected = (gold.Authors ?? "").Split(',').Select(NormalizeName).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        int tp = predicted.Count(expected.Contains);
        _authors += new Counts(tp, predicted.Count - tp, expected.Count - tp);
    }

    internal static string NormalizeName(string name) => DatasetFiles.Normalize(name).ToLowerInvariant();

    private double Ratio(int n) => Pages == 0 ? 0 : (double)n / Pages;

    public void WriteTo(EvalReport report, string prefix)
    {
        _body.WriteTo(report, prefix + "body");
        report.Scores[prefix + "title.accuracy"] = Ratio(_title);
        report.Scores[prefix + "published.accuracy"] = Ratio(_published);
        report.AddPrf(prefix + "authors", _authors);
    }

    public IReadOnlyList<string> Row(string split) =>
    [
        split, Pages.ToString(CultureInfo.InvariantCulture), EvalReport.Percent(_body.F1), EvalReport.Percent(_body.Precision), EvalReport.Percent(_body.Recall),
        EvalReport.Percent(Ratio(_title)), EvalReport.Percent(_authors.F1), EvalReport.Percent(Ratio(_published)),
    ];

    public static readonly IReadOnlyList<string> Columns = ["split", "pages", "body F1", "body P", "body R", "title", "authors F1", "published"];
}
