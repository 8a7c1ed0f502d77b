using Storyline.Documents;

namespace Storyline.Time;

/// <summary>Whether the clause around an expression speaks of the past or the future (news defaults to the past).</summary>
public enum Tense { Unknown, Past, Future }

public enum TimeUnit { Second, Minute, Hour, Day, Week, Weekend, Month, Quarter, Year, Decade, Century }

/// <summary>What an expression is resolved against: the reference date, the clause's tense, the last date the narrative reached.</summary>
/// <remarks>
/// In story mode (no publication date to resolve against, as in a history article) a date without a year takes
/// the year the narrative has reached, rather than the nearest one before or after the anchor.
/// </remarks>
internal readonly record struct ResolveContext(DateOnly? Anchor, Tense Tense, DateOnly? Narrative, bool DayFirst, bool StoryMode = false);

/// <summary>A resolved expression: TIMEX3 type and value, and the day it denotes when it denotes one.</summary>
internal readonly record struct Timex(TimexType Type, string Value, DateOnly? Day = null);

/// <summary>
/// The meaning of a recognised expression before it is anchored: the grammar builds one, the stage resolves it
/// against the publication date or the narrative time. Returns null when the expression names no real date.
/// </summary>
internal abstract record TimexSpec
{
    public abstract Timex? Resolve(in ResolveContext c);

    /// <summary>True for expressions that only make sense relative to "now" (bare weekdays, "last week", "today").</summary>
    public virtual bool IsDeictic => false;
}

/// <summary>A value that needs no anchor: durations, sets, "in 2014", "PRESENT_REF".</summary>
internal sealed record FixedSpec(TimexType Type, string Value) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c) => new(Type, Value);
}

/// <summary>A calendar date, possibly without year or day: "4 December 2025", "Dec. 4", "February 2022", "late November".</summary>
internal sealed record CalendarSpec(int? Year, int Month, int? Day = null, DayOfWeek? Weekday = null, int? Hour = null, int? Minute = null) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c)
    {
        int? year = Year ?? InferYear(c);
        if (Day is not int day)
            return new(TimexType.Date, year is int y ? Calendar.Month(y, Month) : $"XXXX-{Month:00}");
        if (year is not int yy)
            return Calendar.IsValid(2000, Month, day) ? new(TimexType.Date, $"XXXX-{Month:00}-{day:00}") : null;
        if (Calendar.TryDate(yy, Month, day) is not { } date)
            return null;
        return Hour is int h ? new(TimexType.Time, $"{Calendar.Day(date)}T{h:00}:{Minute ?? 0:00}", date) : new(TimexType.Date, Calendar.Day(date), date);
    }

    /// <summary>
    /// The year of a date printed without one: when a weekday is printed, a nearby year where it falls on that
    /// weekday; otherwise the last such month-day on or before the anchor for the past, the next one for the future.
    /// </summary>
    private int? InferYear(in ResolveContext c)
    {
        if (c.Anchor is not { } a)
            return null;
        if (c.StoryMode)
            return a.Year;
        int day = Day ?? 1;
        if (Weekday is { } wd && Day is int d)
        {
            foreach (int delta in (int[])[0, -1, 1])
            {
                if (Calendar.TryDate(a.Year + delta, Month, d) is { } x && x.DayOfWeek == wd)
                    return a.Year + delta;
            }
        }
        // The nearest such date to the anchor, a reading against the tense counting four times its distance: "Dec. 15"
        // written on 20 November is next month even in a past-tense clause; "in late November" written on 4 December is last month.
        int best = a.Year;
        double bestCost = double.MaxValue;
        foreach (int y in (int[])[a.Year - 1, a.Year, a.Year + 1])
        {
            if (y < 1 || y > 9999 || !Calendar.IsValid(y, Month, Math.Min(day, DateTime.DaysInMonth(y, Month))))
                continue;
            var date = new DateOnly(y, Month, Day is null ? 15 : Math.Min(day, DateTime.DaysInMonth(y, Month)));
            int delta = date.DayNumber - a.DayNumber;
            // Month-level mentions of the anchor's own month are this month.
            if (Day is null && y == a.Year && Month == a.Month)
                delta = 0;
            double cost = Math.Abs(delta) * (c.Tense == Tense.Past && delta > 0 || c.Tense == Tense.Future && delta < 0 ? 4 : 1);
            if (cost < bestCost)
                (best, bestCost) = (y, cost);
        }
        return best;
    }
}

/// <summary>
/// A numeric day and month whose order is unknown ("4/12", "12/2/2025"), maybe with a printed weekday that decides it.
/// </summary>
internal sealed record NumericDateSpec(int First, int Second, int? Year, DayOfWeek? Weekday) : TimexSpec
{
    public override bool IsDeictic => Year is null;

    public override Timex? Resolve(in ResolveContext c)
    {
        var years = Year is int y ? [y] : c.Anchor is { } a ? new[] { a.Year, a.Year - 1, a.Year + 1 } : [];
        return Best(years, c.DayFirst) is { } date ? new Timex(TimexType.Date, Calendar.Day(date), date) : null;
    }

    /// <summary>Both readings, day-first and month-first, that are real dates (and fall on the weekday, when printed).</summary>
    public IEnumerable<(DateOnly Date, bool DayFirst)> Readings(IEnumerable<int> years)
    {
        foreach (int year in years)
        {
            if (Calendar.TryDate(year, Second, First) is { } dm && (Weekday is null || dm.DayOfWeek == Weekday))
                yield return (dm, true);
            if (First != Second && Calendar.TryDate(year, First, Second) is { } md && (Weekday is null || md.DayOfWeek == Weekday))
                yield return (md, false);
        }
    }

    /// <summary>The first year in <paramref name="years"/> with a reading, the document's order preferred within a year.</summary>
    public DateOnly? Best(IEnumerable<int> years, bool dayFirst)
    {
        foreach (int year in years)
        {
            var readings = Readings([year]).ToList();
            if (readings.Count == 0)
                continue;
            foreach (var r in readings)
            {
                if (r.DayFirst == dayFirst)
                    return r.Date;
            }
            return readings[0].Date;
        }
        return null;
    }
}

/// <summary>A weekday: "on Tuesday", "late Tuesday", "last Friday", "Tuesday night".</summary>
internal sealed record WeekdaySpec(DayOfWeek Day, int Shift = 0, string? PartOfDay = null, (int Hour, int Minute)? Clock = null) : TimexSpec
{
    public override bool IsDeictic => true;

    public override Timex? Resolve(in ResolveContext c)
    {
        if (c.Anchor is not { } a)
            return new(PartOfDay is null ? TimexType.Date : TimexType.Time, $"XXXX-WXX-{Calendar.IsoDay(Day)}{(PartOfDay is { } p ? "T" + p : "")}");
        var date = Shift switch
        {
            < 0 => Calendar.OnOrBefore(a.AddDays(-1), Day),
            > 0 => Calendar.OnOrAfter(a.AddDays(1), Day),
            // A bare weekday is the nearest one in the direction of the tense; the anchor's own weekday is "today".
            _ => c.Tense == Tense.Future ? Calendar.OnOrAfter(a, Day) : Calendar.OnOrBefore(a, Day),
        };
        // "Tuesday night" is the part of that day (TIMEX3 "2025-12-02TNI"), a TIME; TBAQ marks most of them so.
        if (Clock is var (hour, minute))
            return new(TimexType.Time, $"{Calendar.Day(date)}T{hour:00}:{minute:00}", date);
        return PartOfDay is { } part ? new(TimexType.Time, $"{Calendar.Day(date)}T{part}", date) : new(TimexType.Date, Calendar.Day(date), date);
    }
}

/// <summary>"June last year", "October this year": a month of the year before, of, or after the anchor's.</summary>
internal sealed record MonthOfYearSpec(int Month, int YearShift) : TimexSpec
{
    public override bool IsDeictic => true;

    public override Timex? Resolve(in ResolveContext c) =>
        new(TimexType.Date, c.Anchor is { } a ? Calendar.Month(a.Year + YearShift, Month) : $"XXXX-{Month:00}");
}

/// <summary>"this weekend", "over the weekend": the weekend before the anchor for the past, the next one for the future.</summary>
internal sealed record WeekendSpec : TimexSpec
{
    public override bool IsDeictic => true;

    public override Timex? Resolve(in ResolveContext c)
    {
        if (c.Anchor is not { } a)
            return new(TimexType.Date, "XXXX-WXX-WE");
        var saturday = c.Tense == Tense.Past ? Calendar.OnOrBefore(a, DayOfWeek.Sunday).AddDays(-1) : Calendar.OnOrAfter(a, DayOfWeek.Saturday);
        if (c.Tense == Tense.Past && a.DayOfWeek == DayOfWeek.Saturday)
            saturday = a;
        return new(TimexType.Date, Calendar.Weekend(saturday));
    }
}

/// <summary>
/// An offset from the anchor in whole units: "today" (0 days), "yesterday" (−1), "last week", "next month",
/// "this weekend", "two weeks ago", "earlier this year".
/// </summary>
internal sealed record OffsetSpec(TimeUnit Unit, int Offset, string? PartOfDay = null) : TimexSpec
{
    public override bool IsDeictic => true;

    public override Timex? Resolve(in ResolveContext c)
    {
        if (c.Anchor is not { } a)
            return new(TimexType.Date, Unknown(Unit));
        return Shift(a, Unit, Offset, PartOfDay);
    }

    public static Timex? Shift(DateOnly a, TimeUnit unit, int offset, string? partOfDay = null)
    {
        try
        {
            switch (unit)
            {
                case TimeUnit.Day:
                    var d = a.AddDays(offset);
                    return partOfDay is null || partOfDay == "NI" ? new(TimexType.Date, Calendar.Day(d), d) : new(TimexType.Time, $"{Calendar.Day(d)}T{partOfDay}", d);
                case TimeUnit.Week:
                    return new(TimexType.Date, Calendar.Week(a.AddDays(7 * offset)));
                case TimeUnit.Weekend:
                    return new(TimexType.Date, Calendar.Weekend(a.AddDays(7 * offset)));
                case TimeUnit.Month:
                    var m = a.AddMonths(offset);
                    return new(TimexType.Date, Calendar.Month(m.Year, m.Month));
                case TimeUnit.Quarter:
                    var q = a.AddMonths(3 * offset);
                    return new(TimexType.Date, $"{Calendar.Year(q.Year)}-Q{(q.Month - 1) / 3 + 1}");
                case TimeUnit.Year:
                    return new(TimexType.Date, Calendar.Year(a.Year + offset));
                case TimeUnit.Decade:
                    return new(TimexType.Date, Calendar.Year(a.Year + 10 * offset)[..3]);
                case TimeUnit.Century:
                    return new(TimexType.Date, Calendar.Year(a.Year + 100 * offset)[..2]);
                default:
                    return null;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // "10,000 years ago": outside the calendar, rejected
        }
    }

    public static string Unknown(TimeUnit unit) => unit switch
    {
        TimeUnit.Day => "XXXX-XX-XX",
        TimeUnit.Week => "XXXX-WXX",
        TimeUnit.Weekend => "XXXX-WXX-WE",
        TimeUnit.Month => "XXXX-XX",
        TimeUnit.Quarter => "XXXX-QX",
        _ => "XXXX",
    };
}

/// <summary>
/// "just four days after", "twelve days later", "a week earlier": an offset from the last date the narrative
/// reached. "N days after [something]" names the earlier occasion, so it counts back from the narrative date.
/// </summary>
internal sealed record NarrativeOffsetSpec(TimeUnit Unit, int Amount, int Sign) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c) =>
        (c.Narrative ?? c.Anchor) is { } n ? OffsetSpec.Shift(n, Unit, Sign * Amount) : new(TimexType.Date, OffsetSpec.Unknown(Unit));
}

/// <summary>
/// A quarter, "the first quarter (of 1998)", "the year-ago third quarter" (<paramref name="YearShift"/> −1): without
/// a year, the quarter the tense points to.
/// </summary>
internal sealed record QuarterSpec(int Quarter, int? Year, int YearShift = 0) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c)
    {
        int? year = Year;
        if (year is null && c.Anchor is { } a)
        {
            // Results are reported for quarters that have begun: in the past tense, the latest such quarter not after
            // the anchor's; otherwise the nearest, one against the tense (later, unless the clause is future) costing a quarter more.
            int current = a.Year * 4 + (a.Month - 1) / 3;
            int[] years = [a.Year - 1, a.Year, a.Year + 1];
            int Diff(int y) => y * 4 + Quarter - 1 - current;
            year = c.Tense switch
            {
                Tense.Past => years.Where(y => Diff(y) <= 0).Max(),
                Tense.Future => years.MinBy(y => Math.Abs(Diff(y)) + (Diff(y) < 0 ? 1 : 0)),
                _ => years.MinBy(y => Math.Abs(Diff(y)) + (Diff(y) > 0 ? 1 : 0)),
            };
        }
        return new(TimexType.Date, $"{(year is int y ? Calendar.Year(y + YearShift) : "XXXX")}-Q{Quarter}");
    }
}

/// <summary>A season, "this summer", "in the winter of 1942": TIMEX3 SP, SU, FA, WI.</summary>
internal sealed record SeasonSpec(string Season, int? Year, int Shift) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c)
    {
        int? year = Year ?? (c.Anchor is { } a ? a.Year + Shift : null);
        return new(TimexType.Date, $"{(year is int y ? Calendar.Year(y) : "XXXX")}-{Season}");
    }
}

/// <summary>A time of day, "10:30 a.m.", "3 p.m.", "noon", on the anchor's day.</summary>
internal sealed record ClockSpec(int Hour, int Minute) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c)
    {
        var day = c.Narrative ?? c.Anchor;
        return new(TimexType.Time, $"{(day is { } d ? Calendar.Day(d) : "XXXX-XX-XX")}T{Hour:00}:{Minute:00}", day);
    }
}

/// <summary>A recognised expression: where it is and what it means.</summary>
internal sealed record TimexMention(Span Span, TimexSpec Spec);

/// <summary>A holiday: fixed ("Christmas") or computed ("Thanksgiving", the fourth Thursday of November; "Easter").</summary>
internal sealed record HolidaySpec(string Name, Func<int, DateOnly> OnYear, int? Year) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c)
    {
        if ((Year ?? c.Anchor?.Year) is not int y || y < 2 || y > 9998)
            return new(TimexType.Date, "XXXX-XX-XX");
        var date = OnYear(y);
        if (Year is null && c.Anchor is { } a && !c.StoryMode)
        {
            // The nearest one, in the direction of the tense when it is far: as for dates without a year.
            var before = date > a ? OnYear(y - 1) : date;
            var after = date > a ? date : OnYear(y + 1);
            int back = a.DayNumber - before.DayNumber, ahead = after.DayNumber - a.DayNumber;
            date = c.Tense == Tense.Past ? (back <= ahead * 4 ? before : after) : c.Tense == Tense.Future ? (ahead <= back * 4 ? after : before) : (back <= ahead ? before : after);
        }
        return new(TimexType.Date, Calendar.Day(date), date);
    }

    /// <summary>Western Easter Sunday (the anonymous Gregorian computus).</summary>
    public static DateOnly Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }
}
