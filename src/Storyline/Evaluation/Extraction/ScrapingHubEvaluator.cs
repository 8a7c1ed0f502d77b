using System.Text.Json;

namespace Storyline.Evaluation.Extraction;

/// <summary>
/// The ScrapingHub article-extraction benchmark (<c>ground-truth.json</c>, <c>html/ID.html.gz</c>, <c>output/TOOL.json</c>):
/// body shingle P/R/F1 of our extractor and, scored by the same <see cref="ShingleScorer"/> in the same run, of every
/// reference tool whose output the dataset ships.
/// </summary>
public sealed class ScrapingHubEvaluator : IDatasetEvaluator
{
    public string Format => "scrapinghub-aeb";

    public bool CanEvaluate(string directory) =>
        File.Exists(Path.Combine(directory, "ground-truth.json")) && Directory.Exists(Path.Combine(directory, "html"));

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var gold = ReadBodies(Path.Combine(directory, "ground-truth.json"), out _);
        var report = new EvalReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), Format);
        var ours = new ShingleScorer();
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < ids.Count; i++)
        {
            progress?.Report(new EvalProgress(i, ids.Count, ids[i]));
            var path = Path.Combine(directory, "html", ids[i] + ".html.gz");
            if (!File.Exists(path))
            {
                report.Notes.Add($"{ids[i]}: no HTML file, skipped");
                continue;
            }
            var document = pipeline.Extract(DatasetFiles.Source(gold[ids[i]].Url ?? path, DatasetFiles.ReadHtml(path)));
            ours.Add(DatasetFiles.Body(document), gold[ids[i]].Body);
        }
        progress?.Report(new EvalProgress(ids.Count, ids.Count, ""));
        report.Documents = ours.Pages;
        ours.WriteTo(report, "body");

        var rows = new List<(double F1, IReadOnlyList<string> Row)> { (ours.F1, ours.Row("storyline", "this run")) };
        var outputs = Path.Combine(directory, "output");
        if (Directory.Exists(outputs))
        {
            foreach (var file in Directory.EnumerateFiles(outputs, "*.json").Order(StringComparer.Ordinal))
            {
                var tool = Path.GetFileNameWithoutExtension(file);
                var predicted = ReadBodies(file, out var version);
                var scorer = new ShingleScorer();
                foreach (var id in ids)
                    scorer.Add(predicted.GetValueOrDefault(id).Body, gold[id].Body);
                report.Scores[$"reference.{tool}.body.f1"] = scorer.F1;
                rows.Add((scorer.F1, scorer.Row(tool, version ?? "")));
            }
        }
        report.Tables.Add(new EvalTable("Article body (shingle metric of the benchmark)", ShingleScorer.Columns,
            rows.OrderByDescending(r => r.F1).Select(r => r.Row).ToList()));
        return report;
    }

    /// <summary>Bodies by page id from a gold or output file: <c>{id: {articleBody}}</c> or <c>{version, output: {id: {articleBody}}}</c>.</summary>
    internal static Dictionary<string, (string? Body, string? Url)> ReadBodies(string path, out string? version)
    {
        using var stream = File.OpenRead(path);
        return ReadBodies(stream, out version);
    }

    internal static Dictionary<string, (string? Body, string? Url)> ReadBodies(Stream stream, out string? version)
    {
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        version = null;
        if (root.TryGetProperty("output", out var output) && output.ValueKind == JsonValueKind.Object)
        {
            version = root.TryGetProperty("version", out var v) ? v.ToString() : null;
            root = output;
        }
        var bodies = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        foreach (var page in root.EnumerateObject())
        {
            if (page.Value.ValueKind != JsonValueKind.Object)
                continue;
            string? Get(string name) => page.Value.TryGetProperty(name, out var x) && x.ValueKind == JsonValueKind.String ? x.GetString() : null;
            bodies[page.Name] = (Get("articleBody"), Get("url"));
        }
        return bodies;
    }
}
