using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Decides whether "4/12" means 4 December or April 12 in a document. Evidence, strongest first: a numeric date
/// whose printed weekday fits only one reading; the origin of the source (a US site writes month/day); the way the
/// document writes dates in words ("4 December" against "December 4"); else day/month, the order most of the
/// world uses.
/// </summary>
internal static class DateOrder
{
    public static bool DayFirst(Document d, IReadOnlyList<TimexMention> mentions)
    {
        var years = mentions.Select(m => m.Spec switch { CalendarSpec { Year: int y } => y, NumericDateSpec { Year: int y } => y, _ => 0 })
            .Where(y => y > 0).Distinct().ToList();
        int votes = 0;
        foreach (var n in mentions.Select(m => m.Spec).OfType<NumericDateSpec>())
        {
            if (n.Weekday is null)
                continue;
            var readings = n.Readings(n.Year is int y ? [y] : years.SelectMany(x => new[] { x, x + 1 })).Select(r => r.DayFirst).Distinct().ToList();
            if (readings.Count == 1)
                votes += readings[0] ? 1 : -1;
        }
        if (votes != 0)
            return votes > 0;
        if (Origin(d.Metadata.SourceUri) is bool origin)
            return origin;
        int dayMonth = 0, monthDay = 0;
        foreach (var m in mentions)
        {
            if (m.Spec is CalendarSpec { Day: not null })
            {
                // "4 December" starts with its day (after any weekday); "December 4" with its month.
                var words = m.Span.Of(d.Text).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
                var first = words.FirstOrDefault(w => Calendar.Weekday(w) is null || w.Length > 0 && char.IsDigit(w[0])) ?? "";
                if (first.Length > 0 && char.IsDigit(first[0]))
                    dayMonth++;
                else
                    monthDay++;
            }
        }
        if (dayMonth != monthDay)
            return dayMonth > monthDay;
        return d.Metadata.Language is not { } lang || !lang.StartsWith("en-us", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Month/day for US sites (a .us domain or a known US convention in the language tag); null when unknown.</summary>
    private static bool? Origin(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var u) || u.IsFile)
            return null;
        var host = u.Host;
        if (host.EndsWith(".us", StringComparison.OrdinalIgnoreCase))
            return false;
        int dot = host.LastIndexOf('.');
        var tld = dot < 0 ? "" : host[(dot + 1)..];
        // A country-code domain other than .us means a day/month country (the month-first countries are few: US, and
        // partly Canada and the Philippines).
        return tld.Length == 2 && tld is not ("ca" or "ph" or "io" or "co" or "tv" or "me" or "ai") ? true : null;
    }
}
