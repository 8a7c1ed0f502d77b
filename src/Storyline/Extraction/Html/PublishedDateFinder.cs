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

    private static readonly ISelector TimeSelector = PageIndex.Selector("[itemprop='datePublished'], time[pubdate], .published time, time.published, time.entry-date, article time, time");

    private static readonly ISelector DatelineSelector = PageIndex.Selector("[class*='date'], [class*='time'], [id*='date'], [class*='byline'], [class*='meta'], [class*='posted'], [class*='publish']");

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
        foreach (var time in index.Matching(index.Times, TimeSelector))
        {
            var value = time.GetAttribute("datetime") ?? time.GetAttribute("content") ?? PageMetadata.TextOf(time);
            if (PageDates.Parse(value) is { } d)
                return new(d, "<time> element");
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
        var bodyText = PageMetadata.TextOf(body);
        foreach (Match cue in PublishedCue().Matches(bodyText).Take(50))
        {
            if (PageDates.FindInText(bodyText.Substring(cue.Index, Math.Min(CueWindow, bodyText.Length - cue.Index))) is { } near)
                return new(near, $"date printed after \"{cue.Value}\"");
        }
        return PageDates.FindInText(bodyText) is { } first ? new(first, "first date printed on the page (weak)") : null;
    }

    /// <summary>Words that introduce a publication date in the page text (en, de, fr, es, pt, it, ru).</summary>
    [GeneratedRegex(@"\b(published|posted|veröffentlicht|publiziert|erstellt|am|publié le|publicado|pubblicato|опубликовано|date)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedCue();
}
