using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Runs after statements and events: gives every statement its <c>SaidOn</c> and every event its date, from the
/// time expression governing its clause. A statement whose sentence names no day takes the day of the statement
/// before it in the same paragraph ("… told reporters on Wednesday. 'I can't tell you,' he said."), else the last
/// day the paragraph's narrative named before it, else (for a transcript answer, which has no cue) the day of the
/// speaker's last dated statement, else the publication date, flagged as such. Days after the publication date
/// are never the day something was said. An event without a date of its own keeps none: the article may report
/// an old event, and a wrong date is worse than none on a timeline.
/// </summary>
public sealed class DatingStage : IStage
{
    public string Name => "dating";

    public void Apply(Document document)
    {
        var sentences = SentenceSpans.Of(document);
        var paragraphs = PublicationDater.LinesOf(document);
        var days = document.TimeExpressions
            .Where(t => t.Type is TimexType.Date or TimexType.Time && DayOf(t.Value) is not null)
            .ToList();
        document.Statements = DateStatements(document, sentences, paragraphs, days);
        document.Events = document.Events.Select(e => e.Date is null ? e with { Date = EventDate(document, e, sentences) } : e).ToList();
    }

    private static List<Statement> DateStatements(Document d, IReadOnlyList<Span> sentences, IReadOnlyList<Span> paragraphs, List<TimeExpression> days)
    {
        var published = d.Metadata.Published;
        // Words are spoken before they are printed: a day after the publication date is a plan, not the occasion.
        if (published is { } last)
            days = days.Where(t => DayOf(t.Value) <= last).ToList();
        var order = Enumerable.Range(0, d.Statements.Count).OrderBy(i => Pivot(d.Statements[i]).Start).ToList();
        var result = d.Statements.ToArray();
        (Span Paragraph, DateOnly Day)? previous = null;
        var bySpeaker = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (int i in order)
        {
            var s = result[i];
            if (s.SaidOn is not null)
                continue;
            var pivot = Pivot(s);
            var sentence = Containing(sentences, pivot) ?? pivot;
            var paragraph = Containing(paragraphs, pivot);
            var day = DayOf(Governing(s, sentence, pivot, days))
                ?? (previous is { } prev && paragraph == prev.Paragraph ? prev.Day : (DateOnly?)null)
                ?? DayOf(Narrative(d, paragraph, pivot, days))
                ?? (s.Cue is null && s.Speaker is { } speaker && bySpeaker.TryGetValue(speaker, out var earlier) ? earlier : (DateOnly?)null);
            if (day is { } found)
            {
                result[i] = s with { SaidOn = found, SaidOnIsPublication = false };
                if (paragraph is { } p)
                    previous = (p, found);
                if (s.Speaker is { } who)
                    bySpeaker[who] = found;
            }
            else if (published is { } pub)
            {
                result[i] = s with { SaidOn = pub, SaidOnIsPublication = true };
            }
        }
        return [.. result];
    }

    /// <summary>
    /// The day named in the statement's own sentence, outside what was said ("the meeting on Tuesday was useful"
    /// is about the meeting), nearest the cue: "told reporters on Wednesday", "Putin on Friday ruled out".
    /// </summary>
    private static TimeExpression? Governing(Statement s, Span sentence, Span pivot, List<TimeExpression> days) =>
        days.Where(t => sentence.Overlaps(t.Span) && !s.Content.Overlaps(t.Span))
            .OrderBy(t => Distance(t.Span, pivot))
            .FirstOrDefault();

    /// <summary>
    /// The day the paragraph's narrative has reached before the statement ("On Wednesday, the Kremlin met the
    /// envoys. … Ushakov called the talks useful."): the last day named earlier in the paragraph, outside any quote.
    /// </summary>
    private static TimeExpression? Narrative(Document d, Span? paragraph, Span pivot, List<TimeExpression> days)
    {
        if (paragraph is not { } p)
            return null;
        return days.LastOrDefault(t => p.Contains(t.Span) && t.Span.End <= pivot.Start && !d.Statements.Any(x => x.Content.Overlaps(t.Span)));
    }

    /// <summary>
    /// The expression among <paramref name="candidates"/> that dates the statement: one in its own sentence outside
    /// what was said, else the last one the paragraph's narrative named before it.
    /// </summary>
    internal static TimeExpression? GoverningExpression(Document d, Statement s, IReadOnlyList<Span> sentences, IReadOnlyList<Span> paragraphs, List<TimeExpression> candidates)
    {
        var pivot = Pivot(s);
        return Governing(s, Containing(sentences, pivot) ?? pivot, pivot, candidates) ?? Narrative(d, Containing(paragraphs, pivot), pivot, candidates);
    }

    private static string? EventDate(Document d, Event e, IReadOnlyList<Span> sentences)
    {
        var dated = d.TimeExpressions.Where(t => t.Type is TimexType.Date or TimexType.Time && char.IsDigit(t.Value[0])).ToList();
        var inside = dated.FirstOrDefault(t => e.Span.Overlaps(t.Span));
        if (inside is not null)
            return DateValue(inside.Value);
        var sentence = Containing(sentences, e.Span);
        if (sentence is null)
            return null;
        var near = dated.Where(t => sentence.Value.Overlaps(t.Span)).OrderBy(t => Distance(t.Span, e.Span)).FirstOrDefault();
        return near is null ? null : DateValue(near.Value);
    }

    /// <summary>The date part of a TIMEX3 value ("2025-12-02T15:00" → "2025-12-02").</summary>
    private static string DateValue(string value)
    {
        int t = value.IndexOf('T', StringComparison.Ordinal);
        return t > 0 ? value[..t] : value;
    }

    /// <summary>Where the statement is anchored in its sentence: its cue, else its speaker, else its content.</summary>
    private static Span Pivot(Statement s) => s.Cue ?? s.SpeakerSpan ?? s.Content;

    private static DateOnly? DayOf(TimeExpression? t) => t is null ? null : DayOf(t.Value);

    internal static DateOnly? DayOf(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    private static Span? Containing(IReadOnlyList<Span> spans, Span span) => SpanSearch.Containing(spans, span);

    private static int Distance(Span a, Span b) => a.Overlaps(b) ? 0 : a.End <= b.Start ? b.Start - a.End : a.Start - b.End;
}
