namespace Storyline.Evaluation;

/// <summary>Counts of true positives, false positives and false negatives, and the figures made from them.</summary>
public readonly record struct Counts(double TruePositives, double FalsePositives, double FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Counts operator +(Counts a, Counts b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>One table of an evaluation report, as printed by <c>storyline eval</c>.</summary>
public sealed record EvalTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// The result of scoring one dataset: flat named scores in 0..1 (the <c>--json</c> output) plus tables for people.
/// </summary>
public sealed class EvalReport(string dataset, string format)
{
    public string Dataset { get; } = dataset;

    public string Format { get; } = format;

    public int Documents { get; set; }

    public SortedDictionary<string, double> Scores { get; } = new(StringComparer.Ordinal);

    public List<EvalTable> Tables { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Adds <c>prefix.precision</c>, <c>prefix.recall</c> and <c>prefix.f1</c>.</summary>
    public void AddPrf(string prefix, Counts counts)
    {
        Scores[prefix + ".precision"] = counts.Precision;
        Scores[prefix + ".recall"] = counts.Recall;
        Scores[prefix + ".f1"] = counts.F1;
    }

    public static string Percent(double x) => (x * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> PrfRow(string name, Counts c) =>
        [name, Percent(c.Precision), Percent(c.Recall), Percent(c.F1), ((int)c.TruePositives).ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public static readonly IReadOnlyList<string> PrfColumns = ["", "P", "R", "F1", "TP"];
}

/// <summary>Scores the pipeline on one kind of dataset folder (our gold format, CoNLL, ScrapingHub …).</summary>
public interface IDatasetEvaluator
{
    /// <summary>Short name of the format, as printed in the report ("gold", "conll", …).</summary>
    string Format { get; }

    /// <summary>True when <paramref name="directory"/> holds a dataset in this format.</summary>
    bool CanEvaluate(string directory);

    EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null);
}

public readonly record struct EvalProgress(int Done, int Total, string Item);

/// <summary>Every dataset format <c>storyline eval</c> knows, asked in order; the first that can read a folder scores it.</summary>
public static class DatasetEvaluators
{
    public static IReadOnlyList<IDatasetEvaluator> All { get; } =
    [
        new Extraction.ScrapingHubEvaluator(),
        new Extraction.NaebEvaluator(),
        new Extraction.HtmldateEvaluator(),
        new GoldEvaluator(),
        new TempEval3Evaluator(),
        new WikiWarsEvaluator(),
        new ConllEvaluator(),
        new PolnearEvaluator(),
    ];

    public static IDatasetEvaluator? For(string directory) => All.FirstOrDefault(e => e.CanEvaluate(directory));
}
