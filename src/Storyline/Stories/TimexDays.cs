using System.Globalization;

namespace Storyline.Stories;

/// <summary>The range of days a TIMEX3 date value covers: <c>2025-12-04</c>, <c>2025-12</c>, <c>2025</c>.</summary>
public static class TimexDays
{
    /// <summary>False for values that name no calendar range we compare (weeks, durations, PRESENT_REF, null).</summary>
    public static bool TryParse(string? value, out DateOnly first, out DateOnly last)
    {
        first = last = default;
        if (value is null)
            return false;
        var c = CultureInfo.InvariantCulture;
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", c, DateTimeStyles.None, out first))
        {
            last = first;
            return true;
        }
        if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", c, DateTimeStyles.None, out first))
        {
            last = first.AddMonths(1).AddDays(-1);
            return true;
        }
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, c, out int year) && year is >= 1 and <= 9999)
        {
            first = new DateOnly(year, 1, 1);
            last = new DateOnly(year, 12, 31);
            return true;
        }
        return false;
    }

    /// <summary>Days between two ranges: 0 when they overlap.</summary>
    public static int Gap(DateOnly aFirst, DateOnly aLast, DateOnly bFirst, DateOnly bLast) =>
        aLast < bFirst ? bFirst.DayNumber - aLast.DayNumber
        : bLast < aFirst ? aFirst.DayNumber - bLast.DayNumber
        : 0;
}
