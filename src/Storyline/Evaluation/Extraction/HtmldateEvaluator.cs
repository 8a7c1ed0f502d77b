using System.Globalization;
using System.Text.Json;

namespace Storyline.Evaluation.Extraction;

/// <summary>
/// The htmldate evaluation set (<c>gold.json</c>: url, file, date or null): publication date of each page, scored as
/// htmldate scores itself (a right date is a TP, a wrong one a FP, none a FN; accuracy = TP/(TP+FP+FN)) over the dated
/// pages, with the no-date pages counted apart, and htmldate's own recorded answers scored beside ours.
/// </summary>
public sealed class HtmldateEvaluator : IDatasetEvaluator
{
    public string Format => "htmldate";

    public bool CanEvaluate(string directory) =>
        File.Exists(Path.Combine(directory, "gold.json")) && File.Exists(Path.Combine(directory, "eval_default.json"));

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var gold = ReadGold(File.ReadAllText(Path.Combine(directory, "gold.json")));
        var report = new EvalReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), Format);
        var ours = new DateScore();
        var predictions = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            progress?.Report(new EvalProgress(i, gold.Count, g.File));
            var path = Path.Combine(directory, g.File);
            string? predicted = null;
            if (File.Exists(path))
            {
                var document = pipeline.Extract(DatasetFiles.Source(g.Url, DatasetFiles.ReadHtml(path)));
                predicted = document.Metadata.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                report.Notes.Add($"{g.File}: missing, counted as no date");
            }
            ours.Add(predicted, g.Date);
        }
        progress?.Report(new EvalProgress(gold.Count, gold.Count, ""));
        report.Documents = gold.Count;
        ours.WriteTo(report, "published");
        var rows = new List<IReadOnlyList<string>> { ours.Row("storyline") };
        var referencePath = Path.Combine(directory, "htmldate-reference-outputs.json");
        if (File.Exists(referencePath))
        {
            var reference = ReadReference(File.ReadAllText(referencePath));
            foreach (var mode in new[] { "extensive", "fast" })
            {
                var score = new DateScore();
                foreach (var g in gold)
                    score.Add(reference.GetValueOrDefault(g.Url)?.GetValueOrDefault(mode), g.Date);
                report.Scores[$"reference.htmldate-{mode}.published.f1"] = score.F1;
                rows.Add(score.Row($"htmldate ({mode})"));
            }
        }
        report.Tables.Add(new EvalTable("Publication date (dated pages; no-date pages apart)", DateScore.Columns, rows));
        return report;
    }

    internal sealed record GoldPage(string Url, string File, string? Date);

    internal static List<GoldPage> ReadGold(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(e => new GoldPage(
            e.GetProperty("url").GetString()!,
            e.GetProperty("file").GetString()!,
            e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null)).ToList();
    }

    /// <summary>htmldate's recorded answers: <c>{url: {fast, extensive, …}}</c>; non-date values count as no answer.</summary>
    internal static Dictionary<string, Dictionary<string, string?>> ReadReference(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
        foreach (var page in doc.RootElement.EnumerateObject())
        {
            if (page.Value.ValueKind != JsonValueKind.Object)
                continue;
            result[page.Name] = page.Value.EnumerateObject().ToDictionary(
                p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null, StringComparer.Ordinal);
        }
        return result;
    }
}

/// <summary>htmldate's scoring of dates: TP right, FP wrong, FN none; the pages whose gold is "no date" are counted apart.</summary>
internal sealed class DateScore
{
    private int _tp, _fp, _fn, _noDatePages, _noDateRight;

    public double Precision => _tp + _fp == 0 ? 0 : (double)_tp / (_tp + _fp);

    public double Recall => _tp + _fn == 0 ? 0 : (double)_tp / (_tp + _fn);

    public double F1 => _tp == 0 ? 0 : 2.0 * _tp / (2 * _tp + _fp + _fn);

    public double Accuracy => _tp + _fp + _fn == 0 ? 0 : (double)_tp / (_tp + _fp + _fn);

    public void Add(string? predicted, string? gold)
    {
        if (predicted is not null && (predicted.Length != 10 || !DateOnly.TryParseExact(predicted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            predicted = null;
        if (gold is null)
        {
            // As htmldate counts it: a date on a page that has none is a false positive.
            _noDatePages++;
            if (predicted is null)
                _noDateRight++;
            else
                _fp++;
            return;
        }
        if (predicted is null)
            _fn++;
        else if (predicted == gold)
            _tp++;
        else
            _fp++;
    }

    public void WriteTo(EvalReport report, string prefix)
    {
        report.Scores[prefix + ".accuracy"] = Accuracy;
        report.Scores[prefix + ".precision"] = Precision;
        report.Scores[prefix + ".recall"] = Recall;
        report.Scores[prefix + ".f1"] = F1;
        report.Scores[prefix + ".nodate.accuracy"] = _noDatePages == 0 ? 0 : (double)_noDateRight / _noDatePages;
    }

    public IReadOnlyList<string> Row(string name) =>
    [
        name, EvalReport.Percent(Accuracy), EvalReport.Percent(Precision), EvalReport.Percent(Recall), EvalReport.Percent(F1),
        $"{_noDateRight}/{_noDatePages}",
    ];

    public static readonly IReadOnlyList<string> Columns = ["extractor", "accuracy", "P", "R", "F1", "no-date right"];
}
