using System.Globalization;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Statements;

namespace Storyline.Evaluation;

/// <summary>
/// Scores statements against PolNeAR (political news attribution relations, brat standoff; see its SOURCE.md).
/// Given the dataset root it scores the <c>test</c> split; given a split folder (<c>text/</c> + <c>attributions/</c>)
/// it scores that one, so tuning runs on <c>data/dev</c>. One annotation file per article: the lexicographically
/// first <c>.ann</c>, as SOURCE.md prescribes.
/// </summary>
public sealed class PolnearEvaluator : IDatasetEvaluator
{
    public string Format => "polnear";

    /// <summary>
    /// How the scored statements combine rules and tagger. PolNeAR annotates beliefs, stances and evaluations as
    /// attributions, which the product's default (the rules alone) leaves out by design.
    /// </summary>
    public const AttributionModelUse Use = AttributionModelUse.Union;

    private static readonly AttributionModelUse[] Compared = [AttributionModelUse.Rules, AttributionModelUse.Confident, AttributionModelUse.Lead, AttributionModelUse.Model];

    public bool CanEvaluate(string directory) => SplitFolder(directory) is not null;

    private static string? SplitFolder(string directory)
    {
        foreach (var candidate in new[] { Path.Combine(directory, "data", "test"), Path.Combine(directory, "test"), directory })
        {
            if (Directory.Exists(Path.Combine(candidate, "text")) && Directory.Exists(Path.Combine(candidate, "attributions")))
                return candidate;
        }
        return null;
    }

    /// <summary>Each article's text file with its first annotation file, in ordinal order.</summary>
    public static IEnumerable<(string Text, string Annotations)> Pairs(string split)
    {
        var annotations = Directory.EnumerateFiles(Path.Combine(split, "attributions"), "*.ann").Order(StringComparer.Ordinal).ToList();
        foreach (var text in Directory.EnumerateFiles(Path.Combine(split, "text"), "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(text) + "_";
            var first = annotations.FirstOrDefault(a => Path.GetFileName(a).StartsWith(stem, StringComparison.Ordinal));
            if (first is not null)
                yield return (text, first);
        }
    }

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var split = SplitFolder(directory) ?? throw new DirectoryNotFoundException($"{directory}: no PolNeAR split (text/ and attributions/) found");
        var pairs = Pairs(split).ToList();
        var report = new EvalReport("polnear/" + Path.GetFileName(split), Format);
        var scorer = new AttributionScorer();
        // The other ways of combining rules and model, for comparison: each reruns the statement stage alone.
        var others = Compared.ToDictionary(use => use, _ => new AttributionScorer());
        for (int i = 0; i < pairs.Count; i++)
        {
            var (textPath, annPath) = pairs[i];
            progress?.Report(new EvalProgress(i, pairs.Count, Path.GetFileName(textPath)));
            var text = File.ReadAllText(textPath);
            List<BratAttribution> gold;
            using (var reader = new StreamReader(annPath))
                gold = BratAttributions.Parse(reader, Path.GetFileName(annPath), text.Length);
            var document = pipeline.Process(new SourceDocument(textPath, text, ContentKind.Text));
            foreach (var (use, other) in others)
            {
                new StatementStage(use).Apply(document);
                other.Add(document, gold);
            }
            new StatementStage(Use).Apply(document);
            scorer.Add(document, gold);
        }
        progress?.Report(new EvalProgress(pairs.Count, pairs.Count, ""));
        report.Documents = pairs.Count;
        scorer.WriteTo(report);
        report.Tables.Add(new EvalTable("Rules and model (statement stage settings)", ["setting", "content F1", "content exact F1", "source F1 (overlap)", "cue F1"],
        [
            .. others.Select(p => p.Value.Summary(p.Key.ToString())),
            scorer.Summary(Use + " (scored above)"),
        ]));
        report.Notes.Add($"Statements scored with the stage's model setting '{Use}' (the rules' statements and the tagger's where the rules have none: best on dev of the settings compared); 'Rules' is the product's default (`--attributions` chooses).");
        report.Notes.Add("PolNeAR: first .ann per article; statements mapped to PolNeAR's convention (content without the subject; a continuing quote joined to the quote it continues); content 'exact' ignores surrounding quote marks, punctuation and a leading 'that'; " +
                         "overlap = at least half of the longer span (as in our gold scorer). Published figures (CofeNet) use a sentence-level token tagging and are indicative only.");
        return report;
    }
}

/// <summary>
/// Compares predicted statements with gold attribution relations: content (overlap and exact), source and cue
/// spans, and whole relations. Pure, so it is tested with hand-made spans.
/// </summary>
public sealed class AttributionScorer
{
    /// <summary>A predicted and a gold content match when they share at least this part of the longer one.</summary>
    private const double MinContentOverlap = 0.5;

    private Counts _content, _contentExact, _source, _sourceOverlap, _cue, _relations;
    private int _matched, _matchedSourceCorrect;

    public void Add(Document d, IReadOnlyList<BratAttribution> gold)
    {
        var predicted = ToPolnearConvention(d.Text, d.Statements);
        var pairs = MatchContents(predicted, gold);
        int exact = pairs.Count(p => Normalise(d.Text, predicted[p.P].Content) == Normalise(d.Text, gold[p.G].Content));
        _content += new Counts(pairs.Count, predicted.Count - pairs.Count, gold.Count - pairs.Count);
        _contentExact += new Counts(exact, predicted.Count - exact, gold.Count - exact);

        int relations = 0;
        foreach (var (p, g) in pairs)
        {
            _matched++;
            var ps = predicted[p].SpeakerSpan;
            var gs = gold[g].Source;
            bool sourceOk = (ps is null && gs is null) || (ps is { } a && gs is { } b && a.Overlaps(b));
            if (sourceOk)
            {
                _matchedSourceCorrect++;
                relations++;
            }
        }
        _relations += new Counts(relations, predicted.Count - relations, gold.Count - relations);

        var predictedSources = predicted.Where(s => s.SpeakerSpan is not null).Select(s => s.SpeakerSpan!.Value).Distinct().ToList();
        var goldSources = gold.Where(g => g.Source is not null).Select(g => g.Source!.Value).Distinct().ToList();
        _source += MatchSpans(predictedSources, goldSources, (a, b) => Normalise(d.Text, a) == Normalise(d.Text, b));
        _sourceOverlap += MatchSpans(predictedSources, goldSources, (a, b) => a.Overlaps(b));
        var predictedCues = predicted.Where(s => s.Cue is not null).Select(s => s.Cue!.Value).Distinct().ToList();
        var goldCues = gold.Where(g => g.Cue is not null).Select(g => g.Cue!.Value).Distinct().ToList();
        _cue += MatchSpans(predictedCues, goldCues, (a, b) => a == b);
    }

    /// <summary>
    /// Maps our statements onto PolNeAR's annotation convention, using only what the statements themselves say:
    /// (1) PolNeAR's content never holds the source, where ours starts at a short subject for assert-class cues
    /// ("Putin warned that …"), so such a content starts after its cue (unless a quote or a comma comes before the
    /// subject: a quote around its attribution, as the tagger gives it, is PolNeAR's own convention); (2) PolNeAR joins a quote, its attribution
    /// and the quote that continues it (“…,” she said. “…”) into one discontinuous content, where we keep the
    /// continuation as its own statement (no cue, the same speaker phrase), so such a run is joined into one hull.
    /// </summary>
    public static List<Statement> ToPolnearConvention(string text, IReadOnlyList<Statement> statements)
    {
        var result = new List<Statement>(statements.Count);
        foreach (var statement in statements)
        {
            var s = statement;
            if (s.SpeakerSpan is { } speaker && s.Cue is { } cue && s.Content.Start <= speaker.Start && cue.End < s.Content.End
                && !QuoteOrCommaBefore(text, s.Content.Start, speaker.Start))
                s = s with { Content = Span.FromBounds(cue.End, s.Content.End) };
            if (result.Count > 0 && s.Cue is null && s.SpeakerSpan is { } same && result[^1].SpeakerSpan == same && result[^1].Content.End <= s.Content.Start)
                result[^1] = result[^1] with { Content = Span.FromBounds(result[^1].Content.Start, s.Content.End) };
            else
                result.Add(s);
        }
        return result;
    }

    /// <summary>
    /// Whether a quotation mark or comma stands before the speaker inside the content: then the content is a quote
    /// around its own attribution (“…,” she said, “…”), already in PolNeAR's convention, not one starting at its subject.
    /// </summary>
    private static bool QuoteOrCommaBefore(string text, int start, int speaker) =>
        text.AsSpan(start, speaker - start).IndexOfAny("“”\",") >= 0;

    private static List<(int P, int G)> MatchContents(IReadOnlyList<Statement> predicted, IReadOnlyList<BratAttribution> gold)
    {
        var candidates = new List<(int P, int G, double Overlap)>();
        for (int p = 0; p < predicted.Count; p++)
        {
            for (int g = 0; g < gold.Count; g++)
            {
                var a = predicted[p].Content;
                var b = gold[g].Content;
                double overlap = a.OverlapWith(b) / (double)Math.Max(a.Length, b.Length);
                if (overlap >= MinContentOverlap)
                    candidates.Add((p, g, overlap));
            }
        }
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        var pairs = new List<(int, int)>();
        foreach (var (p, g, _) in candidates.OrderByDescending(c => c.Overlap))
        {
            if (usedP.Contains(p) || usedG.Contains(g))
                continue;
            usedP.Add(p);
            usedG.Add(g);
            pairs.Add((p, g));
        }
        return pairs;
    }

    private static Counts MatchSpans(List<Span> predicted, List<Span> gold, Func<Span, Span, bool> same)
    {
        var used = new bool[gold.Count];
        int tp = 0;
        foreach (var p in predicted)
        {
            int g = Enumerable.Range(0, gold.Count).FirstOrDefault(i => !used[i] && same(p, gold[i]), -1);
            if (g < 0)
                continue;
            used[g] = true;
            tp++;
        }
        return new Counts(tp, predicted.Count - tp, gold.Count - tp);
    }

    /// <summary>A span without surrounding whitespace, quote marks and punctuation, and without a leading "that".</summary>
    public static Span Normalise(string text, Span span)
    {
        int s = span.Start, e = span.End;
        while (true)
        {
            while (s < e && IsTrim(text[s]))
                s++;
            while (e > s && IsTrim(text[e - 1]))
                e--;
            if (e - s > 5 && string.Compare(text, s, "that ", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
            {
                s += 5;
                continue;
            }
            return Span.FromBounds(s, e);
        }
    }

    private static bool IsTrim(char c) => char.IsWhiteSpace(c) || c is '“' or '”' or '"' or '‘' or '’' or '\'' or '«' or '»' or '„' or ',' or '.' or ';' or ':';

    /// <summary>One row of content, exact content, source and cue F1.</summary>
    public IReadOnlyList<string> Summary(string name) =>
        [name, EvalReport.Percent(_content.F1), EvalReport.Percent(_contentExact.F1), EvalReport.Percent(_sourceOverlap.F1), EvalReport.Percent(_cue.F1)];

    public void WriteTo(EvalReport report)
    {
        report.AddPrf("statements", _content);
        report.AddPrf("statements.exact", _contentExact);
        report.AddPrf("statements.speaker", _source);
        report.AddPrf("statements.speaker.overlap", _sourceOverlap);
        report.AddPrf("statements.cue", _cue);
        report.AddPrf("statements.relation", _relations);
        double accuracy = _matched == 0 ? 0 : (double)_matchedSourceCorrect / _matched;
        report.Scores["statements.speaker.accuracy"] = accuracy;
        report.Tables.Add(new EvalTable("Attributions (PolNeAR)", EvalReport.PrfColumns,
        [
            EvalReport.PrfRow("content (≥50% overlap)", _content),
            EvalReport.PrfRow("content (exact)", _contentExact),
            EvalReport.PrfRow("source (exact)", _source),
            EvalReport.PrfRow("source (overlap)", _sourceOverlap),
            EvalReport.PrfRow("cue (exact)", _cue),
            EvalReport.PrfRow("relation (content + source)", _relations),
        ]));
        report.Tables.Add(new EvalTable("Resolution", ["measure", "score", "of"],
        [
            ["source of matched content (overlap)", EvalReport.Percent(accuracy), _matched.ToString(CultureInfo.InvariantCulture) + " matched"],
        ]));
    }
}
