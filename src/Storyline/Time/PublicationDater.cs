using Storyline.Documents;
using Storyline.Extraction;

namespace Storyline.Time;

/// <summary>How the publication date was established, with the reasoning a person can check.</summary>
public sealed record PublicationEstimate(DateOnly? Date, bool Inferred, string Note, double Confidence)
{
    /// <summary>True when the date comes from a printed dateline (possibly corrected), not from inference.</summary>
    public bool Printed => !Inferred && Date is not null;
}

/// <summary>
/// Finds the publication date of scraped text: a printed dateline (checked against its weekday), else the most
/// likely date given the dates and weekdays the article mentions. Never reads the clock: articles come from any year.
/// </summary>
internal static class PublicationDater
{
    /// <summary>A line is a dateline when, besides its date, it holds at most this many letters ("Published", "GMT").</summary>
    private const int DatelineSpareLetters = 24;

    public static PublicationEstimate? Estimate(string text, IReadOnlyList<Span> lines, IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions, bool dayFirst)
    {
        return FromDateline(text, lines, mentions, dayFirst) ?? FromContent(text, mentions, dayFirst);
    }

    /// <summary>The first line that is essentially one full date (lines are found from the dates, not scanned), e.g. "Thursday | 4th December 2026" or "Published 04.12.2025 14:32".</summary>
    internal static PublicationEstimate? FromDateline(string text, IReadOnlyList<Span> lines, IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions, bool dayFirst)
    {
        foreach (var full in mentions.Select(m => m.Mention).Where(m => m.Spec is CalendarSpec { Year: not null, Day: not null } or NumericDateSpec { Year: not null }))
        {
            if (SpanSearch.Containing(lines, full.Span) is not { Length: <= 100 } line)
                continue;
            var inLine = mentions.Select(m => m.Mention).Where(m => line.Contains(m.Span)).ToList();
            int spare = 0;
            for (int i = line.Start; i < line.End; i++)
            {
                if (char.IsLetter(text[i]) && !inLine.Any(m => m.Span.Start <= i && i < m.Span.End))
                    spare++;
            }
            if (spare > DatelineSpareLetters)
                continue;
            var printed = full.Span.Of(text).Trim();
            return full.Spec switch
            {
                CalendarSpec c => CheckWeekday(c, printed, mentions.Where(m => !line.Contains(m.Mention.Span)).ToList()),
                NumericDateSpec n when n.Best([n.Year!.Value], dayFirst) is { } date =>
                    new PublicationEstimate(date, false, $"Printed dateline '{printed}', read {(dayFirst ? "day/month" : "month/day")} as {Calendar.English(date)}.", 0.85),
                _ => null,
            };
        }
        return null;
    }

    /// <summary>
    /// A printed weekday that does not match the printed date means one of them is wrong. Templates get the year
    /// wrong more often than writers get the weekday wrong, so the nearest year where the day falls on that weekday
    /// is taken, when the article's own dates do not rule it out.
    /// </summary>
    private static PublicationEstimate CheckWeekday(CalendarSpec c, string printed, IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions)
    {
        var date = new DateOnly(c.Year!.Value, c.Month, c.Day!.Value);
        if (c.Weekday is not { } weekday || date.DayOfWeek == weekday)
            return new PublicationEstimate(date, false, $"Printed dateline '{printed}'.", 0.95);
        int latestPast = LatestPastYear(mentions);
        foreach (int delta in (int[])[-1, 1, -2, 2, -3, 3, -5, 5, -6, 6])
        {
            if (Calendar.TryDate(date.Year + delta, c.Month, c.Day.Value) is { } other && other.DayOfWeek == weekday && latestPast <= other.Year)
            {
                return new PublicationEstimate(other, false,
                    $"The dateline prints '{printed}', but {Calendar.English(date)} is a {date.DayOfWeek}; {Calendar.English(other)} is a {weekday} " +
                    $"and the article's own dates are consistent with {other.Year}" + (latestPast > 0 ? $" (the latest year it reports as past is {latestPast})" : "") +
                    ": the printed year is taken to be wrong.", 0.7);
            }
        }
        return new PublicationEstimate(date, false,
            $"Printed dateline '{printed}'; the printed weekday ({weekday}) does not match {Calendar.English(date)}, and no nearby year fits both, so the printed date is kept.", 0.5);
    }

    /// <summary>The latest year named in an absolute date the article does not speak of as future.</summary>
    private static int LatestPastYear(IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions)
    {
        int latest = 0;
        foreach (var (m, tense) in mentions)
        {
            if (tense != Tense.Future && YearOf(m.Spec) is int y)
                latest = Math.Max(latest, y);
        }
        return latest;
    }

    private static int? YearOf(TimexSpec spec) => spec switch
    {
        CalendarSpec { Year: int y } => y,
        NumericDateSpec { Year: int y } => y,
        FixedSpec { Type: TimexType.Date, Value: { Length: 4 } v } when int.TryParse(v, out int y) => y,
        _ => null,
    };

    /// <summary>
    /// No date printed: the latest day the article reports as past or present is taken as the day of writing,
    /// provided the article also speaks in weekdays or "last week" (news written close to its events). Dates
    /// printed without a year ("Thursday (4/12)") get the year from the years the article names, the weekday
    /// deciding both the year and the day/month order.
    /// </summary>
    internal static PublicationEstimate? FromContent(string text, IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions, bool dayFirst)
    {
        var deictic = mentions.Where(m => m.Mention.Spec.IsDeictic).ToList();
        var years = mentions.Select(m => YearOf(m.Mention.Spec)).OfType<int>().Distinct().OrderDescending().ToList();
        var hintYears = years.Count == 0 ? [] : new[] { years[0], years[0] + 1, years[0] - 1 };
        var anchored = new List<(DateOnly Date, string Reason, bool Deictic)>();
        foreach (var (m, tense) in mentions)
        {
            if (tense == Tense.Future)
                continue;
            var quoted = $"'{m.Span.Of(text)}'";
            switch (m.Spec)
            {
                case CalendarSpec { Year: int y, Day: int d } c when Calendar.TryDate(y, c.Month, d) is { } date && (c.Weekday is null || c.Weekday == date.DayOfWeek):
                    anchored.Add((date, $"{quoted} is {Calendar.English(date)}", c.Weekday is not null));
                    break;
                case CalendarSpec { Year: null, Day: int d, Weekday: { } wd } c:
                    foreach (int y in hintYears)
                    {
                        if (Calendar.TryDate(y, c.Month, d) is { } date && date.DayOfWeek == wd)
                        {
                            anchored.Add((date, $"{quoted} falls on a {wd} in {y}, a year the article names", true));
                            break;
                        }
                    }
                    break;
                case NumericDateSpec { Year: null, Weekday: { } wd } n when hintYears.Length > 0:
                    var readings = n.Readings(hintYears).ToList();
                    if (readings.Count == 0)
                        break;
                    var r = readings[0];
                    var other = Calendar.TryDate(r.Date.Year, r.DayFirst ? n.First : n.Second, r.DayFirst ? n.Second : n.First);
                    var why = other is { } o && o != r.Date ? $" ({Calendar.English(o)} is a {o.DayOfWeek})" : "";
                    anchored.Add((r.Date, $"{quoted} must be {(r.DayFirst ? "day/month" : "month/day")}: {Calendar.English(r.Date)} is a {wd}{why}", true));
                    break;
            }
        }
        if (deictic.Count == 0)
        {
            if (anchored.Count == 0)
                return null;
            var last = anchored.MaxBy(a => a.Date);
            return new PublicationEstimate(null, true,
                $"Not printed. The article speaks in no weekdays or relative dates, so it need not be recent news; the latest date it reports is {Calendar.Day(last.Date)} ({last.Reason}), a lower bound only.", 0);
        }
        if (anchored.Count == 0)
        {
            var weekday = deictic.Select(m => m.Mention.Spec).OfType<WeekdaySpec>().Select(w => w.Day).Distinct().ToList();
            var which = weekday.Count > 0 ? $" (it says {string.Join(", ", weekday)})" : "";
            var likeliest = LikeliestWeekday(mentions) is { } w ? $" It was most likely written on a {w.Day} ({w.Reason})." : "";
            var bound = LatestPastMonth(mentions) is { } b ? $" It names nothing later than {b}, a lower bound only." : "";
            return new PublicationEstimate(null, true,
                $"Not printed. The article dates events only relative to its own day{which} and names no full date or year near them, so the day cannot be fixed from the text.{likeliest}{bound}", 0);
        }
        var best = anchored.MaxBy(a => a.Date);
        // A day older than a month or year the article reports as past is background ("the invasion of 24 February
        // 2022" in a story that also names September 2025), not the day of writing.
        if (LatestPast(mentions, Tense.Past) is { } reportedPast && best.Date < reportedPast.Start)
        {
            return new PublicationEstimate(null, true,
                $"Not printed. The latest day the article dates is {Calendar.Day(best.Date)} ({best.Reason}), but it also reports {reportedPast.Name} as past, " +
                "so that day is background, not the day of writing; the day cannot be fixed from the text.", 0);
        }
        var others = anchored.Where(a => a.Date != best.Date && a.Deictic).Select(a => a.Reason).Distinct().ToList();
        var note = $"Not printed. {Capitalise(best.Reason)}, the latest day the article reports, taken as the day it was written" +
                   (others.Count > 0 ? $"; also {string.Join("; ", others)}" : "") + ".";
        // A full date that names no weekday, in an article that reports another weekday as past ("the summit opened on
        // 2 December 2025 … on Thursday the leaders signed"): the bare weekday is a later day of the same week, so the
        // article was written on or after it.
        if (!best.Deictic && LikeliestWeekday(mentions) is { } writing && writing.Day != best.Date.DayOfWeek)
        {
            var later = Calendar.OnOrAfter(best.Date, writing.Day);
            return new PublicationEstimate(later, true,
                note[..^1] + $"; but it reports a {writing.Day} as past ({writing.Reason}), so it was written on the {writing.Day} after, {Calendar.English(later)}.", 0.5);
        }
        return new PublicationEstimate(best.Date, true, note, best.Deictic ? 0.7 : 0.4);
    }

    /// <summary>
    /// The weekday the article was most likely written on, from the bare weekdays it speaks of: news names the
    /// days of the last week by weekday, so the day of writing is on or just after the ones it reports as past and
    /// before the ones it announces. The weekday minimising the total distance to them is taken; a tie gives none.
    /// </summary>
    internal static (DayOfWeek Day, string Reason)? LikeliestWeekday(IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions)
    {
        var past = new List<DayOfWeek>();
        var future = new List<DayOfWeek>();
        foreach (var (m, tense) in mentions)
        {
            var day = m.Spec switch
            {
                WeekdaySpec { Shift: 0 } w => w.Day,
                WeekendSpec => tense == Tense.Future ? DayOfWeek.Saturday : DayOfWeek.Sunday,
                _ => (DayOfWeek?)null,
            };
            if (day is { } d)
                (tense == Tense.Future ? future : past).Add(d);
        }
        if (past.Count == 0)
            return null;
        var costs = Enumerable.Range(0, 7).Select(d => (Day: (DayOfWeek)d, Cost:
            past.Sum(p => (d - (int)p + 7) % 7) + future.Sum(f => (((int)f - d + 7) % 7) is 0 ? 7 : ((int)f - d + 7) % 7))).OrderBy(c => c.Cost).ToList();
        if (costs[0].Cost == costs[1].Cost)
            return null;
        var best = costs[0].Day;
        var latest = past.MinBy(p => ((int)best - (int)p + 7) % 7);
        var reason = latest == best ? $"the latest day it reports as past is a {best}" : $"the latest day it reports as past is a {latest}";
        var next = future.Count > 0 ? future.MinBy(f => ((int)f - (int)best + 7) % 7) : (DayOfWeek?)null;
        return (best, reason + (next is { } n ? $", and it announces {n}" : ""));
    }

    /// <summary>The latest month or year the article names outside a future clause ("September 2022"), in words.</summary>
    private static string? LatestPastMonth(IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions) => LatestPast(mentions, Tense.Unknown)?.Name;

    /// <summary>
    /// The latest month or year the article names outside a future clause (or, with <paramref name="atLeast"/> =
    /// Past, in a clause that is clearly past), with its first day.
    /// </summary>
    private static (DateOnly Start, string Name)? LatestPast(IReadOnlyList<(TimexMention Mention, Tense Tense)> mentions, Tense atLeast)
    {
        (int Year, int Month)? latest = null;
        foreach (var (m, tense) in mentions)
        {
            if (tense == Tense.Future || (atLeast == Tense.Past && tense != Tense.Past))
                continue;
            (int, int)? at = m.Spec switch
            {
                CalendarSpec { Year: int y } c => (y, c.Month),
                FixedSpec { Type: TimexType.Date, Value: { Length: 4 } v } when int.TryParse(v, out int y) => (y, 0),
                _ => null,
            };
            if (at is { } a && (latest is null || a.CompareTo(latest.Value) > 0))
                latest = a;
        }
        if (latest is not { } l || !Calendar.IsValid(l.Year, Math.Max(l.Month, 1), 1))
            return null;
        return (new DateOnly(l.Year, Math.Max(l.Month, 1), 1), l.Month == 0 ? $"{l.Year}" : $"{System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(l.Month)} {l.Year}");
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The lines of the document, or of its text when no extractor has labelled lines.</summary>
    public static IReadOnlyList<Span> LinesOf(Document d) => d.Lines.Count > 0 ? d.Lines.Select(l => l.Span).ToList() : LineSplitter.Split(d.Text);
}
