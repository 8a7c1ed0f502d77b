using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Recognises English time expressions with a small set of patterns, each turned into a <see cref="TimexSpec"/>.
/// Where patterns overlap the longest match wins, so "Thursday | 4th December 2026" is one date, not a weekday
/// and a date. Spans leave out the governing preposition ("on", "in", "by"), as TimeML does.
/// </summary>
internal static class TimeGrammar
{
    private const string Month =
        @"(?:Jan(?:uary|\.)|January|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|April|May|June|July|Jun\.?|Jul\.?|Aug(?:ust|\.)|Sep(?:tember|t\.|\.|t)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))(?![A-Za-z])";
    private const string MonthFull = "(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z])";
    private const string Weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private const string WeekdayOrAbbr = @"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?";
    private const string Year = @"(?<year>(?:1[0-9]|20)\d\d)(?![\d])";
    private const string Day = @"(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])";
    private const string NumberWord =
        "(?:\\d{1,3}(?:\\.\\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|a few|a couple of|several|many|some)";
    private const string Units = "(?<unit>seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies))";
    private const string Lead = "(?:(?:just|only|some|about|nearly|almost|roughly|around|approximately|more than|less than|over|at least|up to|barely)\\s+)?";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;

    private delegate TimexSpec? Build(Match m, string text);

    private sealed record Rule(Regex Pattern, Build Build);

    private static readonly Rule[] Rules =
    [
        // 2025-12-04, 2025-12-04T14:30
        new(new Regex(@"(?<![\d-])(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)(?:[T ](?<hour>\d\d):(?<minute>\d\d))?(?![\d-])", Options),
            (m, t) => Calendar.IsValid(Int(m, "year"), Int(m, "month"), Int(m, "day"))
                ? new CalendarSpec(Int(m, "year"), Int(m, "month"), Int(m, "day"), Hour: IntOrNull(m, "hour"), Minute: IntOrNull(m, "minute"))
                : new RejectedSpec("not a calendar date")),
        // 4/12/2025, 04.12.25, 12-4-2025
        new(new Regex(@"(?<![\d/.])(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<year>\d{4}|\d\d)(?![\d/]|\.\d)", Options),
            (m, t) => Numeric(Int(m, "a"), Int(m, "b"), FullYear(Int(m, "year")), null)),
        // Thursday (4/12)
        new(new Regex($@"(?<wd>{Weekday})\s*\((?<a>\d{{1,2}})[/.](?<b>\d{{1,2}})\)", Options),
            (m, t) => Numeric(Int(m, "a"), Int(m, "b"), null, Calendar.Weekday(m.Groups["wd"].Value))),
        // Thursday | 4th December 2026, 4 December 2025, 4th of December
        new(new Regex($@"(?:(?<wd>{WeekdayOrAbbr}),?\s*(?:[|–—-]\s*)?(?:the\s+)?)?{Day}\s+(?:of\s+)?(?<month>{Month})(?:,?\s*{Year})?", Options),
            (m, t) => Date(m)),
        // Thursday, December 4, 2025; Dec. 4; August 6, 2025
        new(new Regex($@"(?:(?<wd>{WeekdayOrAbbr}),?\s*(?:[|–—-]\s*)?)?(?<month>{Month})\s*{Day}(?:(?:,\s*|\s+){Year})?", Options),
            (m, t) => Date(m)),
        // February 2022, late November 2025
        new(new Regex($@"(?:(?<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of))[\s-]+)?(?<month>{Month}),?\s+(?:of\s+)?{Year}", Options),
            (m, t) => Date(m)),
        // in late November, since March, last December: a bare month needs a preposition, or "May" would be a date
        new(new Regex($@"(?:(?<shift>(?i:last|next|this))\s+|(?<=\b(?i:in|since|until|till|by|from|through|during|before|after|to|between|and|of|early|late|mid|or)[\s-]+))(?:(?<mod>(?i:early|mid|late))[\s-]+)?(?<month>{MonthFull})", Options),
            (m, t) => BareMonth(m)),
        // Tuesday, late Tuesday, last Friday, Tuesday's, Tuesday night
        new(new Regex($@"(?:(?<shift>(?i:last|next|this|coming|past))\s+|(?<mod>(?i:late|early))\s+)?(?<wd>{Weekday})(?:['’]s)?(?:\s+(?<part>morning|afternoon|evening|night))?", Options),
            (m, t) => new WeekdaySpec(Calendar.Weekday(m.Groups["wd"].Value)!.Value, Shift(m.Groups["shift"].Value), Part(m.Groups["part"].Value))),
        new(new Regex(@"\b(?:(?:early|late)\s+)?(?<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b", IgnoreCase),
            (m, t) => DayWord(m.Groups["w"].Value.ToLowerInvariant())),
        new(new Regex(@"\b(?:this|the)\s+weekend\b", IgnoreCase), (_, _) => new WeekendSpec()),
        // last week, next month, the coming year, the past year (a duration)
        new(new Regex($@"\b(?:(?:early|late)\s+)?(?<the>the\s+)?(?<shift>last|next|this|coming|past|previous|following|current|same)\s+(?<unit>week|weekend|month|year|quarter|decade|century)\b", IgnoreCase),
            (m, t) => Relative(m)),
        // "the quarter" in a results story is the one just reported; "the year-ago quarter" the same one a year before
        new(new Regex(@"\bthe\s+(?:(?<ago>year-(?:earlier|ago)|comparable\s+year-ago)|latest|most\s+recent|recent|just-ended|latest\s+fiscal)?\s*(?:fiscal\s+)?(?:quarter|period)\b", IgnoreCase),
            (m, t) => m.Value.EndsWith("period", StringComparison.OrdinalIgnoreCase) && !m.Groups["ago"].Success ? null : new OffsetSpec(TimeUnit.Quarter, m.Groups["ago"].Success ? -5 : -1)),
        new(new Regex($@"\b(?<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Independence\s+Day)(?:,?\s+{Year})?", Options),
            (m, _) => Holiday(m.Groups["name"].Value, IntOrNull(m, "year"))),
        // two weeks ago, just four days after, twelve days later, a year earlier
        new(new Regex($@"\b{Lead}(?<n>{NumberWord})\s+{Units}\s+(?<rel>ago|later|earlier|after|before|from\s+now|hence)\b(?!\s+than)", IgnoreCase),
            (m, t) => Offset(m)),
        // 30-day, three-year-long
        new(new Regex($@"\b(?<n>{NumberWord})[-‑](?<unit>second|minute|hour|day|week|month|year|decade|century)(?:[-‑]long)?\b(?![-‑]old)", IgnoreCase),
            (m, t) => Duration(m)),
        // for three years, the past three months, about five hours, several days
        new(new Regex($@"\b(?:(?:the\s+)?(?:past|last|next|first|previous|coming)\s+|the\s+)?{Lead}(?<n>{NumberWord})(?<half>\s+and\s+a\s+half)?\s+{Units}\b", IgnoreCase),
            (m, t) => Duration(m)),
        new(new Regex(@"(?<=\bfor\s+)(?<unit>years|months|weeks|days|decades|hours|centuries)\b", IgnoreCase),
            (m, t) => new FixedSpec(TimexType.Duration, DurationValue("X", UnitOf(m.Groups["unit"].Value)))),
        // in 2014, 2009-2010; a bare number is a year only where it reads as one (see YearOk)
        new(new Regex(@"(?:(?i:fiscal)\s+)?(?<![\d$€£.,:/#-])(?<year>(?:1[5-9]|20)\d\d)(?![\d%]|[.,]\d|-\d|\s*(?:per\s*cent|percent))", IgnoreCase),
            (m, t) => YearOk(m, t) ? new FixedSpec(TimexType.Date, m.Groups["year"].Value) : null),
        // the 1990s, the '90s
        new(new Regex(@"\b(?:the\s+)?(?:(?<dec>(?:1[5-9]|20)\d)0|['’](?<short>\d)0)['’]?s\b", IgnoreCase),
            (m, t) => new FixedSpec(TimexType.Date, m.Groups["dec"].Success ? m.Groups["dec"].Value : "19" + m.Groups["short"].Value)),
        // the first quarter (of 1998)
        new(new Regex($@"\b(?:the\s+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+{Year})?", IgnoreCase),
            (m, t) => new QuarterSpec(Calendar.Ordinal(m.Groups["ord"].Value)!.Value, IntOrNull(m, "year"))),
        new(new Regex($@"\b(?:(?<shift>this|last|next|the)\s+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{Year})?\b", IgnoreCase),
            (m, t) => Season(m)),
        new(new Regex(@"\b(?:the\s+)?(?<pos>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?<unit>week|month|year)\b", IgnoreCase),
            (m, t) => new OffsetSpec(UnitOf(m.Groups["unit"].Value), 0)),
        // that day, the following week, the same year: narrative time
        new(new Regex(@"\b(?<which>that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+(?<unit>day|week|month|year)\b", IgnoreCase),
            (m, t) => new NarrativeOffsetSpec(UnitOf(m.Groups["unit"].Value), 1, m.Groups["which"].Value.ToLowerInvariant() switch
            {
                var w when w.EndsWith("following", StringComparison.Ordinal) || w.EndsWith("next", StringComparison.Ordinal) => 1,
                var w when w.EndsWith("previous", StringComparison.Ordinal) => -1,
                _ => 0,
            })),
        // 10:30 a.m., 3 p.m., 14:30
        new(new Regex(@"\b(?<hour>[01]?\d|2[0-3])(?::(?<minute>[0-5]\d))?\s*(?<ap>[ap])\.?m\.?(?![a-z])", IgnoreCase),
            (m, t) => new ClockSpec(Int(m, "hour") % 12 + (char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p' ? 12 : 0), IntOrNull(m, "minute") ?? 0)),
        new(new Regex(@"(?<![\d.:])(?<hour>[01]?\d|2[0-3]):(?<minute>[0-5]\d)(?![\d:])", Options),
            (m, t) => new ClockSpec(Int(m, "hour"), Int(m, "minute"))),
        new(new Regex(@"\b(?<w>noon|midday|midnight)\b", IgnoreCase),
            (m, t) => new ClockSpec(m.Groups["w"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? 0 : 12, 0)),
        // every Monday, each year, daily
        new(new Regex($@"\b(?:every|each)\s+(?:(?<n>other|second|two|three|four|few)\s+)?(?<unit>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|{Weekday})s?\b", IgnoreCase),
            (m, t) => Set(m)),
        new(new Regex(@"\b(?:now|currently|at\s+present|at\s+the\s+moment|nowadays|these\s+days|right\s+now)\b(?!\s+that)", IgnoreCase),
            (_, _) => new FixedSpec(TimexType.Date, "PRESENT_REF")),
        new(new Regex(@"\b(?:recently|lately|the\s+past)\b(?!\s+(?:\w+\s+)?(?:week|month|year|decade|day)s?\b)", IgnoreCase),
            (m, t) => new FixedSpec(TimexType.Date, "PAST_REF")),
        // "recent years": an unspecified stretch of the past, a duration in TimeML
        new(new Regex(@"\brecent\s+(?<unit>years|months|weeks|days|decades)\b", IgnoreCase),
            (m, _) => new FixedSpec(TimexType.Duration, DurationValue("X", UnitOf(m.Groups["unit"].Value)))),
        new(new Regex(@"\b(?:the\s+future|the\s+coming\s+(?:years|months|weeks|days))\b", IgnoreCase),
            (_, _) => new FixedSpec(TimexType.Date, "FUTURE_REF")),
    ];

    /// <summary>Every expression in <paramref name="text"/>, in text order, without overlaps (longest first).</summary>
    public static List<TimexMention> Find(string text)
    {
        var all = new List<TimexMention>();
        foreach (var rule in Rules)
        {
            for (var m = rule.Pattern.Match(text); m.Success; m = m.NextMatch())
            {
                if (m.Length > 80 || (rule.Pattern.Options.HasFlag(RegexOptions.IgnoreCase) && IsInName(text, m.Index)))
                    continue;
                TimexSpec? spec;
                try
                {
                    spec = rule.Build(m, text);
                }
                catch (Exception e) when (e is OverflowException or FormatException or ArgumentOutOfRangeException)
                {
                    spec = null; // "99999-12-04", "31 February": not a date, skipped
                }
                if (spec is not null)
                    all.Add(new TimexMention(WithoutPossessive(text, new Span(m.Index, m.Length)), spec));
            }
        }
        var chosen = new List<TimexMention>();
        foreach (var candidate in all.OrderByDescending(c => c.Span.Length).ThenBy(c => c.Span.Start))
        {
            if (!chosen.Any(c => c.Span.Overlaps(candidate.Span)))
                chosen.Add(candidate);
        }
        chosen.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return chosen;
    }

    /// <summary>"Friday's meeting": the expression is "Friday", without the possessive.</summary>
    private static Span WithoutPossessive(string text, Span span) =>
        span.Length > 2 && text[span.End - 1] == 's' && text[span.End - 2] is '\'' or '’' ? new Span(span.Start, span.Length - 2) : span;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int? IntOrNull(Match m, string group) => m.Groups[group].Success ? Int(m, group) : null;

    private static int FullYear(int year) => year >= 100 ? year : year < 50 ? 2000 + year : 1900 + year;

    /// <summary>
    /// "India Today", "Good Morning America": a capitalised time word right after a capitalised word, mid-sentence,
    /// is part of a name.
    /// </summary>
    private static bool IsInName(string text, int start)
    {
        if (!char.IsUpper(text[start]))
            return false;
        int i = start;
        while (i > 0 && text[i - 1] == ' ')
            i--;
        if (i == start || i == 0)
            return false;
        int w = i;
        while (w > 0 && char.IsLetter(text[w - 1]))
            w--;
        return w < i && char.IsUpper(text[w]) && !(w > 1 && text[w - 2] is '.' or '!' or '?') && w > 0 && text[w - 1] != '\n';
    }

    /// <summary>True when the word just before the match (outside it) is <paramref name="word"/>.</summary>
    private static bool Preceding(Match m, string text, string word)
    {
        int end = m.Index;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
            end--;
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        return text.AsSpan(start, end - start).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    private static TimexSpec? Numeric(int a, int b, int? year, DayOfWeek? weekday)
    {
        if (a > 12 && b > 12)
            return null;
        if (year is int y && !(Calendar.IsValid(y, b, a) || Calendar.IsValid(y, a, b)))
            return null;
        return new NumericDateSpec(a, b, year, weekday);
    }

    private static TimexSpec? Date(Match m)
    {
        int month = Calendar.MonthNumber(m.Groups["month"].Value) ?? 0;
        int? year = IntOrNull(m, "year");
        int? day = IntOrNull(m, "day");
        var weekday = m.Groups["wd"].Success ? Calendar.Weekday(m.Groups["wd"].Value) : null;
        if (month == 0 || day is 0 or > 31)
            return null;
        if (day is int d && !Calendar.IsValid(year ?? 2000, month, d))
            return new RejectedSpec($"no day {d} in month {month}" + (year is int y ? $" of {y}" : "")); // 31 February
        return new CalendarSpec(year, month, day, weekday);
    }

    private static int Shift(string word) => word.ToLowerInvariant() switch
    {
        "last" or "past" => -1,
        "next" or "coming" => 1,
        _ => 0,
    };

    private static string? Part(string word) => word switch
    {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => null,
    };

    private static TimexSpec DayWord(string w) => w switch
    {
        "today" => new OffsetSpec(TimeUnit.Day, 0),
        "tonight" => new OffsetSpec(TimeUnit.Day, 0, "NI"),
        "yesterday" => new OffsetSpec(TimeUnit.Day, -1),
        "tomorrow" => new OffsetSpec(TimeUnit.Day, 1),
        "last night" => new OffsetSpec(TimeUnit.Day, -1, "NI"),
        _ when w.StartsWith("this", StringComparison.Ordinal) => new OffsetSpec(TimeUnit.Day, 0, Part(w[4..].Trim())),
        _ when w.EndsWith("yesterday", StringComparison.Ordinal) => new OffsetSpec(TimeUnit.Day, -2),
        _ => new OffsetSpec(TimeUnit.Day, 2),
    };

    public static TimeUnit UnitOf(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.StartsWith("centur", StringComparison.Ordinal))
            return TimeUnit.Century;
        return w.TrimEnd('s') switch
        {
            "second" => TimeUnit.Second,
            "minute" => TimeUnit.Minute,
            "hour" => TimeUnit.Hour,
            "day" => TimeUnit.Day,
            "week" => TimeUnit.Week,
            "weekend" => TimeUnit.Weekend,
            "month" => TimeUnit.Month,
            "quarter" => TimeUnit.Quarter,
            "decade" => TimeUnit.Decade,
            _ => TimeUnit.Year,
        };
    }

    private static TimexSpec? Relative(Match m)
    {
        var unit = UnitOf(m.Groups["unit"].Value);
        var shift = m.Groups["shift"].Value.ToLowerInvariant();
        return shift switch
        {
            "last" => new OffsetSpec(unit, -1),
            "next" or "coming" => new OffsetSpec(unit, 1),
            "this" or "current" => new OffsetSpec(unit, 0),
            "past" => new FixedSpec(TimexType.Duration, DurationValue("1", unit)),
            "previous" => new NarrativeOffsetSpec(unit, 1, -1),
            "following" => new NarrativeOffsetSpec(unit, 1, 1),
            _ => new NarrativeOffsetSpec(unit, 0, 0),
        };
    }

    private static TimexSpec? Offset(Match m)
    {
        var unit = UnitOf(m.Groups["unit"].Value);
        if (Amount(m.Groups["n"].Value) is not int n)
            return new FixedSpec(TimexType.Date, m.Groups["rel"].Value.ToLowerInvariant() is "ago" or "earlier" or "after" ? "PAST_REF" : "FUTURE_REF");
        return m.Groups["rel"].Value.ToLowerInvariant() switch
        {
            "ago" => new OffsetSpec(unit, -n),
            "later" => new NarrativeOffsetSpec(unit, n, 1),
            "earlier" => new NarrativeOffsetSpec(unit, n, -1),
            // "four days after [the previous round]" names the earlier occasion, counted back from narrative time.
            "after" => new NarrativeOffsetSpec(unit, n, -1),
            "before" => new NarrativeOffsetSpec(unit, n, 1),
            _ => new OffsetSpec(unit, n),
        };
    }

    /// <summary>An exact count, or null for "several", "a few", "many".</summary>
    private static int? Amount(string word)
    {
        var w = word.ToLowerInvariant();
        return w is "a few" or "a couple of" or "several" or "many" or "some" ? null : Calendar.Number(w.Split('.')[0]);
    }

    private static TimexSpec? Duration(Match m)
    {
        var unit = UnitOf(m.Groups["unit"].Value);
        var n = m.Groups["n"].Value.ToLowerInvariant();
        string amount;
        if (n.Contains('.', StringComparison.Ordinal))
            amount = n;
        else if (Amount(n) is int k)
            amount = m.Groups["half"].Success ? k + ".5" : k.ToString(CultureInfo.InvariantCulture);
        else
            amount = n == "a couple of" ? "2" : "X";
        if (amount == "0" || (n is "a" or "an" && m.Groups["unit"].Value.EndsWith('s')))
            return null;
        return new FixedSpec(TimexType.Duration, DurationValue(amount, unit));
    }

    public static string DurationValue(string amount, TimeUnit unit) => unit switch
    {
        TimeUnit.Second => $"PT{amount}S",
        TimeUnit.Minute => $"PT{amount}M",
        TimeUnit.Hour => $"PT{amount}H",
        TimeUnit.Day => $"P{amount}D",
        TimeUnit.Week => $"P{amount}W",
        TimeUnit.Weekend => $"P{amount}WE",
        TimeUnit.Month => $"P{amount}M",
        TimeUnit.Quarter => $"P{amount}Q",
        TimeUnit.Decade => amount == "X" ? "PXDE" : $"P{Scale(amount, 10)}Y",
        TimeUnit.Century => amount == "X" ? "PXCE" : $"P{Scale(amount, 100)}Y",
        _ => $"P{amount}Y",
    };

    private static string Scale(string amount, int factor) =>
        double.TryParse(amount, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) ? (x * factor).ToString(CultureInfo.InvariantCulture) : "X";

    /// <summary>
    /// A four-digit number reads as a year after a preposition, before punctuation or a capitalised word, or
    /// before a singular noun ("the 2014 election"); "2000 troops" is a count.
    /// </summary>
    private static bool YearOk(Match m, string text)
    {
        int end = m.Index + m.Length;
        int i = end;
        while (i < text.Length && text[i] == ' ')
            i++;
        if (i >= text.Length || !char.IsLetter(text[i]) || char.IsUpper(text[i]))
            return true;
        int j = i;
        while (j < text.Length && char.IsLetter(text[j]))
            j++;
        var next = text.AsSpan(i, j - i);
        if (YearPrepositions.Any(p => Preceding(m, text, p)))
            return true;
        return !next.EndsWith("s", StringComparison.Ordinal) && next is not ("million" or "billion" or "thousand" or "km" or "kilometers" or "kilometres" or "miles" or "people");
    }

    private static readonly string[] YearPrepositions = ["in", "since", "of", "by", "until", "from", "during", "before", "after"];

    private static TimexSpec BareMonth(Match m)
    {
        var month = new CalendarSpec(null, Calendar.MonthNumber(m.Groups["month"].Value)!.Value);
        return m.Groups["shift"].Value.ToLowerInvariant() switch
        {
            "last" => new ShiftedMonthSpec(month, -1),
            "next" => new ShiftedMonthSpec(month, 1),
            _ => month,
        };
    }

    private static TimexSpec Holiday(string name, int? year)
    {
        var key = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace('’', '\'');
        Func<int, DateOnly> on = key switch
        {
            "Christmas Eve" => y => new DateOnly(y, 12, 24),
            "New Year's Day" => y => new DateOnly(y, 1, 1),
            "New Year's Eve" => y => new DateOnly(y, 12, 31),
            "Independence Day" => y => new DateOnly(y, 7, 4),
            _ when key.StartsWith("Thanksgiving", StringComparison.Ordinal) => y => Calendar.OnOrAfter(new DateOnly(y, 11, 1), DayOfWeek.Thursday).AddDays(21),
            _ when key.StartsWith("Easter", StringComparison.Ordinal) => HolidaySpec.Easter,
            _ => y => new DateOnly(y, 12, 25),
        };
        return new HolidaySpec(key, on, year);
    }

    private static TimexSpec? Season(Match m)
    {
        var shift = m.Groups["shift"].Value.ToLowerInvariant();
        if (shift.Length == 0 && !m.Groups["year"].Success)
            return null;
        var code = m.Groups["season"].Value.ToLowerInvariant() switch
        {
            "spring" => "SP",
            "summer" => "SU",
            "autumn" or "fall" => "FA",
            _ => "WI",
        };
        return new SeasonSpec(code, IntOrNull(m, "year"), Shift(shift));
    }

    private static TimexSpec Set(Match m)
    {
        var unit = m.Groups["unit"].Value;
        string every = m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "other" or "second" or "two" => "2",
            "three" => "3",
            "four" => "4",
            "few" => "X",
            _ => "1",
        };
        if (Calendar.Weekday(unit) is { } wd && unit.Length > 5)
            return new FixedSpec(TimexType.Set, $"XXXX-WXX-{Calendar.IsoDay(wd)}");
        return unit.ToLowerInvariant().TrimEnd('s') switch
        {
            "morning" => new FixedSpec(TimexType.Set, "TMO"),
            "afternoon" => new FixedSpec(TimexType.Set, "TAF"),
            "evening" => new FixedSpec(TimexType.Set, "TEV"),
            "night" => new FixedSpec(TimexType.Set, "TNI"),
            "weekend" => new FixedSpec(TimexType.Set, "XXXX-WXX-WE"),
            var u => new FixedSpec(TimexType.Set, DurationValue(every, UnitOf(u))),
        };
    }
}

/// <summary>
/// Something written like a date that names no real day ("31 February 2025"): it takes its span, so that no
/// shorter reading ("February 2025") is made of it, and resolves to nothing.
/// </summary>
internal sealed record RejectedSpec(string Reason) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c) => null;
}

/// <summary>"last December", "next March": the month before (after) the anchor's, whatever the tense.</summary>
internal sealed record ShiftedMonthSpec(CalendarSpec Month, int Direction) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c) =>
        Month.Resolve(c with { Tense = Direction < 0 ? Tense.Past : Tense.Future, Anchor = c.Anchor?.AddDays(Direction) });
}
