using Storyline.Documents;

namespace Storyline.Evaluation;

/// <summary>
/// Accumulates the comparison of predicted documents with their gold, stage by stage. Pure: no I/O, so it is
/// tested with hand-made predictions.
/// </summary>
public sealed class GoldScorer
{
    private int _lineCorrect, _lineTotal, _titleCorrect, _publishedCorrect;
    private Counts _body, _statements, _statementsExact, _time, _events, _claims;
    private int _speakerCorrect, _speakerMatched, _timeValueCorrect, _timeMatched, _entityCorrect, _entityTotal;
    private readonly int[] _timeFalse = new int[4];
    private int _saidOnGivenPublishedCorrect, _saidOnGivenPublishedTotal;
    private int _disputesFound, _disputesTotal, _disputesElsewhere, _notStatementHits, _saidOnCorrect, _saidOnTotal;
    private readonly Dictionary<string, Counts> _byKind = new(StringComparer.Ordinal);

    public int Documents { get; private set; }

    public void Add(Document d, GoldFile gold)
    {
        Documents++;
        ScoreLines(d, gold);
        _body += TokenBag.Compare(d.BodyText, GoldBody(d.Text, gold));
        if (Normalize(d.Metadata.Title) == Normalize(gold.Title))
            _titleCorrect++;
        if ((d.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) == gold.Published)
            _publishedCorrect++;
        ScoreStatements(d, gold);
        ScoreTime(d, gold);
        ScoreEntities(d, gold);
        // Gold lists the events an article reports as facts: negated and hypothetical ones are marked, not reported.
        _events += MatchSpans(d.Text, d.Events.Where(e => !e.Negated && !e.Hypothetical).Select(e => (e.Span, e.Type)), gold.Events.Select(e => (e.Text, e.Type)));
        _claims += MatchSpans(d.Text, d.Claims.Select(c => (c.Span, "")), gold.Claims.Select(c => (c.Text, "")));
        ScoreDisputes(d, gold);
    }

    private void ScoreLines(Document d, GoldFile gold)
    {
        var predicted = new Dictionary<int, LineLabel>();
        foreach (var line in d.Lines)
            predicted[LineNumber(d.Text, line.Span.Start)] = line.Label;
        foreach (var g in gold.Lines)
        {
            _lineTotal++;
            if (predicted.TryGetValue(g.Line, out var label) && string.Equals(label.ToString(), g.Label, StringComparison.OrdinalIgnoreCase))
                _lineCorrect++;
        }
    }

    /// <summary>1-based physical line number of a character offset.</summary>
    public static int LineNumber(string text, int offset) => text.AsSpan(0, offset).Count('\n') + 1;

    /// <summary>The gold body: title, heading and body lines of the article file.</summary>
    public static string GoldBody(string text, GoldFile gold)
    {
        var labels = gold.Lines.Where(l => l.Label is "title" or "heading" or "body").Select(l => l.Line).ToHashSet();
        if (labels.Count == 0)
            return "";
        var lines = text.Split('\n');
        return string.Join("\n", labels.Order().Where(n => n <= lines.Length).Select(n => lines[n - 1]));
    }

    private void ScoreStatements(Document d, GoldFile gold)
    {
        var goldSpans = gold.Statements.Select(s => (Gold: s, Span: Locate(d.Text, s.Text))).ToList();
        var predicted = d.Statements.ToList();
        var usedGold = new bool[goldSpans.Count];
        var matchedPredicted = new bool[predicted.Count];
        int exact = 0;
        foreach (var (p, g) in SpanMatcher.Match(predicted.Select(s => s.Content).ToList(), goldSpans.Select(s => s.Span).ToList()))
        {
            matchedPredicted[p] = usedGold[g] = true;
            var gs = goldSpans[g];
            if (predicted[p].Content == gs.Span)
                exact++;
            _speakerMatched++;
            if (SpeakerMatches(predicted[p].Speaker, gs.Gold))
                _speakerCorrect++;
            if (gs.Gold.SaidOn is { } saidOn)
            {
                _saidOnTotal++;
                bool right = predicted[p].SaidOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == saidOn;
                if (right)
                    _saidOnCorrect++;
                // Statement dates hang on the publication date; this part measures the dating given a right one.
                if (d.Metadata.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == gold.Published)
                {
                    _saidOnGivenPublishedTotal++;
                    if (right)
                        _saidOnGivenPublishedCorrect++;
                }
            }
            Bump(gs.Gold.Kind, new Counts(1, 0, 0));
        }
        int matched = matchedPredicted.Count(m => m);
        _statements += new Counts(matched, predicted.Count - matched, goldSpans.Count - matched);
        _statementsExact += new Counts(exact, predicted.Count - exact, goldSpans.Count - exact);
        for (int g = 0; g < goldSpans.Count; g++)
        {
            if (!usedGold[g])
                Bump(goldSpans[g].Gold.Kind, new Counts(0, 0, 1));
        }
        for (int p = 0; p < predicted.Count; p++)
        {
            if (!matchedPredicted[p])
                Bump(predicted[p].Kind.ToString().ToLowerInvariant(), new Counts(0, 1, 0));
            if (gold.NotStatements.Any(n => Locate(d.Text, n) is { } ns && ns.Overlaps(predicted[p].Content)))
                _notStatementHits++;
        }
    }

    private void Bump(string kind, Counts c) => _byKind[kind] = _byKind.GetValueOrDefault(kind) + c;

    private static bool SpeakerMatches(string? predicted, GoldStatement gold) =>
        predicted is not null
        && (string.Equals(predicted, gold.Speaker, StringComparison.OrdinalIgnoreCase)
            || gold.SpeakerAccept.Any(a => string.Equals(a, predicted, StringComparison.OrdinalIgnoreCase)));

    private void ScoreTime(Document d, GoldFile gold)
    {
        var used = new bool[d.TimeExpressions.Count];
        int matched = 0;
        foreach (var g in gold.Time)
        {
            if (Locate(d.Text, g.Text) is not { } gs)
                continue;
            int best = -1;
            for (int p = 0; p < d.TimeExpressions.Count; p++)
            {
                if (!used[p] && d.TimeExpressions[p].Span.Overlaps(gs))
                {
                    best = p;
                    break;
                }
            }
            if (best < 0)
                continue;
            used[best] = true;
            matched++;
            _timeMatched++;
            if (d.TimeExpressions[best].Value == g.Value)
                _timeValueCorrect++;
        }
        // Only expressions in the article body count as false positives: the gold covers the body only.
        int predictedInBody = d.TimeExpressions.Where((t, i) => used[i] || d.IsInBody(t.Span)).Count();
        _time += new Counts(matched, predictedInBody - matched, gold.Time.Count - matched);
        var goldValues = gold.Time.Select(g => g.Value).ToHashSet(StringComparer.Ordinal);
        for (int p = 0; p < d.TimeExpressions.Count; p++)
        {
            if (!used[p] && d.IsInBody(d.TimeExpressions[p].Span))
                _timeFalse[FalsePositiveKind(d.TimeExpressions[p], goldValues)]++;
        }
    }

    /// <summary>
    /// What an unmatched expression is, to tell errors from what the gold leaves out: a reference word ("now",
    /// "recently"), a duration or set, another mention of a value the gold gives elsewhere in the document, or other.
    /// </summary>
    private static int FalsePositiveKind(TimeExpression t, HashSet<string> goldValues) =>
        t.Value.EndsWith("_REF", StringComparison.Ordinal) ? 0
        : t.Type is TimexType.Duration or TimexType.Set ? 1
        : goldValues.Contains(t.Value) ? 2
        : 3;

    private static readonly string[] FalsePositiveKinds = ["reference", "duration", "repeat", "other"];

    private void ScoreEntities(Document d, GoldFile gold)
    {
        var byId = d.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        // Every occurrence of a gold surface form in the text, longest forms first so "Putin" inside
        // "President Vladimir Putin" is not counted twice.
        var forms = gold.Entities.SelectMany(e => e.Mentions.Append(e.Name).Distinct().Select(m => (Form: m, Entity: e)))
            .OrderByDescending(f => f.Form.Length);
        var taken = new List<Span>();
        foreach (var (form, entity) in forms)
        {
            foreach (var span in Occurrences(d.Text, form))
            {
                if (taken.Any(t => t.Overlaps(span)) || !d.IsInBody(span))
                    continue;
                taken.Add(span);
                _entityTotal++;
                var mention = d.Mentions.FirstOrDefault(m => m.Span.Overlaps(span) && m.EntityId is not null);
                if (mention is not null && byId.TryGetValue(mention.EntityId!, out var e)
                    && (Same(e.Name, entity.Name) || e.Aliases.Any(a => Same(a, entity.Name))))
                    _entityCorrect++;
            }
        }
    }

    private void ScoreDisputes(Document d, GoldFile gold)
    {
        foreach (var g in gold.Disputes)
        {
            if (Locate(d.Text, g.Claim) is not { } claim)
                continue;
            // A disputed_by that is not in the article points at another one ("… (see 003, 004)"): a cross-document
            // dispute, which clusters.gold.json lists and clusters.disputes.recall scores.
            if (Locate(d.Text, g.DisputedBy) is not { } by)
            {
                _disputesElsewhere++;
                continue;
            }
            _disputesTotal++;
            if (d.Disputes.Any(x => x.Claim.Overlaps(claim) && x.DisputedBy.Overlaps(by)))
                _disputesFound++;
        }
    }

    /// <summary>Span matching for events and claims: overlap and (when given) the same type.</summary>
    private static Counts MatchSpans(string text, IEnumerable<(Span Span, string Type)> predicted, IEnumerable<(string Text, string Type)> gold)
    {
        var p = predicted.ToList();
        var used = new bool[p.Count];
        int tp = 0, fn = 0;
        foreach (var (goldText, type) in gold)
        {
            var gs = Locate(text, goldText);
            int hit = gs is null ? -1 : p.FindIndex(x => !used[p.IndexOf(x)] && x.Span.Overlaps(gs.Value) && string.Equals(x.Type, type, StringComparison.OrdinalIgnoreCase));
            if (hit >= 0)
            {
                used[hit] = true;
                tp++;
            }
            else
            {
                fn++;
            }
        }
        return new Counts(tp, p.Count - tp, fn);
    }

    public void WriteTo(EvalReport report)
    {
        double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        report.Scores["lines.accuracy"] = Ratio(_lineCorrect, _lineTotal);
        report.Scores["body.f1"] = _body.F1;
        report.Scores["published.accuracy"] = Ratio(_publishedCorrect, Documents);
        report.Scores["title.accuracy"] = Ratio(_titleCorrect, Documents);
        report.AddPrf("statements", _statements);
        report.Scores["statements.exact.f1"] = _statementsExact.F1;
        report.Scores["statements.speaker.accuracy"] = Ratio(_speakerCorrect, _speakerMatched);
        report.Scores["statements.said_on.accuracy"] = Ratio(_saidOnCorrect, _saidOnTotal);
        report.Scores["statements.said_on.given_published.accuracy"] = Ratio(_saidOnGivenPublishedCorrect, _saidOnGivenPublishedTotal);
        foreach (var (kind, c) in _byKind)
            report.Scores[$"statements.{kind}.f1"] = c.F1;
        report.AddPrf("time", _time);
        report.Scores["time.value.accuracy"] = Ratio(_timeValueCorrect, _timeMatched);
        for (int k = 0; k < FalsePositiveKinds.Length; k++)
            report.Scores[$"time.false_positives.{FalsePositiveKinds[k]}"] = _timeFalse[k];
        report.Scores["entities.accuracy"] = Ratio(_entityCorrect, _entityTotal);
        report.AddPrf("events", _events);
        report.AddPrf("claims", _claims);
        report.Scores["disputes.recall"] = Ratio(_disputesFound, _disputesTotal);

        var P = EvalReport.Percent;
        report.Tables.Add(new EvalTable("Extraction", ["measure", "score", "of"],
        [
            ["line labels (accuracy)", P(Ratio(_lineCorrect, _lineTotal)), $"{_lineTotal} lines"],
            ["body (token F1)", P(_body.F1), $"{Documents} docs"],
            ["title (accuracy)", P(Ratio(_titleCorrect, Documents)), $"{Documents} docs"],
            ["published date (accuracy)", P(Ratio(_publishedCorrect, Documents)), $"{Documents} docs"],
        ]));
        var rows = new List<IReadOnlyList<string>>
        {
            EvalReport.PrfRow("statements (≥50% overlap)", _statements),
            EvalReport.PrfRow("statements (exact)", _statementsExact),
        };
        rows.AddRange(_byKind.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => EvalReport.PrfRow("  " + k.Key, k.Value)));
        rows.Add(EvalReport.PrfRow("time expressions (span)", _time));
        rows.Add(EvalReport.PrfRow("events (span + type)", _events));
        rows.Add(EvalReport.PrfRow("claims (span)", _claims));
        report.Tables.Add(new EvalTable("Annotations", EvalReport.PrfColumns, rows));
        report.Tables.Add(new EvalTable("Resolution", ["measure", "score", "of"],
        [
            ["statement speaker (accuracy)", P(Ratio(_speakerCorrect, _speakerMatched)), $"{_speakerMatched} matched"],
            ["statement said_on (accuracy)", P(Ratio(_saidOnCorrect, _saidOnTotal)), $"{_saidOnTotal} matched with a gold date"],
            ["  … in documents with the right publication date", P(Ratio(_saidOnGivenPublishedCorrect, _saidOnGivenPublishedTotal)), $"{_saidOnGivenPublishedTotal} matched"],
            ["time value (accuracy)", P(Ratio(_timeValueCorrect, _timeMatched)), $"{_timeMatched} matched"],
            ["time false positives", string.Join(", ", FalsePositiveKinds.Select((k, i) => $"{k} {_timeFalse[i]}")), "reference words, durations/sets, repeats of a gold value, other"],
            ["entity mention → canonical", P(Ratio(_entityCorrect, _entityTotal)), $"{_entityTotal} mentions"],
            ["disputes found (recall)", P(Ratio(_disputesFound, _disputesTotal)), $"{_disputesTotal} in-document disputes ({_disputesElsewhere} cross-document: see clusters)"],
            ["not-statements reported", _notStatementHits.ToString(System.Globalization.CultureInfo.InvariantCulture), "(lower is better)"],
        ]));
    }

    /// <summary>The span of a gold string in the text (gold strings are unique substrings), or null when absent.</summary>
    public static Span? Locate(string text, string needle)
    {
        if (string.IsNullOrEmpty(needle))
            return null;
        int i = text.IndexOf(needle, StringComparison.Ordinal);
        return i < 0 ? null : new Span(i, needle.Length);
    }

    private static IEnumerable<Span> Occurrences(string text, string form)
    {
        if (form.Length == 0)
            yield break;
        for (int i = text.IndexOf(form, StringComparison.Ordinal); i >= 0; i = text.IndexOf(form, i + form.Length, StringComparison.Ordinal))
        {
            bool leftOk = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            int end = i + form.Length;
            bool rightOk = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (leftOk && rightOk)
                yield return new Span(i, form.Length);
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Normalize(string? s) =>
        string.IsNullOrWhiteSpace(s) ? null : string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>Bag-of-tokens precision/recall, the metric of the ScrapingHub article-extraction benchmark.</summary>
public static class TokenBag
{
    public static Counts Compare(string predicted, string gold)
    {
        var p = Count(predicted);
        var g = Count(gold);
        double tp = 0;
        foreach (var (token, n) in p)
            tp += Math.Min(n, g.GetValueOrDefault(token));
        double pTotal = p.Values.Sum(), gTotal = g.Values.Sum();
        return new Counts(tp, pTotal - tp, gTotal - tp);
    }

    public static Dictionary<string, int> Count(string text)
    {
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var run in new WordRuns(text))
        {
            var token = run.Of(text).ToLowerInvariant();
            bag[token] = bag.GetValueOrDefault(token) + 1;
        }
        return bag;
    }
}
