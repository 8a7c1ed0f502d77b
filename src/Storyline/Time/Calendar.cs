using System.Globalization;

namespace Storyline.Time;

/// <summary>Calendar arithmetic and the TIMEX3 spelling of dates, weeks and weekends.</summary>
internal static class Calendar
{
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(int year, int month) => $"{Year(year)}-{month:00}";

    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 week: weeks start on Monday and week 1 holds the year's first Thursday.</summary>
    public static string Week(DateOnly d) => $"{Year(ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)))}-W{ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)):00}";

    public static string Weekend(DateOnly d) => Week(d) + "-WE";

    /// <summary>ISO weekday number: Monday 1 … Sunday 7.</summary>
    public static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;

    /// <summary>True when (year, month, day) is a real date in the range we accept (years 1 … 9999).</summary>
    public static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    public static DateOnly? TryDate(int year, int month, int day) => IsValid(year, month, day) ? new DateOnly(year, month, day) : null;

    /// <summary>The latest <paramref name="day"/> on or before <paramref name="anchor"/>.</summary>
    public static DateOnly OnOrBefore(DateOnly anchor, DayOfWeek day) => anchor.AddDays(-(((int)anchor.DayOfWeek - (int)day + 7) % 7));

    /// <summary>The earliest <paramref name="day"/> on or after <paramref name="anchor"/>.</summary>
    public static DateOnly OnOrAfter(DateOnly anchor, DayOfWeek day) => anchor.AddDays(((int)day - (int)anchor.DayOfWeek + 7) % 7);

    public static string English(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static int? MonthNumber(string word)
    {
        if (word.Length < 3)
            return null;
        var key = word.TrimEnd('.').ToLowerInvariant();
        for (int i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(key, StringComparison.Ordinal) && (key.Length >= 3))
                return i + 1;
        }
        return null;
    }

    public static DayOfWeek? Weekday(string word)
    {
        if (word.Length < 3)
            return null;
        var key = word.TrimEnd('.').ToLowerInvariant();
        for (int i = 0; i < WeekdayNames.Length; i++)
        {
            if (WeekdayNames[i].StartsWith(key, StringComparison.Ordinal))
                return (DayOfWeek)i;
        }
        return null;
    }

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] WeekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>English cardinal and ordinal words up to ninety-nine; "a"/"an" count as one.</summary>
    public static int? Number(string word)
    {
        var w = word.ToLowerInvariant().Replace('‑', '-');
        if (int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            return n;
        if (w is "a" or "an" or "one")
            return 1;
        int dash = w.IndexOf('-');
        if (dash > 0 && Number(w[..dash]) is int tens && tens % 10 == 0 && tens >= 20 && Number(w[(dash + 1)..]) is int ones && ones < 10)
            return tens + ones;
        int i = Array.IndexOf(Units, w);
        if (i >= 0)
            return i;
        i = Array.IndexOf(Tens, w);
        return i >= 2 ? i * 10 : null;
    }

    private static readonly string[] Units =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
         "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static int? Ordinal(string word) => word.ToLowerInvariant() switch
    {
        "first" or "1st" => 1,
        "second" or "2nd" => 2,
        "third" or "3rd" => 3,
        "fourth" or "4th" => 4,
        _ => null,
    };
}
