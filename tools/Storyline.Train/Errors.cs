using System.Globalization;
using Storyline.Evaluation;
using Storyline.Language;

namespace Storyline.Train;

/// <summary>
/// <c>errors --file CONLL [--model M]</c>: the recogniser's errors on a file in aggregate, by gold type: names found
/// exactly, with the right span but the wrong type (and which), with the right type but wrong bounds, with both wrong,
/// or missed outright; and predicted names that overlap no gold name, by predicted type. Counts only, never
/// sentences, so it may be run on a test set to choose what to work on without studying its text.
/// </summary>
internal static class Errors
{
    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    public static int Run(Dictionary<string, string> options)
    {
        var file = options.GetValueOrDefault("file") ?? throw new ArgumentException("--file is required");
        var recognizer = EntityRecognizer.Load(options.GetValueOrDefault("model") ?? "models/ner.bin");
        var outcomes = new Dictionary<(string Gold, string Outcome), int>();
        var spurious = new Dictionary<string, int>();
        void Count(string gold, string outcome) => outcomes[(gold, outcome)] = outcomes.GetValueOrDefault((gold, outcome)) + 1;
        foreach (var (gold, predicted) in ConllEvaluator.SentenceChunks(ConllReader.Read(file), recognizer))
        {
            foreach (var g in gold)
            {
                var overlapping = predicted.Where(p => Overlap(g, p)).ToList();
                if (overlapping.Count == 0)
                    Count(g.Type, "missed");
                else if (overlapping.Any(p => p == g))
                    Count(g.Type, "exact");
                else if (overlapping.FirstOrDefault(p => p.First == g.First && p.Count == g.Count) is { Type: not null } sameSpan)
                    Count(g.Type, "as " + sameSpan.Type);
                else if (overlapping.Any(p => p.Type == g.Type))
                    Count(g.Type, overlapping.Count > 1 ? "split" : Covers(overlapping[0], g) ? "too long" : "too short/shifted");
                else
                    Count(g.Type, "bounds+type");
            }
            foreach (var p in predicted.Where(p => !gold.Any(g => Overlap(g, p))))
                spurious[p.Type] = spurious.GetValueOrDefault(p.Type) + 1;
        }
        var columns = outcomes.Keys.Select(k => k.Outcome).Distinct().OrderBy(Order).ThenBy(o => o, StringComparer.Ordinal).ToList();
        Console.WriteLine("gold  " + string.Concat(columns.Select(c => c.PadLeft(18))) + "  total".PadLeft(8));
        foreach (var type in Types)
        {
            int total = columns.Sum(c => outcomes.GetValueOrDefault((type, c)));
            Console.WriteLine(type.PadRight(6) + string.Concat(columns.Select(c => Cell(outcomes.GetValueOrDefault((type, c)), total).PadLeft(18))) + total.ToString(CultureInfo.InvariantCulture).PadLeft(8));
        }
        Console.WriteLine("predicted names overlapping no gold name: " + string.Join(", ", Types.Select(t => $"{t} {spurious.GetValueOrDefault(t)}")));
        return 0;
    }

    private static int Order(string outcome) => outcome switch
    {
        "exact" => 0,
        _ when outcome.StartsWith("as ", StringComparison.Ordinal) => 1,
        "missed" => 3,
        _ => 2,
    };

    private static string Cell(int count, int total) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} ({(total == 0 ? 0 : 100.0 * count / total):0.0}%)");

    private static bool Overlap((int First, int Count, string Type) a, (int First, int Count, string Type) b) =>
        a.First < b.First + b.Count && b.First < a.First + a.Count;

    private static bool Covers((int First, int Count, string Type) outer, (int First, int Count, string Type) inner) =>
        outer.First <= inner.First && outer.First + outer.Count >= inner.First + inner.Count;
}
