using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Recognises English time expressions with a small set of patterns, each turned into a <see cref="TimexSpec"/>.
/// Where patterns overlap the longest match wins, so "Thursday | 4th December 2026" is one date, not a weekday
/// and a date. Spans leave out the governing preposition ("on", "in", "by"), as TimeML does.
/// </summary>
internal static partial class TimeGrammar
{
    private const string Month =
        @"(?:Jan(?:uary|\.)|January|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|April|May|June|July|Jun\.?|Jul\.?|Aug(?:ust|\.)|Sep(?:tember|t\.|\.|t)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))(?![A-Za-z])";
    private const string MonthFull = "(?:January|February|March|April|May|June|July|August|September|October|November|December)(?![A-Za-z])";
    private const string Weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private const string WeekdayOrAbbr = @"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?";
    private const string Year = @"(?<year>(?:1[0-9]|20)\d\d)(?![\d])";
    private const string Day = @"(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)";
    private const string NumberWord =
        "(?:(?<![\\d,.])\\d{1,3}(?:\\.\\d)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|a few|few|a couple of|couple of|several|many|some)";
    private const string Units = "(?<unit>seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies))";
    private const string Lead = "(?:(?:just|only|some|about|nearly|almost|roughly|around|approximately|more than|less than|over|at least|up to|barely)\\s+)?";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;

    private delegate TimexSpec? Build(Match m, string text);

    /// <summary>
    /// A pattern and what it means. A rule with a <paramref name="Trigger"/> runs only near the trigger's matches:
    /// patterns that open with optional words are slow to try at every position, while a plain word list is
    /// found by a vectorised search.
    /// </summary>
    private sealed record Rule(Regex Pattern, Build Build, Regex? Trigger = null);

    [GeneratedRegex("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", Options)]
    private static partial Regex MonthWordsPattern();

    private static readonly Regex MonthWords = MonthWordsPattern();
    [GeneratedRegex("(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", Options)]
    private static partial Regex WeekdayWordsPattern();

    private static readonly Regex WeekdayWords = WeekdayWordsPattern();
    [GeneratedRegex("second|minute|hour|day|week|month|quarter|year|decade|centur", IgnoreCase)]
    private static partial Regex UnitWordsPattern();

    private static readonly Regex UnitWords = UnitWordsPattern();

    /// <summary>How far before a trigger a match may start ("more than four and a half hours", "the past three").</summary>
    private const int WindowBefore = 64;
    private const int WindowAfter = 48;

    private static readonly Rule[] Rules =
    [
        // 2025-12-04, 2025-12-04T14:30
        new(Pattern01(),
            (m, t) => Calendar.IsValid(Int(m, "year"), Int(m, "month"), Int(m, "day"))
                ? new CalendarSpec(Int(m, "year"), Int(m, "month"), Int(m, "day"), Hour: IntOrNull(m, "hour"), Minute: IntOrNull(m, "minute"))
                : new RejectedSpec($"no day {m.Groups["day"].Value} in month {m.Groups["month"].Value} of year {m.Groups["year"].Value}")),
        // 4/12/2025, 04.12.25, 12-4-2025
        new(Pattern02(),
            (m, t) => Numeric(Int(m, "a"), Int(m, "b"), FullYear(Int(m, "year")), null)),
        // Thursday (4/12)
        new(Pattern03(),
            (m, t) => Numeric(Int(m, "a"), Int(m, "b"), null, Calendar.Weekday(m.Groups["wd"].Value))),
        // Thursday | 4th December 2026, 4 December 2025, 4th of December
        new(Pattern04(),
            (m, t) => Date(m), MonthWords),
        // Thursday, December 4, 2025; Dec. 4; August 6, 2025
        new(Pattern05(),
            (m, t) => Date(m), MonthWords),
        // February 2022, late November 2025
        new(Pattern06(),
            (m, t) => Date(m), MonthWords),
        // June last year, early October this year
        new(Pattern32(),
            (m, t) => new MonthOfYearSpec(Calendar.MonthNumber(m.Groups["month"].Value)!.Value, Shift(m.Groups["shift"].Value)), MonthWords),
        // in late November, since March, last December: a bare month needs a preposition, or "May" would be a date
        new(Pattern07(),
            (m, t) => BareMonth(m), MonthWords),
        // 9 a.m. Tuesday, 4 a.m. EDT Thursday, noon Thursday: a time on that weekday
        new(Pattern34(),
            (m, t) => new WeekdaySpec(Calendar.Weekday(m.Groups["wd"].Value)!.Value, Shift(m.Groups["shift"].Value), Clock: ClockOf(m)), WeekdayWords),
        // 5 p.m. EST, Nov. 6: a time on that date
        new(Pattern35(),
            (m, t) => ClockOf(m) is var (hour, minute) && Date(m) is CalendarSpec { Day: not null } date ? date with { Hour = hour, Minute = minute } : null, MonthWords),
        // Tuesday, late Tuesday, last Friday, Tuesday's, Tuesday night
        new(Pattern08(),
            (m, t) => new WeekdaySpec(Calendar.Weekday(m.Groups["wd"].Value)!.Value, Shift(m.Groups["shift"].Value), Part(m.Groups["part"].Value)), WeekdayWords),
        new(Pattern09(),
            (m, t) => DayWord(m.Groups["w"].Value.ToLowerInvariant())),
        new(Pattern10(), (_, _) => new WeekendSpec()),
        // last week, next month, the coming year, the past year (a duration)
        new(Pattern11(),
            (m, t) => Relative(m)),
        // "the quarter" in a results story is the one just reported; "the year-ago quarter" the same one a year before
        new(Pattern12(),
            (m, t) => m.Value.EndsWith("period", StringComparison.OrdinalIgnoreCase) && !m.Groups["ago"].Success ? null : new OffsetSpec(TimeUnit.Quarter, m.Groups["ago"].Success ? -5 : -1)),
        new(Pattern13(),
            (m, _) => Holiday(m.Groups["name"].Value, IntOrNull(m, "year"))),
        // two weeks ago, just four days after, twelve days later, a year earlier
        new(Pattern14(),
            (m, t) => Offset(m, t), UnitWords),
        // 30-day, three-year-long
        new(Pattern15(),
            (m, t) => Duration(m), UnitWords),
        // for three years, the past three months, about five hours, several days; not the rate in "$500 million a year"
        new(Pattern16(),
            (m, t) => IsRate(m, t) || IsOrdinal(m, t) ? null : Duration(m), UnitWords),
        new(Pattern17(),
            (m, t) => new FixedSpec(TimexType.Duration, DurationValue("X", UnitOf(m.Groups["unit"].Value)))),
        // in 2014, 2009-2010, mid-1996; a bare number is a year only where it reads as one (see YearOk)
        new(Pattern18(),
            (m, t) => YearOk(m, t) ? new FixedSpec(TimexType.Date, m.Groups["year"].Value) : null),
        // the 1990s, the '90s
        new(Pattern19(),
            (m, t) => new FixedSpec(TimexType.Date, m.Groups["dec"].Success ? m.Groups["dec"].Value : "19" + m.Groups["short"].Value)),
        // the 20th century
        new(Pattern36(),
            (m, t) => Int(m, "n") is >= 1 and <= 21 and var n ? new FixedSpec(TimexType.Date, (n - 1).ToString("00", CultureInfo.InvariantCulture)) : null),
        // the first quarter (of 1998), the 1988 third quarter, the year-ago second quarter
        new(Pattern20(),
            (m, t) => new QuarterSpec(Calendar.Ordinal(m.Groups["ord"].Value)!.Value, IntOrNull(m, "year"), m.Groups["ago"].Success ? -1 : 0)),
        new(Pattern21(),
            (m, t) => Season(m)),
        new(Pattern22(),
            (m, t) => new OffsetSpec(UnitOf(m.Groups["unit"].Value), 0)),
        // that day, the following week, the same year: narrative time
        new(Pattern23(),
            (m, t) => new NarrativeOffsetSpec(UnitOf(m.Groups["unit"].Value), 1, m.Groups["which"].Value.ToLowerInvariant() switch
            {
                var w when w.EndsWith("following", StringComparison.Ordinal) || w.EndsWith("next", StringComparison.Ordinal) => 1,
                var w when w.EndsWith("previous", StringComparison.Ordinal) => -1,
                _ => 0,
            })),
        // 10:30 a.m., 3 p.m., 14:30
        new(Pattern24(),
            (m, t) => Clock(m)),
        new(Pattern25(),
            (m, t) => new ClockSpec(Int(m, "hour"), Int(m, "minute"))),
        new(Pattern26(),
            (m, t) => Clock(m)),
        // every Monday, each year, daily
        new(Pattern27(),
            (m, t) => Set(m)),
        // daily, weekly, hourly; not a newspaper ("the party daily Granma")
        new(Pattern33(),
            (m, t) => NextWordCapitalised(m, t) ? null : new FixedSpec(TimexType.Set, m.Value.ToLowerInvariant() switch
            {
                "daily" => "P1D",
                "weekly" => "P1W",
                _ => "PT1H",
            })),
        new(Pattern28(),
            (_, _) => new FixedSpec(TimexType.Date, "PRESENT_REF")),
        new(Pattern29(),
            (m, t) => new FixedSpec(TimexType.Date, "PAST_REF")),
        // "recent years": an unspecified stretch of the past, a duration in TimeML
        new(Pattern30(),
            (m, _) => new FixedSpec(TimexType.Duration, DurationValue("X", UnitOf(m.Groups["unit"].Value)))),
        new(Pattern31(),
            (_, _) => new FixedSpec(TimexType.Date, "FUTURE_REF")),
    ];

    [GeneratedRegex(@"(?<![\d-])(?<year>\d{4})-(?<month>\d\d)-(?<day>\d\d)(?:[T ](?<hour>\d\d):(?<minute>\d\d))?(?![\d-])", Options)]
    private static partial Regex Pattern01();
    [GeneratedRegex(@"(?<![\d/.])(?<a>\d{1,2})(?<sep>[./-])(?<b>\d{1,2})\k<sep>(?<year>\d{4}|\d\d)(?![\d/]|\.\d)", Options)]
    private static partial Regex Pattern02();
    [GeneratedRegex($@"(?<wd>{Weekday})\s*\((?<a>\d{{1,2}})[/.](?<b>\d{{1,2}})\)", Options)]
    private static partial Regex Pattern03();
    [GeneratedRegex($@"(?:(?<wd>{WeekdayOrAbbr}),?\s*(?:[|–—-]\s*)?(?:the\s+)?)?{Day}\s+(?:of\s+)?(?<month>{Month})(?:,?\s*{Year})?", Options)]
    private static partial Regex Pattern04();
    [GeneratedRegex($@"(?:(?<wd>{WeekdayOrAbbr}),?\s*(?:[|–—-]\s*)?)?(?<month>{Month})\s*{Day}(?:(?:,\s*|\s+){Year})?", Options)]
    private static partial Regex Pattern05();
    [GeneratedRegex($@"(?:(?<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of))[\s-]+)?(?<month>{Month}),?\s+(?:of\s+)?{Year}", Options)]
    private static partial Regex Pattern06();
    [GeneratedRegex($@"(?:(?<shift>(?i:last|next|this))\s+|(?<=\b(?i:in|since|until|till|by|from|through|during|before|after|to|between|and|of|early|late|mid|or)[\s-]+))(?:(?<mod>(?i:early|mid|late))[\s-]+)?(?<month>{MonthFull})", Options)]
    private static partial Regex Pattern07();
    [GeneratedRegex($@"(?:(?<shift>(?i:last|next|this|coming|past))\s+|(?<mod>(?i:late|early))\s+)?(?<wd>{Weekday})(?:['’]s)?(?:\s+(?<part>morning|afternoon|evening|night))?", Options)]
    private static partial Regex Pattern08();
    [GeneratedRegex(@"\b(?:(?:early|late)\s+)?(?<w>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b", IgnoreCase)]
    private static partial Regex Pattern09();
    [GeneratedRegex(@"\b(?:this|the)\s+weekend\b", IgnoreCase)]
    private static partial Regex Pattern10();
    [GeneratedRegex($@"\b(?:(?:early|late)\s+)?(?<the>the\s+)?(?<shift>last|next|this|coming|past|previous|following|current|same)\s+(?<unit>week|weekend|month|year|quarter|decade|century)\b", IgnoreCase)]
    private static partial Regex Pattern11();
    [GeneratedRegex(@"\bthe\s+(?:(?<ago>year-(?:earlier|ago)|comparable\s+year-ago)|latest|most\s+recent|recent|just-ended|latest\s+fiscal)?\s*(?:fiscal\s+)?(?:quarter|period)\b", IgnoreCase)]
    private static partial Regex Pattern12();
    [GeneratedRegex($@"\b(?<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Independence\s+Day)(?![A-Za-z])(?:,?\s+{Year})?", Options)]
    private static partial Regex Pattern13();
    [GeneratedRegex($@"\b{Lead}(?<n>{NumberWord})\s+{Units}\s+(?<rel>ago|later|earlier|after|before|from\s+now|hence)\b(?!\s+than)", IgnoreCase)]
    private static partial Regex Pattern14();
    [GeneratedRegex($@"\b(?<n>{NumberWord})[-‑](?<unit>second|minute|hour|day|week|month|year|decade|century)(?:[-‑]long)?\b(?![-‑]old)", IgnoreCase)]
    private static partial Regex Pattern15();
    [GeneratedRegex($@"\b(?:(?:the\s+)?(?:past|last|next|first|previous|coming)\s+|the\s+)?{Lead}(?<n>{NumberWord})(?<half>\s+and\s+a\s+half)?\s+(?:(?:more|additional|further|straight|consecutive)\s+)?{Units}\b(?!\s+old\b)", IgnoreCase)]
    private static partial Regex Pattern16();
    [GeneratedRegex(@"(?<=\bfor\s+)(?<unit>years|months|weeks|days|decades|hours|centuries)\b", IgnoreCase)]
    private static partial Regex Pattern17();
    [GeneratedRegex(@"(?:(?i:fiscal)\s+|\b(?i:mid|post|pre)-|(?<![\d$€£.,:/#-]))(?<year>(?:1[5-9]|20)\d\d)(?![\d%]|[.,]\d|-\d|\s*(?:per\s*cent|percent))", IgnoreCase)]
    private static partial Regex Pattern18();
    [GeneratedRegex(@"\b(?:the\s+)?(?:(?<dec>(?:1[5-9]|20)\d)0|['’](?<short>\d)0)['’]?s\b", IgnoreCase)]
    private static partial Regex Pattern19();
    [GeneratedRegex($@"\b(?:the\s+)?(?:{Year}\s+|(?<ago>year-(?:ago|earlier))\s+)?(?:fiscal[\s-]+)?(?<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of\s+{Year})?", IgnoreCase)]
    private static partial Regex Pattern20();
    [GeneratedRegex($@"\b(?:(?<shift>this|last|next|the)\s+)?(?<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{Year})?\b", IgnoreCase)]
    private static partial Regex Pattern21();
    [GeneratedRegex(@"\b(?:the\s+)?(?<pos>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?<unit>week|month|year)\b", IgnoreCase)]
    private static partial Regex Pattern22();
    [GeneratedRegex(@"\b(?<which>that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+(?<unit>day|week|month|year)\b", IgnoreCase)]
    private static partial Regex Pattern23();
    [GeneratedRegex(@"\b(?<hour>[01]?\d|2[0-3])(?::(?<minute>[0-5]\d))?\s*(?<ap>[ap])\.?m\.?(?![a-z])", IgnoreCase)]
    private static partial Regex Pattern24();
    [GeneratedRegex(@"(?<![\d.:])(?<hour>[01]?\d|2[0-3]):(?<minute>[0-5]\d)(?![\d:])", Options)]
    private static partial Regex Pattern25();
    [GeneratedRegex(@"\b(?<w>noon|midday|midnight)\b", IgnoreCase)]
    private static partial Regex Pattern26();
    [GeneratedRegex($@"\b(?:every|each)\s+(?:(?<n>other|second|two|three|four|few)\s+)?(?<unit>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|{Weekday})s?\b", IgnoreCase)]
    private static partial Regex Pattern27();
    [GeneratedRegex(@"\b(?:now|currently|at\s+present|at\s+the\s+moment|nowadays|these\s+days|right\s+now)\b(?!\s+that)", IgnoreCase)]
    private static partial Regex Pattern28();
    [GeneratedRegex(@"\b(?:recently|lately|the\s+past)\b(?!\s+(?:\w+\s+)?(?:week|month|year|decade|day)s?\b)", IgnoreCase)]
    private static partial Regex Pattern29();
    [GeneratedRegex(@"\brecent\s+(?<unit>years|months|weeks|days|decades)\b", IgnoreCase)]
    private static partial Regex Pattern30();
    [GeneratedRegex(@"\b(?:the\s+(?:(?:near|foreseeable|immediate)\s+)?future|(?:the\s+)?(?:near|short)\s+term|(?:the\s+)?coming\s+(?:years|months|weeks|days|quarters))\b", IgnoreCase)]
    private static partial Regex Pattern31();

    [GeneratedRegex($@"(?:(?i:early|mid|late)[\s-]+)?(?<month>{Month})\s+(?:of\s+)?(?<shift>(?i:this|last|next))\s+(?i:year)\b", Options)]
    private static partial Regex Pattern32();
    [GeneratedRegex($@"\b(?:(?<hour>[01]?\d)(?::(?<minute>[0-5]\d))?\s*(?<ap>[ap])\.?m\.?|(?<w>noon|midnight))\s+(?:(?:[ECMP][SD]T|GMT|UTC|local\s+time)\s+)?(?:on\s+)?(?:(?<shift>last|next|this)\s+)?(?<wd>{Weekday})", IgnoreCase)]
    private static partial Regex Pattern34();
    [GeneratedRegex($@"\b(?<hour>[01]?\d)(?::(?<minute>[0-5]\d))?\s*(?<ap>[apAP])\.?[mM]\.?\s+(?:(?:[ECMP][SD]T|GMT|UTC)\s*)?,?\s*(?<month>{Month})\s*{Day}(?:,\s*{Year})?", Options)]
    private static partial Regex Pattern35();
    [GeneratedRegex(@"\b(?:the\s+)?(?<n>\d{1,2})(?:st|nd|rd|th)\s+century\b", IgnoreCase)]
    private static partial Regex Pattern36();
    [GeneratedRegex(@"\b(?:daily|weekly|hourly)\b", IgnoreCase)]
    private static partial Regex Pattern33();

    /// <summary>Every expression in <paramref name="text"/>, in text order, without overlaps (longest first).</summary>
    public static List<TimexMention> Find(string text)
    {
        var all = new List<TimexMention>();
        foreach (var rule in Rules)
        {
            foreach (var m in Matches(rule, text))
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
        var taken = new bool[text.Length];
        foreach (var candidate in all.OrderByDescending(c => c.Span.Length).ThenBy(c => c.Span.Start))
        {
            var span = candidate.Span;
            if (Array.IndexOf(taken, true, span.Start, span.Length) >= 0)
                continue;
            Array.Fill(taken, true, span.Start, span.Length);
            chosen.Add(candidate);
        }
        chosen.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return chosen;
    }

    private static IEnumerable<Match> Matches(Rule rule, string text)
    {
        if (rule.Trigger is null)
        {
            for (var m = rule.Pattern.Match(text); m.Success; m = m.NextMatch())
                yield return m;
            yield break;
        }
        int windowStart = -1, windowEnd = -1;
        for (var t = rule.Trigger.Match(text); ; t = t.NextMatch())
        {
            int start = t.Success ? Math.Max(0, t.Index - WindowBefore) : int.MaxValue;
            if (windowEnd >= 0 && start > windowEnd)
            {
                // Widen to whole words so that \b and lookbehinds see what they need at the window's edge.
                while (windowStart > 0 && !char.IsWhiteSpace(text[windowStart - 1]))
                    windowStart--;
                while (windowEnd < text.Length && !char.IsWhiteSpace(text[windowEnd]))
                    windowEnd++;
                for (var m = rule.Pattern.Match(text, windowStart, windowEnd - windowStart); m.Success; m = m.NextMatch())
                    yield return m;
                windowStart = windowEnd = -1;
            }
            if (!t.Success)
                yield break;
            if (windowStart < 0)
                windowStart = start;
            windowEnd = Math.Min(text.Length, Math.Max(windowEnd, t.Index + t.Length + WindowAfter));
        }
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

    private static TimexSpec? Offset(Match m, string text)
    {
        var unit = UnitOf(m.Groups["unit"].Value);
        if (Amount(m.Groups["n"].Value) is not int n)
            return new FixedSpec(TimexType.Date, m.Groups["rel"].Value.ToLowerInvariant() is "ago" or "earlier" or "after" ? "PAST_REF" : "FUTURE_REF");
        // Results stories compare a quarter with the same quarter "a year ago": the reported quarter is the one
        // before the anchor's, so the compared one is five quarters back.
        if (unit == TimeUnit.Year && n == 1 && m.Groups["rel"].Value.ToLowerInvariant() is "ago" or "earlier" && AfterQuarterResults(m, text))
            return new OffsetSpec(TimeUnit.Quarter, -5);
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

    /// <summary>
    /// True when the nearest reporting period named in the 400 characters before the match is a quarter
    /// ("the third quarter", "the latest quarter") rather than a longer one ("nine months", "the year").
    /// </summary>
    private static bool AfterQuarterResults(Match m, string text)
    {
        int start = Math.Max(0, m.Index - 400);
        Match? last = null;
        for (var p = ReportingPeriod().Match(text, start, m.Index - start); p.Success; p = p.NextMatch())
            last = p;
        return last is not null && last.Groups["q"].Success;
    }

    [GeneratedRegex(@"\b(?:(?<q>(?:first|second|third|fourth|latest|fiscal|the|this|year-earlier|year-ago)[\s-]+quarter)\b(?!\s+of\s+(?:the|a|all|its|their)\b)|nine\s+months|six\s+months|first\s+half|(?:fiscal|full|the)\s+year)", IgnoreCase)]
    private static partial Regex ReportingPeriod();

    /// <summary>"$500 million a year", "twice a day": "a year" after an amount is a rate, not a duration.</summary>
    private static bool IsRate(Match m, string text)
    {
        if (!m.Groups["n"].Value.Equals("a", StringComparison.OrdinalIgnoreCase) || m.Value.Length > m.Groups["n"].Length + m.Groups["unit"].Length + 2)
            return false;
        int end = m.Index;
        while (end > 0 && text[end - 1] == ' ')
            end--;
        if (end > 0 && (char.IsDigit(text[end - 1]) || text[end - 1] == '%'))
            return true;
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        var word = text.AsSpan(start, end - start).ToString().ToLowerInvariant();
        if (word is "million" or "billion" or "trillion" or "thousand" or "cents" or "percent" or "times" or "twice" or "once" or "dollars")
            return true;
        // "four flights a week", "24 hours a day": a counted plural before it.
        int before = start;
        while (before > 0 && text[before - 1] == ' ')
            before--;
        return word.EndsWith('s') && before < start && before > 0 && (char.IsDigit(text[before - 1]) || PrecedingNumberWord(text, before));
    }

    private static bool PrecedingNumberWord(string text, int end)
    {
        int start = end;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        return Calendar.Number(text[start..end].ToLowerInvariant()) is not null;
    }

    /// <summary>The hour and minute of "9 a.m.", "10:30 p.m.", "noon", "midnight".</summary>
    private static (int Hour, int Minute) ClockOf(Match m) =>
        m.Groups["w"].Success
            ? (m.Groups["w"].Value.Equals("midnight", StringComparison.OrdinalIgnoreCase) ? 0 : 12, 0)
            : (Int(m, "hour") % 12 + (char.ToLowerInvariant(m.Groups["ap"].Value[0]) == 'p' ? 12 : 0), IntOrNull(m, "minute") ?? 0);

    private static ClockSpec Clock(Match m)
    {
        var (hour, minute) = ClockOf(m);
        return new ClockSpec(hour, minute);
    }

    /// <summary>"a second group", "a second betrayal": the ordinal, not one second.</summary>
    private static bool IsOrdinal(Match m, string text)
    {
        if (!m.Groups["unit"].Value.Equals("second", StringComparison.OrdinalIgnoreCase) || m.Groups["n"].Value.ToLowerInvariant() is not ("a" or "an"))
            return false;
        int i = m.Index + m.Length;
        while (i < text.Length && text[i] == ' ')
            i++;
        return i < text.Length && char.IsLetter(text[i]);
    }

    private static bool NextWordCapitalised(Match m, string text)
    {
        int i = m.Index + m.Length;
        while (i < text.Length && text[i] == ' ')
            i++;
        return i < text.Length && char.IsUpper(text[i]);
    }

    /// <summary>An exact count, or null for "several", "a few", "many".</summary>
    private static int? Amount(string word)
    {
        var w = word.ToLowerInvariant();
        return w is "a few" or "few" or "a couple of" or "couple of" or "several" or "many" or "some" ? null : Calendar.Number(w.Split('.')[0]);
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
            amount = n.EndsWith("couple of", StringComparison.Ordinal) ? "2" : "X";
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
            "this" => new ShiftedMonthSpec(month, 0),
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

/// <summary>
/// "last December", "next March", "this September": the latest such month before the anchor's month, the first after
/// it, or the one of the anchor's year, whatever the tense ("last December" said in October is ten months back).
/// </summary>
internal sealed record ShiftedMonthSpec(CalendarSpec Month, int Direction) : TimexSpec
{
    public override Timex? Resolve(in ResolveContext c)
    {
        if (c.Anchor is not { } a || c.StoryMode)
            return Month.Resolve(c);
        int year = Direction switch
        {
            < 0 => Month.Month < a.Month ? a.Year : a.Year - 1,
            > 0 => Month.Month > a.Month ? a.Year : a.Year + 1,
            _ => a.Year,
        };
        return (Month with { Year = year }).Resolve(c);
    }
}
