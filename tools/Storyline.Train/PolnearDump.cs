using System.Text.Json;
using Storyline.Evaluation;
using Storyline.Ingest;

namespace Storyline.Train;

/// <summary>
/// <c>polnear-dump --split DIR --out FILE [--attributions SETTING]</c>: the statements the pipeline finds in each article of a PolNeAR split,
/// one JSON line per article (content, cue and source spans as character offsets), for error analysis on train/dev.
/// </summary>
internal static class PolnearDump
{
    public static int Run(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("split", out var split) || !options.TryGetValue("out", out var output))
        {
            Console.Error.WriteLine("usage: Storyline.Train polnear-dump --split DIR --out FILE [--attributions Rules|Confident|Lead|Model]");
            return 2;
        }
        var use = Enum.Parse<Statements.AttributionModelUse>(options.GetValueOrDefault("attributions") ?? "Rules", ignoreCase: true);
        var pipeline = Pipeline.CreateDefault(use);
        using var writer = new StreamWriter(output);
        foreach (var (textPath, _) in PolnearEvaluator.Pairs(split))
        {
            var document = pipeline.Process(new SourceDocument(textPath, File.ReadAllText(textPath), ContentKind.Text));
            var statements = document.Statements.Select(s => new
            {
                content = new[] { s.Content.Start, s.Content.End },
                cue = s.Cue is { } c ? new[] { c.Start, c.End } : null,
                source = s.SpeakerSpan is { } p ? new[] { p.Start, p.End } : null,
                kind = s.Kind.ToString(),
                speaker = s.Speaker,
            });
            writer.WriteLine(JsonSerializer.Serialize(new { file = Path.GetFileName(textPath), statements }));
        }
        return 0;
    }
}
