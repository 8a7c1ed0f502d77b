using System.Text.RegularExpressions;

namespace Storyline.Evaluation.Extraction;

/// <summary>
/// The ScrapingHub article-extraction benchmark's body metric: multisets of word 4-grams ("shingles") of the
/// prediction and the gold, per-page precision and recall, averaged over pages; F1 from the averaged figures.
/// </summary>
public sealed partial class ShingleScorer
{
    private const int ShingleLength = 4;

    private double _precision, _recall;
    private int _exact, _precisionPages, _recallPages;

    public int Pages { get; private set; }

    /// <summary>Mean precision over the pages with a prediction (as the benchmark averages it).</summary>
    public double Precision => _precisionPages == 0 ? 0 : _precision / _precisionPages;

    /// <summary>Mean recall over the pages with gold text.</summary>
    public double Recall => _recallPages == 0 ? 0 : _recall / _recallPages;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of pages whose token sequences are equal.</summary>
    public double Accuracy => Pages == 0 ? 0 : (double)_exact / Pages;

    public void Add(string? predicted, string? gold)
    {
        var p = Tokens(predicted);
        var g = Tokens(gold);
        var (tp, fp, fn) = Compare(Shingles(p), Shingles(g));
        Pages++;
        // A page whose prediction and gold agree completely (both empty included) scores 1 on both.
        if (fp == 0 && fn == 0)
        {
            _precision += 1;
            _recall += 1;
            _precisionPages++;
            _recallPages++;
        }
        else
        {
            if (tp + fp > 0)
            {
                _precision += (double)tp / (tp + fp);
                _precisionPages++;
            }
            if (tp + fn > 0)
            {
                _recall += (double)tp / (tp + fn);
                _recallPages++;
            }
        }
        if (p.SequenceEqual(g, StringComparer.Ordinal))
            _exact++;
    }

    internal static (int Tp, int Fp, int Fn) Compare(Dictionary<string, int> predicted, Dictionary<string, int> gold)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (s, n) in predicted)
        {
            int g = gold.GetValueOrDefault(s);
            tp += Math.Min(n, g);
            fp += Math.Max(0, n - g);
        }
        foreach (var (s, n) in gold)
            fn += Math.Max(0, n - predicted.GetValueOrDefault(s));
        return (tp, fp, fn);
    }

    /// <summary>Unicode <c>\w+</c> tokens, case kept, as the benchmark's regex finds them.</summary>
    internal static List<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        foreach (Match m in Word().Matches(text))
            tokens.Add(m.Value);
        return tokens;
    }

    /// <summary>Counted 4-grams; a text of fewer than four tokens is one shorter shingle, an empty one none.</summary>
    internal static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        int count = Math.Max(1, tokens.Count - ShingleLength + 1);
        for (int i = 0; i < count && tokens.Count > 0; i++)
        {
            var key = string.Join('\u0001', tokens.Skip(i).Take(ShingleLength));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }
        return shingles;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    public void WriteTo(EvalReport report, string prefix)
    {
        report.Scores[prefix + ".precision"] = Precision;
        report.Scores[prefix + ".recall"] = Recall;
        report.Scores[prefix + ".f1"] = F1;
        report.Scores[prefix + ".accuracy"] = Accuracy;
    }

    public IReadOnlyList<string> Row(string name, string version) =>
        [name, version, EvalReport.Percent(F1), EvalReport.Percent(Precision), EvalReport.Percent(Recall), EvalReport.Percent(Accuracy)];

    public static readonly IReadOnlyList<string> Columns = ["extractor", "version", "F1", "P", "R", "exact"];
}
