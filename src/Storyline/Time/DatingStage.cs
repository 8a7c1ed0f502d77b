using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Runs after statements and events: gives every statement its <c>SaidOn</c> and every event its date, from the
/// time expression governing its clause. A statement whose sentence names no day takes the day of the statement
/// before it in the same paragraph ("… told reporters on Wednesday. 'I can't tell you,' he said."), else the
/// publication date, flagged as such. An event without a date of its own keeps none: the article may report
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
        var order = Enumerable.Range(0, d.Statements.Count).OrderBy(i => Pivot(d.Statements[i]).Start).ToList();
        var result = d.Statements.ToArray();
        (Span Paragraph, DateOnly Day)? previous = null;
        foreach (int i in order)
        {
            var s = result[i];
            if (s.SaidOn is not null)
                continue;
            var pivot = Pivot(s);
            var sentence = Containing(sentences, pivot) ?? pivot;
            var paragraph = Containing(paragraphs, pivot);
            // Dates inside what was said are about something else ("the meeting on Tuesday was useful").
            var governing = days
                .Where(t => sentence.Overlaps(t.Span) && !s.Content.Overlaps(t.Span))
                .OrderBy(t => Distance(t.Span, pivot))
                .FirstOrDefault();
            if (governing is not null)
            {
                var day = DayOf(governing.Value)!.Value;
                result[i] = s with { SaidOn = day, SaidOnIsPublication = false };
                if (paragraph is { } p)
                    previous = (p, day);
            }
            else if (previous is { } prev && paragraph == prev.Paragraph)
            {
                result[i] = s with { SaidOn = prev.Day, SaidOnIsPublication = false };
            }
            else if (published is { } pub)
            {
                result[i] = s with { SaidOn = pub, SaidOnIsPublication = true };
            }
        }
        return [.. result];
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

    internal static DateOnly? DayOf(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    private static Span? Containing(IReadOnlyList<Span> spans, Span span)
    {
        foreach (var s in spans)
        {
            if (s.Overlaps(span) || s.Contains(span))
                return s;
        }
        return null;
    }

    private static int Distance(Span a, Span b) => a.Overlaps(b) ? 0 : a.End <= b.Start ? b.Start - a.End : a.Start - b.End;
}
