using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>A publication date and where on the page it was read.</summary>
/// <param name="Date">The day.</param>
/// <param name="Note">Where it was read, and what else was passed over.</param>
/// <param name="Stamp">The machine-readable value it was read from, when there is one (its time of day and zone matter).</param>
internal readonly record struct FoundDate(DateOnly Date, string Note, string? Stamp = null);

/// <summary>
/// The original publication date of a page. The evidence is asked in order of trust, as htmldate orders it: a full
/// date in the URL path (set by the CMS when the article was first published, never rewritten by an update), the
/// declared publication date (meta in page order, then JSON-LD), machine-readable &lt;time&gt; and &lt;abbr&gt; stamps, then dates
/// printed in the byline and the text. Creation/modification dates only stand in when nothing says "published";
/// dates in comments, related-article lists and the footer belong to other texts and are read last, if at all.
/// The note says which evidence won and which other kinds of date the page carries were passed over, and why.
/// </summary>
internal static partial class PublishedDateFinder
{
    /// <summary>Meta names of the publication date (after htmldate's list, plus Dublin Core variants); the first one in the page's order wins.</summary>
    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "article.published",
        "published_time", "publish-date", "publishdate", "publish_date", "published-date", "publication_date", "pubdate",
        "parsely-pub-date", "sailthru.date", "article:publicationdate", "rnews:datepublished", "shareaholic:article_published_time",
        "bt:pubdate", "dateposted", "dc.date.issued", "dcterms.issued", "dc.date.publication", "dc.date.created", "article.created",
        "article:published", "date_published", "cxenseparse:recs:publishtime", "originalpublicationdate", "article_date_original",
        "citation_publication_date", "citation_date", "datecreated", "date", "dc.date", "dc:date", "dcterms.date", "dcterms.created",
        "dc.created", "dc:created", "created", "release_date",
    ];

    /// <summary>Meta names of the last update: a stand-in when nothing declares the publication.</summary>
    private static readonly string[] ModifiedMeta =
    [
        "article:modified_time", "og:modified_time", "og:article:modified_time", "datemodified", "modified_time", "dc.modified",
        "dcterms.modified", "og:updated_time", "updated_time", "dateupdate", "last-modified", "lastmod",
    ];

    /// <summary>Where a machine-readable publication date is, most explicit first: each selector is asked in turn, not their union in page order.</summary>
    private static readonly ISelector[] TimeSelectors =
    [
        PageIndex.Selector("[itemprop='datePublished']"),
        PageIndex.Selector("time[pubdate], time.published, .published time, time.entry-date, time[class*='publish'], [class*='publish'] time"),
        PageIndex.Selector("article time, header time, main time"),
        PageIndex.Selector("time"),
    ];

    private static readonly ISelector DatelineSelector = PageIndex.Selector(
        string.Join(", ", PageIndex.DatelineWords.Select(w => $"[class*='{w}']")) + ", [id*='date'], [id*='datum']");

    /// <summary>How much of the page text the last resorts read: the date of an article is printed near its top, but a long menu can come first.</summary>
    private const int MaxTextSearched = 100_000;

    /// <summary>A date this close after a cue word is the date the cue introduces.</summary>
    private const int CueWindow = 60;

    /// <summary>How far around the headline a printed date is the article's: bylines sit just above or below it.</summary>
    private const int HeadlineReachBefore = 300, HeadlineReachAfter = 1_500;

    public static FoundDate? Find(IDocument page, PageIndex index, Dictionary<string, string> meta, List<JsonElement> articles, string? uri)
    {
        var latest = PageDates.Tomorrow;
        var url = index.Canonical?.GetAttribute("href") ?? meta.GetValueOrDefault("og:url") ?? uri;
        var scope = new Scope(index, Headline(index));
        var declared = Declared(index, articles, latest);
        var modified = Modified(meta, articles, latest);
        var found = FromUrl(url, uri, latest)
            ?? LocalDay(declared ?? FromTimeElements(scope, latest), scope, meta, articles, latest)
            ?? FromAbbr(page, scope, latest)
            ?? StandIn(modified)
            ?? FromPrinted(page, scope, url, latest)
            ?? FromSource(page, index, latest);
        return found is { } f ? f with { Note = f.Note + PassedOver(f, declared, modified, meta) } : null;
    }

    /// <summary>
    /// What the finder reads the page with: its index and the headline. The containers around the headline are the
    /// article's own, whatever their class says: a layout wrapper named "article-with-sidebar" or a block named
    /// "widget" that holds the headline holds the article, not another text.
    /// </summary>
    private sealed class Scope(PageIndex index, IElement? headline)
    {
        private readonly HashSet<IElement> _wrappers = Ancestors(headline);

        public PageIndex Index { get; } = index;

        public IElement? Headline { get; } = headline;

        /// <summary>Whether an element, or one of its ancestors below the article's wrappers, holds another text than the article (a comment, a related article, the footer).</summary>
        public bool InOtherText(IElement e)
        {
            for (var a = e; a is not null && a.LocalName != "body"; a = a.ParentElement)
            {
                if (IsOtherText(a))
                    return true;
            }
            return false;
        }

        public bool IsOtherText(IElement e) =>
            !_wrappers.Contains(e)
            && (e.LocalName is "nav" or "aside" or "footer" or "form"
                || (e.GetAttribute("class") is { } c && OtherTextHint().IsMatch(c))
                || (e.GetAttribute("id") is { } id && OtherTextHint().IsMatch(id)));

        private static HashSet<IElement> Ancestors(IElement? e)
        {
            var set = new HashSet<IElement>();
            for (var a = e?.ParentElement; a is not null; a = a.ParentElement)
                set.Add(a);
            return set;
        }
    }

    private static FoundDate? StandIn(FoundDate? modified) =>
        modified is { } m ? m with { Note = m.Note + " (no publication date given)" } : null;

    private static FoundDate? FromUrl(string? url, string? uri, DateOnly latest)
    {
        if ((PageDates.FromUrl(url, latest) ?? PageDates.FromUrl(uri, latest)) is { } d)
            return new(d, "date in the URL");
        return null;
    }

    /// <summary>
    /// The publication date the page declares: the first published meta in the page's order, as htmldate reads the
    /// head (a page that writes both usually puts the one it means first), then JSON-LD datePublished. A meta written
    /// without a zone that names the same day as a JSON-LD stamp with one takes that stamp, so that its time zone is read.
    /// </summary>
    private static FoundDate? Declared(PageIndex index, List<JsonElement> articles, DateOnly latest)
    {
        var fromJson = FromJsonLd(articles, latest);
        if (FromMeta(index, latest) is not { } fromMeta)
            return fromJson;
        if (fromJson is { Stamp: { } zoned } json && json.Date == fromMeta.Date && HasZone(zoned) && fromMeta.Stamp is { } plain && !HasZone(plain))
            return fromMeta with { Stamp = zoned };
        return fromMeta;
    }

    /// <summary>The first &lt;meta&gt; in the page's order whose name, property or itemprop is a publication date's and whose content parses.</summary>
    private static FoundDate? FromMeta(PageIndex index, DateOnly latest)
    {
        foreach (var m in index.Metas)
        {
            var key = (m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop"))?.Trim().ToLowerInvariant();
            if (key is not null && PublishedNames.Contains(key) && m.GetAttribute("content") is { } value && PageDates.Parse(value, latest) is { } d)
                return new(d, $"<meta {key}>", value);
        }
        return null;
    }

    private static readonly HashSet<string> PublishedNames = [.. PublishedMeta];

    private static FoundDate? FromJsonLd(List<JsonElement> articles, DateOnly latest)
    {
        foreach (var a in articles)
        {
            var value = JsonLd.String(a, "datePublished");
            if (PageDates.Parse(value, latest) is { } d)
                return new(d, "JSON-LD datePublished", value);
        }
        return null;
    }

    private static bool HasZone(string stamp) => UtcTime().IsMatch(stamp) || LocalTime().IsMatch(stamp);

    /// <summary>
    /// A stamp in UTC ("…T03:22:07Z", "+00:00") names the UTC day, which is not the outlet's own day when it was
    /// written near midnight somewhere else: 03:22 UTC is the evening before in New York. The page prints the
    /// outlet's day for its readers, so a byline date one day off in the direction the time of day allows wins.
    /// </summary>
    private static FoundDate? LocalDay(FoundDate? stamped, Scope scope, Dictionary<string, string> meta, List<JsonElement> articles, DateOnly latest)
    {
        if (stamped is not { Stamp: { } stamp } found || UtcTime().Match(stamp) is not { Success: true } utc)
            return stamped;
        int hour = int.Parse(utc.Groups["h"].Value, CultureInfo.InvariantCulture), minute = int.Parse(utc.Groups["min"].Value, CultureInfo.InvariantCulture);
        // The page's other stamps name the outlet's zone when they carry one (a <time> or the update written "+11:00").
        if (OutletOffset(scope, meta, articles) is { } offset)
        {
            var local = found.Date.ToDateTime(new TimeOnly(hour, minute)).Add(offset);
            var day = DateOnly.FromDateTime(local);
            if (day == found.Date || !PageDates.Plausible(day, latest))
                return stamped;
            return new(day, $"{found.Note} {stamp.Trim()} is a UTC time; the page's other stamps are written in UTC{Offset(offset)}, the outlet's zone, where it is {Iso(day)}");
        }
        // West of Greenwich (down to UTC−12) a morning UTC time is the day before; east (up to UTC+14), an afternoon one is the day after.
        var other = hour < 12 ? found.Date.AddDays(-1) : found.Date.AddDays(1);
        if (FromByline(scope, latest) is { } printed && printed.Date == other)
            return new(other, $"{found.Note} {stamp.Trim()} is a UTC time; the byline prints {Iso(other)}, the outlet's own day");
        return stamped;
    }

    /// <summary>The first offset other than UTC written in the page's stamps: &lt;time datetime&gt;, the date metas, JSON-LD's dates.</summary>
    private static TimeSpan? OutletOffset(Scope scope, Dictionary<string, string> meta, List<JsonElement> articles)
    {
        foreach (var time in scope.Index.Times.Take(50))
        {
            if (ZoneOffset(time.GetAttribute("datetime") ?? time.GetAttribute("content")) is { } o)
                return o;
        }
        foreach (var key in PublishedMeta.Concat(ModifiedMeta))
        {
            if (meta.TryGetValue(key, out var v) && ZoneOffset(v) is { } o)
                return o;
        }
        foreach (var a in articles)
        {
            if ((ZoneOffset(JsonLd.String(a, "datePublished")) ?? ZoneOffset(JsonLd.String(a, "dateModified")) ?? ZoneOffset(JsonLd.String(a, "dateCreated"))) is { } o)
                return o;
        }
        return null;
    }

    /// <summary>The offset of an ISO stamp with a time of day ("…T05:30:00+11:00"), when it is not UTC and within the world's zones.</summary>
    private static TimeSpan? ZoneOffset(string? stamp)
    {
        if (stamp is null || LocalTime().Match(stamp) is not { Success: true } m)
            return null;
        var offset = new TimeSpan(int.Parse(m.Groups["oh"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["om"].Value, CultureInfo.InvariantCulture), 0);
        if (offset == TimeSpan.Zero || offset > TimeSpan.FromHours(14))
            return null;
        return m.Groups["sign"].Value == "-" ? -offset : offset;
    }

    private static string Offset(TimeSpan o) => (o < TimeSpan.Zero ? "−" : "+") + o.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The creation or last-update date the page declares (JSON-LD, meta).</summary>
    private static FoundDate? Modified(Dictionary<string, string> meta, List<JsonElement> articles, DateOnly latest)
    {
        foreach (var a in articles)
        {
            if (PageDates.Parse(JsonLd.String(a, "dateCreated") ?? JsonLd.String(a, "dateModified"), latest) is { } d)
                return new(d, "JSON-LD dateCreated/dateModified");
        }
        foreach (var key in ModifiedMeta)
        {
            if (meta.TryGetValue(key, out var v) && PageDates.Parse(v, latest) is { } d)
                return new(d, $"<meta {key}>");
        }
        return null;
    }

    private static FoundDate? FromTimeElements(Scope scope, DateOnly latest)
    {
        foreach (var selector in TimeSelectors)
        {
            foreach (var time in scope.Index.Matching(scope.Index.Times, selector))
            {
                if (IsUpdateStamp(time) || scope.InOtherText(time))
                    continue;
                var value = time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? PageMetadata.TextOf(time);
                if (PageDates.Parse(value, latest) is { } d)
                    return new(d, "<time> element", value);
            }
        }
        return null;
    }

    /// <summary>
    /// &lt;abbr class="published" title="2023-05-12"&gt; (the hAtom microformat of older blogs) and
    /// &lt;abbr data-utime="…"&gt; (a Unix time, as social widgets print it): the earliest is the original.
    /// </summary>
    private static FoundDate? FromAbbr(IDocument page, Scope scope, DateOnly latest)
    {
        DateOnly? earliest = null;
        foreach (var abbr in page.GetElementsByTagName("abbr").Take(200))
        {
            if (scope.InOtherText(abbr))
                continue;
            DateOnly? d = null;
            if (long.TryParse(abbr.GetAttribute("data-utime"), NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) && seconds is > 0 and < 253_402_300_800)
                d = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
            else if (abbr.ClassList.Contains("published") || abbr.ClassList.Contains("date-published"))
                d = PageDates.Parse(abbr.GetAttribute("title"), latest) ?? PageDates.Parse(PageMetadata.TextOf(abbr), latest);
            if (d is { } v && PageDates.Plausible(v, latest) && (earliest is null || v < earliest))
                earliest = v;
        }
        return earliest is { } e ? new(e, "<abbr> publication stamp") : null;
    }

    /// <summary>Dates printed for the reader: the byline, a date a cue introduces, the headline, the article text.</summary>
    private static FoundDate? FromPrinted(IDocument page, Scope scope, string? url, DateOnly latest)
    {
        if (FromByline(scope, latest) is { } byline)
            return byline;
        if (page.Body is not { } body)
            return null;
        var index = scope.Index;
        var (articleText, headlineAt) = ArticleText(body, scope);
        foreach (Match cue in PublishedCue().Matches(articleText).Take(50))
        {
            var window = articleText.Substring(cue.Index, Math.Min(CueWindow, articleText.Length - cue.Index));
            if (PageDates.OriginalInText(window, latest) is { } introduced)
                return new(introduced, $"date printed after \"{cue.Value}\"");
        }
        foreach (var e in index.Headlines.Where(h => h.LocalName == "h1").Append(index.TitleElement).OfType<IElement>())
        {
            if (PageDates.FindInText(PageMetadata.TextOf(e, 300), latest) is { } d)
                return new(d, $"date in the <{e.LocalName}>");
        }
        var printed = PageDates.AllInText(articleText, latest);
        if (printed.Count == 0)
            return null;
        // The URL's month folders (/2023/12/) bound the day when the URL gives no day.
        var month = PageDates.MonthFromUrl(url);
        var fitting = month is { } ym ? printed.Where(p => p.Date.Year == ym.Year && p.Date.Month == ym.Month).ToList() : printed;
        if (fitting.Count == 0)
            fitting = printed;
        int near = headlineAt < 0 ? -1 : fitting.FindIndex(p => p.Index >= headlineAt - HeadlineReachBefore && p.Index <= headlineAt + HeadlineReachAfter);
        if (near >= 0)
            return new(fitting[near].Date, "date printed next to the headline" + (month is null || fitting == printed ? "" : ", in the URL's month"));
        return new(fitting[0].Date, "first date printed in the article text (weak)" + (month is null || fitting == printed ? "" : ", in the URL's month"));
    }

    /// <summary>The original date printed in the first byline-like element that has one (class or id naming a date, time, byline or post metadata).</summary>
    private static FoundDate? FromByline(Scope scope, DateOnly latest)
    {
        foreach (var e in scope.Index.Matching(scope.Index.Datelines, DatelineSelector).Take(30))
        {
            if (scope.InOtherText(e))
                continue;
            var text = PageMetadata.TextOf(e);
            if (text.Length < 200 && PageDates.OriginalInText(text, latest) is { } d)
                return new(d, "date printed in the byline");
        }
        return null;
    }

    /// <summary>Last resorts: a datePublished in a script the JSON-LD reader could not parse, a timestamp in the page source, a date in the og:image URL, the first date of the whole page.</summary>
    private static FoundDate? FromSource(IDocument page, PageIndex index, DateOnly latest)
    {
        foreach (var script in index.JsonLdScripts)
        {
            if (ScriptPublished().Match(script.TextContent) is { Success: true } m && PageDates.Parse(m.Groups["d"].Value, latest) is { } d)
                return new(d, "datePublished in a script");
        }
        var source = page.Source.Text;
        foreach (Match m in Timestamp().Matches(source.Length > 2_000_000 ? source[..2_000_000] : source).Take(50))
        {
            if (PageDates.Parse(m.Groups["d"].Value, latest) is { } d)
                return new(d, "first timestamp in the page source (weak)");
        }
        foreach (var m in index.Metas)
        {
            if (string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), "og:image", StringComparison.OrdinalIgnoreCase)
                && PageDates.FromUrl(m.GetAttribute("content"), latest) is { } d)
                return new(d, "date in the og:image URL (weak)");
        }
        if (page.Body is { } body && PageDates.AllInText(PageMetadata.TextOf(body, MaxTextSearched), latest) is [var first, ..])
            return new(first.Date, "first date printed on the page, outside the article (weak)");
        return MostFrequentInSource(source, latest);
    }

    /// <summary>
    /// When the page prints no date at all, the full dates its source writes elsewhere (links to its own address
    /// /2019/05/12/, file names, attributes) say when it was made, as htmldate's last resort reads them: the
    /// most frequent, and of equally frequent ones the earliest, since later ones are comments and updates.
    /// </summary>
    private static FoundDate? MostFrequentInSource(string source, DateOnly latest)
    {
        var counts = new Dictionary<DateOnly, int>();
        foreach (Match m in SourceDate().Matches(source.Length > 2_000_000 ? source[..2_000_000] : source).Take(1_000))
        {
            if (PageDates.Parse(m.Value, latest) is { } d)
                counts[d] = counts.GetValueOrDefault(d) + 1;
        }
        if (counts.Count == 0)
            return null;
        var (date, count) = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First();
        return new(date, $"the most frequent date in the page source, {count}× (weak)");
    }

    /// <summary>The printed headline: the &lt;h1&gt; of the article when there is one, else the first.</summary>
    private static IElement? Headline(PageIndex index)
    {
        var h1s = index.Headlines.Where(h => h.LocalName == "h1").ToList();
        return h1s.FirstOrDefault(h => h.Closest("article, main") is not null) ?? h1s.FirstOrDefault();
    }

    /// <summary>
    /// The page text in reading order without the parts that hold other texts' dates (comments, related and
    /// recommended articles, sidebars, navigation, the footer's copyright), and where the headline starts in it (−1 if not at all).
    /// </summary>
    private static (string Text, int HeadlineAt) ArticleText(IElement body, Scope scope)
    {
        var headline = scope.Headline;
        var sb = new StringBuilder();
        int headlineAt = -1;
        var stack = new Stack<INode?>();
        stack.Push(body);
        while (stack.Count > 0 && sb.Length < MaxTextSearched)
        {
            var n = stack.Pop();
            if (n is IText t)
            {
                sb.Append(t.Data).Append(' ');
                continue;
            }
            if (n is not IElement el || el.LocalName is "script" or "style" or "noscript" or "template" || (el != body && scope.IsOtherText(el)))
                continue;
            if (el == headline)
                headlineAt = sb.Length;
            PageMetadata.PushChildren(stack, el);
        }
        return (sb.ToString(), headlineAt);
    }

    /// <summary>
    /// Says what other kinds of date the page carries and why they lost: the declared publication date when the
    /// URL outranked it, the last update, a footer copyright year.
    /// </summary>
    private static string PassedOver(FoundDate chosen, FoundDate? declared, FoundDate? modified, Dictionary<string, string> meta)
    {
        var parts = new List<string>();
        if (declared is { } p && p.Date != chosen.Date && chosen.Note.StartsWith("date in the URL", StringComparison.Ordinal))
            parts.Add($"{p.Note} {Iso(p.Date)} passed over (the URL is written at first publication, a declared date can be a republication)");
        if (modified is { } m && m.Date != chosen.Date && !chosen.Note.StartsWith(m.Note, StringComparison.Ordinal))
            parts.Add($"{m.Note} {Iso(m.Date)} passed over (an update, not the first publication)");
        if (meta.TryGetValue("copyrightyear", out var year) && year.Trim() != chosen.Date.Year.ToString(CultureInfo.InvariantCulture))
            parts.Add($"copyright year {year.Trim()} passed over (a year, not a publication day)");
        if (chosen.Note.Contains("printed", StringComparison.Ordinal) && !chosen.Note.Contains("byline", StringComparison.Ordinal))
            parts.Add("dates in comments, related articles and the footer not read");
        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A &lt;time&gt; that says it is the last update ("updated", "modified" in its class, itemprop or its parent's class).</summary>
    private static bool IsUpdateStamp(IElement time)
    {
        static bool Says(string? s) => s is not null && (s.Contains("updat", StringComparison.OrdinalIgnoreCase) || s.Contains("modif", StringComparison.OrdinalIgnoreCase));
        return Says(time.GetAttribute("class")) || Says(time.GetAttribute("itemprop")) || Says(time.ParentElement?.GetAttribute("class"));
    }

    /// <summary>
    /// Class and id words of containers whose dates belong to other texts than the article. A footer of the
    /// headline block ("headline__footer", "article-header-footer") is the byline, not the page's or the article's footer.
    /// </summary>
    [GeneratedRegex(@"comment|kommentar|related|recommend|sidebar|widget|(?<!(headline|header|title|byline)[\w-]*)footer|most-?(read|popular)|trending|more-?(stories|news|articles)|teaser|archive|(^|[\s_-])nav([\s_-]|$)|menu", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherTextHint();

    /// <summary>Words that introduce a publication date in the page text (en, de, fr, es, pt, it, ru; German "Datum:"/"Stand:" as htmldate reads them).</summary>
    [GeneratedRegex(@"\b(published|posted|veröffentlicht|publiziert|erstellt|publié le|publicado|pubblicato|опубликовано|date|datum)\b|\bStand:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedCue();

    /// <summary>The time of day of an ISO stamp in UTC: "T03:22:07Z", "T03:22:07.074+00:00", "03:22 GMT".</summary>
    [GeneratedRegex(@"\d[T ](?<h>[0-2]\d):(?<min>[0-5]\d)(:[0-5]\d(\.\d+)?)?\s*(Z|[+-]00:?00|\s*(GMT|UTC))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UtcTime();

    /// <summary>The zone offset of an ISO stamp with a time of day: "T05:30:00+11:00", "T22:57-0500".</summary>
    [GeneratedRegex(@"\d[T ][0-2]\d:[0-5]\d(:[0-5]\d(\.\d+)?)?(?<sign>[+-])(?<oh>[01]\d):?(?<om>[0-5]\d)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalTime();

    /// <summary>"datePublished": "2023-05-12…" in a script's text, parsed or not.</summary>
    [GeneratedRegex(@"""datePublished""\s*:\s*""(?<d>\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptPublished();

    /// <summary>A full year-first date with one separator throughout: 2019-05-12, 2019/05/12, 2019.05.12.</summary>
    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?<sep>[-/.])[01]\d\k<sep>[0-3]\d(?!\d)")]
    private static partial Regex SourceDate();

    /// <summary>A full timestamp (date and time of day to the second) anywhere in the source, as CMSs write them into attributes and scripts.</summary>
    [GeneratedRegex(@"(?<d>\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4})[T ]\d{2}:\d{2}:\d{2}")]
    private static partial Regex Timestamp();
}
