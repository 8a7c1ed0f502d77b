using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Extraction.Html;

/// <summary>Reads the dates pages print: ISO 8601 and its variants, numeric day-month-year, and month names in the main European languages.</summary>
internal static partial class PageDates
{
    /// <summary>Dates before this are not web publication dates (a birth date, a history).</summary>
    private static readonly DateOnly Earliest = new(1995, 1, 1);

    public static DateOnly? Parse(string? value, DateOnly? latest = null)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        DateOnly? found = null;
        if (Iso().Match(value) is { Success: true } iso)
            found = Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        else if (Compact().Match(value) is { Success: true } compact)
            found = Make(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value);
        else if (NamedMonth().Match(value) is { Success: true } named)
            found = FromNamed(named);
        else if (MonthFirst().Match(value) is { Success: true } us)
            found = FromMonthFirst(us);
        else if (Cjk().Match(value) is { Success: true } cjk)
            found = Make(cjk.Groups["y"].Value, cjk.Groups["m"].Value, cjk.Groups["d"].Value);
        else if (Numeric().Match(value) is { Success: true } num)
            found = FromNumeric(num);
        else if (ShortNumeric().Match(value) is { Success: true } shortYear)
            found = FromNumeric(shortYear);
        if (found is { } f && (f < Earliest || (latest is { } l && f > l)))
            return null;
        return found;
    }

    /// <summary>The first date written in running text (a byline, "Published 3 March 2023").</summary>
    public static DateOnly? FindInText(string text, DateOnly? latest = null) =>
        AllInText(text, latest, shortYears: true) is [var first, ..] ? first.Date : null;

    /// <summary>
    /// Every date written in running text, in reading order (overlapping readings of the same characters give one).
    /// Two-digit years ("12.05.23") are read only where a date is expected (a byline, after "published"): in the
    /// running text of a page they are as often scores, versions and prices.
    /// </summary>
    public static List<(DateOnly Date, int Index)> AllInText(string text, DateOnly? latest = null, bool shortYears = false)
    {
        var found = new List<(DateOnly Date, int Index, int End)>();
        foreach (var regex in shortYears ? ShortYearReaders : Readers)
        {
            foreach (Match m in regex.Matches(text))
            {
                if (!found.Any(f => m.Index < f.End && f.Index < m.Index + m.Length) && Parse(m.Value, latest) is { } d)
                    found.Add((d, m.Index, m.Index + m.Length));
            }
        }
        return [.. found.OrderBy(f => f.Index).Select(f => (f.Date, f.Index))];
    }

    /// <summary>The forms running text is searched for, most explicit first: where two readings overlap, the first wins.</summary>
    private static readonly Regex[] Readers = [Iso(), NamedMonth(), MonthFirst(), Cjk(), Numeric()];

    private static readonly Regex[] ShortYearReaders = [.. Readers, ShortNumeric()];

    /// <summary>
    /// The original date among the dates of a byline: "Updated 5 May 2023, first published 2 May 2023" gives 2 May.
    /// A date that an update cue introduces is skipped; when every date is an update, the earliest is the best guess.
    /// </summary>
    public static DateOnly? OriginalInText(string text, DateOnly? latest = null)
    {
        var dates = AllInText(text, latest, shortYears: true);
        if (dates.Count == 0)
            return null;
        foreach (var (date, index) in dates)
        {
            var before = text[Math.Max(0, index - UpdateCueReach)..index];
            var cue = UpdateCue().Match(before);
            // Only the nearest cue counts: "Updated 5 May, published 2 May" has "published" between the update cue and 2 May.
            if (!cue.Success || PublishedWord().IsMatch(before[(cue.Index + cue.Length)..]))
                return date;
        }
        return dates.Min(d => d.Date);
    }

    /// <summary>How far before a date an update cue still introduces it ("Updated on Tuesday, 5 May 2023").</summary>
    private const int UpdateCueReach = 40;

    /// <summary>Words that say a date is an update (en, de, fr, es, pt, it, ru, uk).</summary>
    private const string UpdateWords = "updated?|last modified|modified|aktualisiert|geändert|mis à jour|actualizado|atualizado|aggiornato|обновлено|оновлено";

    /// <summary>The last update word of a text: one not followed by another.</summary>
    [GeneratedRegex(@"\b(" + UpdateWords + @")\b(?!.*\b(" + UpdateWords + @")\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex UpdateCue();

    [GeneratedRegex(@"\b(published|posted|veröffentlicht|erstellt|publié|publicado|pubblicato|опубликовано|опубліковано)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedWord();

    /// <summary>A date in the URL path: /2023/05/12/ or /2023-05-12-.</summary>
    public static DateOnly? FromUrl(string? url)
    {
        if (url is null)
            return null;
        var m = UrlDate().Match(url);
        if (!m.Success)
            m = PackedUrlDate().Match(url);
        return m.Success ? Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) : null;
    }

    /// <summary>Day first, as Europe writes it; a month over 12 makes it month first (12/22/2023 is 22 December).</summary>
    private static DateOnly? FromNumeric(Match m) =>
        Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value) ?? Make(m.Groups["y"].Value, m.Groups["d"].Value, m.Groups["m"].Value);

    private static DateOnly? Make(string y, string m, string d)
    {
        if (!int.TryParse(y, CultureInfo.InvariantCulture, out int year) || !int.TryParse(m, CultureInfo.InvariantCulture, out int month) || !int.TryParse(d, CultureInfo.InvariantCulture, out int day))
            return null;
        // A two-digit year is of this century unless that puts it in the future ("12.05.98" is 1998).
        if (year < 100)
            year += year + 2000 > DateTime.UtcNow.Year + 1 ? 1900 : 2000;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2000, month) || year is < 1 or > 9999)
            return null;
        return new DateOnly(year, month, day);
    }

    private static DateOnly? FromNamed(Match m)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        return month is null ? null : Make(m.Groups["y"].Value, month.Value.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value);
    }

    private static DateOnly? FromMonthFirst(Match m)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        return month is null ? null : Make(m.Groups["y"].Value, month.Value.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value);
    }

    internal static int? MonthNumber(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        foreach (var (prefix, month) in MonthPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
                return month;
        }
        return null;
    }

    /// <summary>Month names by their shortest unambiguous prefix, in en, de, fr, es, pt, it, nl, ru, uk; the first matching row wins.</summary>
    private static readonly (string Prefix, int Month)[] MonthPrefixes =
    [
        ("jan", 1), ("ene", 1), ("gen", 1), ("janv", 1), ("янв", 1), ("січ", 1),
        ("feb", 2), ("fév", 2), ("fev", 2), ("févr", 2), ("фев", 2), ("лют", 2),
        ("mär", 3), ("mar", 3), ("мар", 3), ("бер", 3),
        ("apr", 4), ("avr", 4), ("abr", 4), ("апр", 4), ("кві", 4),
        ("may", 5), ("mai", 5), ("mag", 5), ("mei", 5), ("мая", 5), ("май", 5), ("тра", 5),
        ("jun", 6), ("juin", 6), ("giu", 6), ("июн", 6), ("чер", 6),
        ("jul", 7), ("juil", 7), ("lug", 7), ("июл", 7), ("лип", 7),
        ("aug", 8), ("aoû", 8), ("ago", 8), ("авг", 8), ("сер", 8),
        ("sep", 9), ("set", 9), ("сен", 9), ("вер", 9),
        ("oct", 10), ("okt", 10), ("out", 10), ("ott", 10), ("окт", 10), ("жов", 10),
        ("nov", 11), ("ноя", 11), ("лис", 11),
        ("dec", 12), ("dez", 12), ("déc", 12), ("dic", 12), ("дек", 12), ("гру", 12),
    ];

    [GeneratedRegex(@"(?<!\d)(?<y>(19|20)\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<y>(19|20)\d{2})(?<m>\d{2})(?<d>\d{2})(\D|$)")]
    private static partial Regex Compact();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})(st|nd|rd|th|er|\.|º)?\s*(de\s+)?(?<mon>[\p{L}]{3,10}\.?)\s*(de\s+)?,?\s*(?<y>(19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedMonth();

    [GeneratedRegex(@"(?<mon>[\p{L}]{3,10}\.?)\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>(19|20)\d{2})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthFirst();

    /// <summary>Chinese and Japanese: 2023年5月12日.</summary>
    [GeneratedRegex(@"(?<y>(19|20)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日")]
    private static partial Regex Cjk();

    /// <summary>Day first, as Europe writes it (12.05.2023, 12/05/2023); a month over 12 makes it month first.</summary>
    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})[./](?<m>\d{1,2})[./](?<y>(19|20)\d{2})(?!\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"/(?<y>(19|20)\d{2})[/-](?<m>[01]?\d)[/-](?<d>[0-3]?\d)(/|-|_|\.|$)")]
    private static partial Regex UrlDate();

    /// <summary>A date packed into one URL segment: /20230512/, -20230512-, _20230512.html (eight digits, no more).</summary>
    [GeneratedRegex(@"[/_-](?<y>(19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?=[/_.-]|$)")]
    private static partial Regex PackedUrlDate();

    /// <summary>Two-digit years, day first with dots (12.05.23, as German and Russian bylines print it) or with slashes (12/22/23).</summary>
    [GeneratedRegex(@"(?<![\d./])(?<d>\d{1,2})(?<sep>[./])(?<m>\d{1,2})\k<sep>(?<y>\d{2})(?![\d./])")]
    private static partial Regex ShortNumeric();
}
