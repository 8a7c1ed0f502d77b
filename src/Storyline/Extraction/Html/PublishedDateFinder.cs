using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>A publication date and where on the page it was read.</summary>
internal readonly record struct FoundDate(DateOnly Date, string Note);

/// <summary>
/// The original publication date of a page. The evidence is asked in order of trust, as htmldate orders it: a full
/// date in the URL path (set by the CMS when the article was first published, never rewritten by an update), the
/// declared publication date (JSON-LD, meta), machine-readable &lt;time&gt; elements, then dates printed in the
/// byline and the text. Creation/modification dates only stand in when nothing says "published".
/// </summary>
internal static partial class PublishedDateFinder
{
    /// <summary>Meta names of the publication date, most specific first; the first one present wins.</summary>
    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "article.published",
        "published_time", "publish-date", "publishdate", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "dc.date.created", "article:published", "date_published", "cxenseparse:recs:publishtime",
        "originalpublicationdate", "article_date_original", "citation_publication_date", "citation_date", "date", "dc.date",
        "dcterms.date", "dcterms.created", "created", "release_date",
    ];

    private static readonly string[] ModifiedMeta = ["article:modified_time", "og:modified_time", "datemodified", "last-modified", "dcterms.modified", "lastmod", "og:updated_time"];

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

    public static FoundDate? Find(IDocument page, PageIndex index, Dictionary<string, string> meta, List<JsonElement> articles, string? uri)
    {
        var url = index.Canonical?.GetAttribute("href") ?? meta.GetValueOrDefault("og:url") ?? uri;
        if (PageDates.FromUrl(url) is { } fromUrl)
            return new(fromUrl, "date in the URL");
        foreach (var a in articles)
        {
            if (PageDates.Parse(JsonLd.String(a, "datePublished")) is { } d)
                return new(d, "JSON-LD datePublished");
        }
        foreach (var key in PublishedMeta)
        {
            if (meta.TryGetValue(key, out var v) && PageDates.Parse(v) is { } d)
                return new(d, $"<meta {key}>");
        }
        foreach (var selector in TimeSelectors)
        {
            foreach (var time in index.Matching(index.Times, selector))
            {
                if (IsUpdateStamp(time))
                    continue;
                var value = time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? PageMetadata.TextOf(time);
                if (PageDates.Parse(value) is { } d)
                    return new(d, "<time> element");
            }
        }
        foreach (var a in articles)
        {
            if (PageDates.Parse(JsonLd.String(a, "dateCreated") ?? JsonLd.String(a, "dateModified")) is { } d)
                return new(d, "JSON-LD dateCreated/dateModified (no publication date given)");
        }
        foreach (var key in ModifiedMeta)
        {
            if (meta.TryGetValue(key, out var v) && PageDates.Parse(v) is { } d)
                return new(d, $"<meta {key}> (no publication date given)");
        }
        foreach (var e in index.Matching(index.Datelines, DatelineSelector).Take(30))
        {
            var text = PageMetadata.TextOf(e);
            if (text.Length < 200 && PageDates.OriginalInText(text) is { } d)
                return new(d, "date printed in the byline");
        }
        if (page.Body is not { } body)
            return null;
        var bodyText = PageMetadata.TextOf(body, MaxTextSearched);
        foreach (Match cue in PublishedCue().Matches(bodyText).Take(50))
        {
            if (PageDates.FindInText(bodyText.Substring(cue.Index, Math.Min(CueWindow, bodyText.Length - cue.Index))) is { } near)
                return new(near, $"date printed after \"{cue.Value}\"");
        }
        var printed = PageDates.AllInText(bodyText, Tomorrow());
        return printed.Count > 0 ? new(printed[0].Date, "first date printed on the page (weak)") : null;
    }

    /// <summary>A page cannot be published after it is read; a day of slack covers time zones.</summary>
    private static DateOnly Tomorrow() => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    /// <summary>A &lt;time&gt; that says it is the last update ("updated", "modified" in its class, itemprop or its parent's class).</summary>
    private static bool IsUpdateStamp(IElement time)
    {
        static bool Says(string? s) => s is not null && (s.Contains("updat", StringComparison.OrdinalIgnoreCase) || s.Contains("modif", StringComparison.OrdinalIgnoreCase));
        return Says(time.GetAttribute("class")) || Says(time.GetAttribute("itemprop")) || Says(time.ParentElement?.GetAttribute("class"));
    }

    /// <summary>Words that introduce a publication date in the page text (en, de, fr, es, pt, it, ru).</summary>
    [GeneratedRegex(@"\b(published|posted|veröffentlicht|publiziert|erstellt|publié le|publicado|pubblicato|опубликовано|date)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedCue();
}
