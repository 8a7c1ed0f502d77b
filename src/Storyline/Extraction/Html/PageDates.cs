using System.Globalization;
using System.Text.RegularExpressions;

namespace Storyline.Extraction.Html;

/// <summary>Reads the dates pages print: ISO 8601 and its variants, numeric day-month-year, and month names in the main European languages.</summary>
internal static partial class PageDates
{
    /// <summary>Dates before this are not web publication dates (a birth date, a history).</summary>
    private static readonly DateOnly Earliest = new(1995, 1, 1);

    /// <summary>Today by the clock, plus a day of slack for time zones: no page is published after it is read.</summary>
    public static DateOnly Tomorrow => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    /// <summary>
    /// The date a value writes, or null. <paramref name="latest"/> is the latest plausible date (later ones are
    /// rejected) and the reference a two-digit year is resolved against; by default tomorrow.
    /// </summary>
    public static DateOnly? Parse(string? value, DateOnly? latest = null)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        value = value.Trim();
        var reference = latest ?? Tomorrow;
        DateOnly? found = null;
        if (Iso().Match(value) is { Success: true } iso)
            found = Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, reference);
        else if (Compact().Match(value) is { Success: true } compact)
            found = Make(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value, reference);
        else if (NamedMonth().Match(value) is { Success: true } named)
            found = FromNamed(named, reference);
        else if (MonthFirst().Match(value) is { Success: true } us)
            found = FromNamed(us, reference);
        else if (Cjk().Match(value) is { Success: true } cjk)
            found = Make(cjk.Groups["y"].Value, cjk.Groups["m"].Value, cjk.Groups["d"].Value, reference);
        else if (Numeric().Match(value) is { Success: true } num)
            found = FromNumeric(num, reference);
        else if (ShortNumeric().Match(value) is { Success: true } shortYear)
            found = FromNumeric(shortYear, reference);
        return found is { } f && Plausible(f, reference) ? f : null;
    }

    /// <summary>A web publication date: not before the web (1995), not after the reference date.</summary>
    public static bool Plausible(DateOnly date, DateOnly latest) => date >= Earliest && date <= latest;

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
        // "Fri 22 Dec 2023, first published on Thu 21 Dec 2023": the page prints the update first and says which is the original.
        foreach (var (date, index) in dates)
        {
            if (FirstPublishedCue().IsMatch(text[Math.Max(0, index - UpdateCueReach)..index]))
                return date;
        }
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

    /// <summary>Words that name a date as the first publication, among others (en, de, fr, es, pt).</summary>
    [GeneratedRegex(@"\b(first|originally)\s+(published|posted)|erstmals veröffentlicht|ursprünglich veröffentlicht|publié pour la première fois|publicado originalmente", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstPublishedCue();

    [GeneratedRegex(@"\b(published|posted|veröffentlicht|erstellt|publié|publicado|pubblicato|опубликовано|опубліковано)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedWord();

    /// <summary>
    /// A full date in the URL path, which the CMS writes at first publication: /2023/05/12/, /2023-05-12-,
    /// /2023/dec/21/, a packed /20230512/, or a month folder whose file name starts with the same year and month
    /// (/2023/12/231213112457.htm). A slash date must end its segment (/2023/12/16-new-officers is a headline that
    /// starts with a number), and a packed date followed by an id (-20231218-p5es82) is the CMS's story key, not
    /// the publication day.
    /// </summary>
    public static DateOnly? FromUrl(string? url, DateOnly? latest = null)
    {
        if (url is null)
            return null;
        var reference = latest ?? Tomorrow;
        DateOnly? found = null;
        if (UrlDate().Match(url) is { Success: true } m)
            found = Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, reference);
        else if (UrlNamedMonthDate().Match(url) is { Success: true } named && IsMonthWord(named.Groups["mon"].Value))
            found = FromNamed(named, reference);
        else if (UrlMonthAndStamp().Match(url) is { Success: true } stamp && stamp.Groups["yy"].Value == stamp.Groups["y"].Value[2..] && stamp.Groups["m2"].Value == stamp.Groups["m"].Value)
            found = Make(stamp.Groups["y"].Value, stamp.Groups["m"].Value, stamp.Groups["d"].Value, reference);
        else if (PackedUrlDate().Match(url) is { Success: true } packed)
            found = Make(packed.Groups["y"].Value, packed.Groups["m"].Value, packed.Groups["d"].Value, reference);
        return found is { } f && Plausible(f, reference) ? f : null;
    }

    /// <summary>A URL folder that names a month: an abbreviation ("dec", "sept") or an English month name, not any word that starts like one ("market").</summary>
    private static bool IsMonthWord(string word) =>
        MonthNumber(word) is { } month && (word.Length <= 4 || string.Equals(word, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month), StringComparison.OrdinalIgnoreCase));

    /// <summary>The year and month of a URL's date folders (/2023/12/), when it has no full date: a bound, not a date.</summary>
    public static (int Year, int Month)? MonthFromUrl(string? url)
    {
        if (url is null || UrlMonth().Match(url) is not { Success: true } m)
            return null;
        int year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 ? (year, month) : null;
    }

    /// <summary>Day first, as Europe writes it; a month over 12 makes it month first (12/22/2023 is 22 December).</summary>
    private static DateOnly? FromNumeric(Match m, DateOnly reference) =>
        Make(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, reference) ?? Make(m.Groups["y"].Value, m.Groups["d"].Value, m.Groups["m"].Value, reference);

    private static DateOnly? Make(string y, string m, string d, DateOnly reference)
    {
        if (!int.TryParse(y, CultureInfo.InvariantCulture, out int year) || !int.TryParse(m, CultureInfo.InvariantCulture, out int month) || !int.TryParse(d, CultureInfo.InvariantCulture, out int day))
            return null;
        if (month is < 1 or > 12 || day < 1 || year is < 0 or > 9999)
            return null;
        if (year < 100)
            year = FullYear(year, month, day, reference);
        if (year < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// A two-digit year is of the century that puts the date closest to the reference without passing it: with a
    /// reference in 2026, "12.05.26" is 2026, "12.05.98" is 1998 and "12.05.27" is 1927 (which no web page is).
    /// </summary>
    internal static int FullYear(int twoDigits, int month, int day, DateOnly reference)
    {
        int year = reference.Year / 100 * 100 + twoDigits;
        // Compared as (year, month, day) so that 29 February of a year not yet chosen needs no DateOnly.
        if ((year, month, day).CompareTo((reference.Year, reference.Month, reference.Day)) > 0)
            year -= 100;
        return year;
    }

    private static DateOnly? FromNamed(Match m, DateOnly reference)
    {
        var month = MonthNumber(m.Groups["mon"].Value);
        return month is null ? null : Make(m.Groups["y"].Value, month.Value.ToString(CultureInfo.InvariantCulture), m.Groups["d"].Value, reference);
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

    /// <summary>Year first: 2023-05-12, and with the same slash or dot throughout, 2023/05/12 and 2023.05.12 (as East Asia and Hungary print it).</summary>
    [GeneratedRegex(@"(?<!\d)(?<y>(19|20)\d{2})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d|\.\d)")]
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

    /// <summary>/2023/05/12/ (the day ends its segment) or /2023-05-12- (the date starts a slug).</summary>
    [GeneratedRegex(@"/(?<y>(19|20)\d{2})(/(?<m>[01]?\d)/(?<d>[0-3]?\d)(?=[/_.?#]|$)|-(?<m>[01]?\d)-(?<d>[0-3]?\d)(?=[/_.?#-]|$))")]
    private static partial Regex UrlDate();

    /// <summary>/2023/dec/21/: a month name between year and day folders.</summary>
    [GeneratedRegex(@"/(?<y>(19|20)\d{2})/(?<mon>[a-z]{3,9})/(?<d>[0-3]?\d)(?=[/_.?#]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlNamedMonthDate();

    /// <summary>/2023/12/231213112457.htm: a month folder, then a file named by a yymmdd stamp.</summary>
    [GeneratedRegex(@"/(?<y>(19|20)\d{2})/(?<m>[01]\d)/(?<yy>\d{2})(?<m2>[01]\d)(?<d>[0-3]\d)")]
    private static partial Regex UrlMonthAndStamp();

    /// <summary>/2023/12/ or /2023-12/ as folders: year and month only.</summary>
    [GeneratedRegex(@"/(?<y>(19|20)\d{2})[/-](?<m>[01]\d)(?=/)")]
    private static partial Regex UrlMonth();

    /// <summary>A date packed into one URL segment: /20230512/, -20230512-, _20230512.html (eight digits, no more), not followed by an id with digits.</summary>
    [GeneratedRegex(@"[/_-](?<y>(19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?=[/_.?#]|$|-[^/_.?#\d-]*([/_.?#-]|$))")]
    private static partial Regex PackedUrlDate();

    /// <summary>Two-digit years, day first with dots (12.05.23, as German and Russian bylines print it) or with slashes (12/22/23).</summary>
    [GeneratedRegex(@"(?<![\d./])(?<d>\d{1,2})(?<sep>[./])(?<m>\d{1,2})\k<sep>(?<y>\d{2})(?![\d./])")]
    private static partial Regex ShortNumeric();
}
