using System.Globalization;
using System.Net;
using System.Text;
using Storyline.Documents;

namespace Storyline.Evaluation;

/// <summary>A gold time expression of a TimeML (TIMEX3) or ACE (TIMEX2) file: its span in the plain text, type and value.</summary>
public sealed record GoldTimex(Span Span, string? Type, string? Value);

/// <summary>One document of an inline-annotated corpus: the plain text, the gold expressions and the creation time.</summary>
public sealed record InlineTimexDocument(string Id, string Text, IReadOnlyList<GoldTimex> Gold, DateOnly? Created);

/// <summary>
/// Reads inline TIMEX annotations (TempEval-3 <c>.tml</c>, WikiWars <c>.key.xml</c>): the text of the <c>TEXT</c>
/// element with every tag removed and entities decoded, and the span of every <c>TIMEX3</c>/<c>TIMEX2</c> element in it.
/// A hand-written scanner rather than an XML parser, because the offsets must be those of the plain text.
/// </summary>
public static class InlineTimexReader
{
    public static InlineTimexDocument Read(string id, string markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        int textStart = markup.IndexOf("<TEXT>", StringComparison.Ordinal);
        int textEnd = markup.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (textStart < 0 || textEnd < textStart)
            throw new InvalidDataException($"{id}: no <TEXT> element");
        var created = CreationTime(markup[..textStart]);
        var text = new StringBuilder();
        var gold = new List<GoldTimex>();
        var open = new Stack<(int Start, string? Type, string? Value)>();
        int i = textStart + "<TEXT>".Length;
        while (i < textEnd)
        {
            char c = markup[i];
            if (c == '<')
            {
                int close = markup.IndexOf('>', i);
                if (close < 0 || close > textEnd)
                    throw new InvalidDataException($"{id}: unterminated tag at {i}");
                var tag = markup.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX", StringComparison.Ordinal) && !tag.EndsWith("/"))
                    open.Push((text.Length, Attribute(tag, "type"), Attribute(tag, "value") ?? Attribute(tag, "val")));
                else if (tag.StartsWith("/TIMEX", StringComparison.Ordinal) && open.Count > 0)
                {
                    var (start, type, value) = open.Pop();
                    gold.Add(new GoldTimex(Span.FromBounds(start, text.Length), type, value));
                }
                i = close + 1;
            }
            else if (c == '&')
            {
                int semi = markup.IndexOf(';', i);
                if (semi > i && semi - i <= 10)
                {
                    text.Append(WebUtility.HtmlDecode(markup[i..(semi + 1)]));
                    i = semi + 1;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        gold.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return new InlineTimexDocument(id, text.ToString(), gold, created);
    }

    /// <summary>The document creation time: the TIMEX3 marked CREATION_TIME (TimeML) or the DATETIME element (ACE).</summary>
    private static DateOnly? CreationTime(string header)
    {
        int i = header.IndexOf("CREATION_TIME", StringComparison.Ordinal);
        if (i < 0)
            return null;
        int start = header.LastIndexOf('<', i);
        int end = header.IndexOf('>', i);
        if (start < 0 || end < 0)
            return null;
        var value = Attribute(header.AsSpan(start + 1, end - start - 1), "value");
        return value is { Length: >= 10 } && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        var key = $" {name}=\"";
        int i = tag.IndexOf(key, StringComparison.Ordinal);
        if (i < 0)
            return null;
        var rest = tag[(i + key.Length)..];
        int end = rest.IndexOf('"');
        return end < 0 ? null : WebUtility.HtmlDecode(rest[..end].ToString());
    }
}

/// <summary>
/// TempEval-3 Task A scoring (UzZaman et al. 2013): extraction precision/recall/F1 with strict (same extent) and
/// relaxed (overlapping) matching, and over relaxed matches the accuracy of type and value; "value F1" is relaxed
/// F1 times value accuracy, the headline normalisation figure.
/// </summary>
public sealed class TimexScorer
{
    private Counts _strict, _relaxed;
    private int _typeCorrect, _valueCorrect, _valueScored;

    public int Documents { get; private set; }

    public void Add(IReadOnlyList<GoldTimex> gold, IReadOnlyList<TimeExpression> predicted)
    {
        Documents++;
        var used = new bool[predicted.Count];
        int strict = 0, relaxed = 0;
        foreach (var g in gold)
        {
            int best = -1, bestOverlap = 0;
            for (int p = 0; p < predicted.Count; p++)
            {
                int overlap = predicted[p].Span.OverlapWith(g.Span);
                if (!used[p] && overlap > bestOverlap)
                    (best, bestOverlap) = (p, overlap);
            }
            if (best < 0)
                continue;
            used[best] = true;
            relaxed++;
            var prediction = predicted[best];
            if (prediction.Span == g.Span)
                strict++;
            if (g.Type is not null && string.Equals(g.Type, prediction.Type.ToString(), StringComparison.OrdinalIgnoreCase))
                _typeCorrect++;
            if (g.Value is not null)
            {
                _valueScored++;
                if (g.Value == prediction.Value)
                    _valueCorrect++;
            }
        }
        _strict += new Counts(strict, predicted.Count - strict, gold.Count - strict);
        _relaxed += new Counts(relaxed, predicted.Count - relaxed, gold.Count - relaxed);
    }

    public void WriteTo(EvalReport report, bool hasTypes)
    {
        report.AddPrf("time.strict", _strict);
        report.AddPrf("time", _relaxed);
        double matched = _relaxed.TruePositives;
        double valueAccuracy = _valueScored == 0 ? 0 : (double)_valueCorrect / _valueScored;
        report.Scores["time.value.accuracy"] = valueAccuracy;
        report.Scores["time.value.f1"] = _relaxed.F1 * valueAccuracy;
        var rows = new List<IReadOnlyList<string>>
        {
            EvalReport.PrfRow("extraction (strict)", _strict),
            EvalReport.PrfRow("extraction (relaxed)", _relaxed),
        };
        List<IReadOnlyList<string>> resolution =
        [
            ["value (accuracy)", EvalReport.Percent(valueAccuracy), $"{_valueScored} matched"],
            ["value (F1)", EvalReport.Percent(_relaxed.F1 * valueAccuracy), ""],
        ];
        if (hasTypes)
        {
            double typeAccuracy = matched == 0 ? 0 : _typeCorrect / matched;
            report.Scores["time.type.accuracy"] = typeAccuracy;
            report.Scores["time.type.f1"] = _relaxed.F1 * typeAccuracy;
            resolution.Add(new[] { "type (accuracy)", EvalReport.Percent(typeAccuracy), $"{_relaxed.TruePositives} matched" });
            resolution.Add(new[] { "type (F1)", EvalReport.Percent(_relaxed.F1 * typeAccuracy), "" });
        }
        report.Tables.Add(new EvalTable("Time expressions", EvalReport.PrfColumns, rows));
        report.Tables.Add(new EvalTable("Normalisation", ["measure", "score", "of"], resolution));
    }
}

/// <summary>Shared loop of the inline-TIMEX evaluators: read, annotate, score.</summary>
public abstract class InlineTimexEvaluator : IDatasetEvaluator
{
    public abstract string Format { get; }

    public abstract bool CanEvaluate(string directory);

    /// <summary>The annotated files of the dataset, in ordinal order.</summary>
    protected abstract IEnumerable<string> Files(string directory);

    /// <summary>Whether the document's creation time is the anchor (news); WikiWars' is only the download time.</summary>
    protected abstract bool UseCreationTime { get; }

    protected abstract bool HasTypes { get; }

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var files = Files(directory).Order(StringComparer.Ordinal).ToList();
        var report = new EvalReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), Format);
        var scorer = new TimexScorer();
        for (int i = 0; i < files.Count; i++)
        {
            progress?.Report(new EvalProgress(i, files.Count, Path.GetFileName(files[i])));
            InlineTimexDocument gold;
            try
            {
                gold = InlineTimexReader.Read(Path.GetFileName(files[i]), File.ReadAllText(files[i]));
            }
            catch (InvalidDataException e)
            {
                report.Notes.Add(e.Message);
                continue;
            }
            var metadata = new DocumentMetadata { Language = "en" };
            if (UseCreationTime && gold.Created is { } created)
            {
                metadata.Published = created;
                metadata.PublishedNote = "given by the source";
            }
            var document = new Document(gold.Text, metadata);
            pipeline.Annotate(document);
            scorer.Add(gold.Gold, document.TimeExpressions);
        }
        progress?.Report(new EvalProgress(files.Count, files.Count, ""));
        report.Documents = scorer.Documents;
        scorer.WriteTo(report, HasTypes);
        return report;
    }
}

/// <summary>TempEval-3 TimeML (<c>*.tml</c>, anywhere below the folder), anchored on each document's creation time.</summary>
public sealed class TempEval3Evaluator : InlineTimexEvaluator
{
    public override string Format => "tempeval3";

    public override bool CanEvaluate(string directory) => Directory.Exists(directory) && Files(directory).Any();

    protected override IEnumerable<string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.tml", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal));

    protected override bool UseCreationTime => true;

    protected override bool HasTypes => true;
}

/// <summary>WikiWars (<c>keyinline/*.key.xml</c>, TIMEX2): narrative history, so no document date is given as anchor.</summary>
public sealed class WikiWarsEvaluator : InlineTimexEvaluator
{
    public override string Format => "wikiwars";

    public override bool CanEvaluate(string directory) => Directory.Exists(Path.Combine(directory, "keyinline")) && Files(directory).Any();

    protected override IEnumerable<string> Files(string directory) => Directory.EnumerateFiles(Path.Combine(directory, "keyinline"), "*.key.xml");

    protected override bool UseCreationTime => false;

    protected override bool HasTypes => false;
}
