using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>Title, outlet, authors, publication date and declared language of an HTML page, each from the most trustworthy source the page offers.</summary>
internal sealed partial class PageMetadata
{
    public string? Title { get; private set; }
    public string? Outlet { get; private set; }
    public List<string> Authors { get; } = [];
    public DateOnly? Published { get; private set; }
    public string? PublishedNote { get; private set; }
    public string? Language { get; private set; }

    private static readonly string[] AuthorMeta = ["author", "article:author", "parsely-author", "sailthru.author", "byl", "dc.creator", "dcterms.creator", "citation_author", "twitter:creator"];

    public static PageMetadata Read(IDocument page, string? uri)
    {
        var index = PageIndex.Of(page);
        var meta = MetaValues(index);
        var jsonLd = JsonLd.Objects(index.JsonLdScripts);
        var articles = jsonLd.Where(JsonLd.IsArticle).OrderBy(o => JsonLd.Types(o).Any(t => t == "WebPage") ? 1 : 0).ToList();
        var result = new PageMetadata();
        result.Outlet = FindOutlet(meta, jsonLd, index, uri);
        result.Title = FindTitle(index, meta, articles, result.Outlet);
        result.FindAuthors(index, meta, articles);
        if (PublishedDateFinder.Find(page, index, meta, articles, uri) is { } published)
        {
            result.Published = published.Date;
            result.PublishedNote = "from the page: " + published.Note;
        }
        result.Language = FindLanguage(page, meta);
        return result;
    }

    /// <summary>Every &lt;meta&gt; value by its lower-cased name/property/itemprop; the first one of a name is kept.</summary>
    private static Dictionary<string, string> MetaValues(PageIndex index)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in index.Metas)
        {
            var content = m.GetAttribute("content")?.Trim();
            if (string.IsNullOrEmpty(content))
                continue;
            foreach (var attr in new[] { "property", "name", "itemprop", "http-equiv" })
            {
                if (m.GetAttribute(attr) is { Length: > 0 } key)
                    values.TryAdd(key.Trim().ToLowerInvariant(), content);
            }
        }
        return values;
    }

    private static string? FindOutlet(Dictionary<string, string> meta, List<JsonElement> jsonLd, PageIndex index, string? uri)
    {
        if (meta.TryGetValue("og:site_name", out var site))
            return Clean(site);
        foreach (var o in jsonLd)
        {
            foreach (var name in JsonLd.Names(o, "publisher"))
                return Clean(name);
        }
        foreach (var o in jsonLd.Where(o => JsonLd.Types(o).Any(t => t is "NewsMediaOrganization" or "Organization" or "WebSite")))
        {
            if (JsonLd.String(o, "name") is { } n)
                return Clean(n);
        }
        if (meta.TryGetValue("application-name", out var app))
            return Clean(app);
        var url = index.Canonical?.GetAttribute("href") ?? meta.GetValueOrDefault("og:url") ?? uri;
        if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
            return u.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.Host[4..] : u.Host;
        return null;
    }

    private static readonly AngleSharp.Css.Dom.ISelector HeadlineSelector = PageIndex.Selector("article h1, main h1, [itemprop='headline']");

    private static string? FindTitle(PageIndex index, Dictionary<string, string> meta, List<JsonElement> articles, string? outlet)
    {
        var printed = index.Matching(index.Headlines, HeadlineSelector).FirstOrDefault() ?? index.Headlines.FirstOrDefault(e => e.LocalName == "h1");
        var h1 = StripMediaLabel(Clean(printed is null ? null : InlineTextOf(printed)));
        var og = StripMediaLabel(Clean(meta.GetValueOrDefault("og:title") ?? meta.GetValueOrDefault("twitter:title")));
        var headline = StripMediaLabel(Clean(articles.Select(a => JsonLd.String(a, "headline")).FirstOrDefault(h => h is not null)));
        var title = StripMediaLabel(Clean(index.TitleElement?.TextContent));
        var described = new[] { og, headline, title }.Where(t => t is not null).ToList();
        // An <h1> the metadata agrees with is the headline as printed; a lone <h1> may be the site logo.
        if (h1 is not null && h1.Length >= 10 && described.Any(d => Fold(d!).Contains(Fold(h1), StringComparison.Ordinal) || Extends(h1, d!)))
            return StripKicker(h1, described);
        foreach (var candidate in new[] { og, headline, title })
        {
            if (candidate is not null)
                return StripKicker(StripSiteName(candidate, outlet), described);
        }
        return h1;
    }

    /// <summary>
    /// "Opinion | What I'll pray for" → "What I'll pray for": a section label set before the headline is not part of it.
    /// The printed headline often sets the label in its own element, with no separator ("Opinion What I'll…"), so a
    /// label is also dropped there when the metadata's version shows it with one.
    /// </summary>
    internal static string StripKicker(string title, IEnumerable<string?> described)
    {
        if (Kicker().Match(title) is { Success: true } own)
            return title[own.Length..];
        foreach (var d in described)
        {
            if (d is not null && Kicker().Match(d) is { Success: true } m)
            {
                var label = m.Groups["label"].Value;
                if (title.Length > label.Length + 1 && title.StartsWith(label + " ", StringComparison.OrdinalIgnoreCase))
                    return title[(label.Length + 1)..].TrimStart();
            }
        }
        return title;
    }

    /// <summary>Section labels newsrooms set before a headline, with the separator that sets them off, before a
    /// capital: "Opinion: the roadster is slow" reads as one sentence and keeps its label.</summary>
    [GeneratedRegex(@"^(?<label>opinion|analysis|watch|video|exclusive|breaking|live|editorial|commentary|perspective|podcast|photos?|explainer|listen|meinung|kommentar|analyse|opinión|opinião|tribune|мнение|думка)\s*[|:–—]\s+(?=[\p{Lu}\p{N}'""‘“«])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Kicker();

    /// <summary>"Dan + Shay bring the house down [Watch]" → "Dan + Shay bring the house down": a bracketed label at the
    /// end says what the page embeds (a video, a gallery), not what the story says.</summary>
    internal static string? StripMediaLabel(string? title)
    {
        if (title is null || MediaLabel().Match(title) is not { Success: true } m || m.Index == 0)
            return title;
        return title[..m.Index];
    }

    [GeneratedRegex(@"\s*[\[(](watch|video|videos|photos?|pictures|pics|gallery|listen|audio|podcast|updated?)[\])]\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MediaLabel();

    /// <summary>
    /// "Star Uses This Spray: ‘It Doesn’t Transfer’" printed over the metadata's "Star Uses This Spray": the printed
    /// headline goes on after the whole of a shorter version (social titles drop the quote), so it is the headline.
    /// </summary>
    internal static bool Extends(string h1, string described)
    {
        var (printed, meta) = (Fold(h1), Fold(described));
        return meta.Length >= MinExtendedCharacters && printed.Length > meta.Length && printed.Length <= 2 * meta.Length
            && printed.StartsWith(meta, StringComparison.Ordinal);
    }

    /// <summary>A shorter title than this (letters and digits) is a site name or a label, not a headline the &lt;h1&gt; extends.</summary>
    private const int MinExtendedCharacters = 20;

    /// <summary>Letters and digits only, lower-cased: metadata often straightens the quotes the printed headline curls.</summary>
    private static string Fold(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>"Headline | Site" → "Headline": drops a last (or first) segment naming the outlet, or a short last segment after a separator.</summary>
    internal static string StripSiteName(string title, string? outlet)
    {
        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
            return title;
        static string Norm(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        var site = outlet is null ? "" : Norm(outlet);
        // A segment names the outlet when it is the outlet's name, or a short phrase holding it ("The Daily Example
        // Online"); a headline that mentions the outlet ("Example's 2023 Lie of the Year") is not a site name.
        bool NamesOutlet(string part)
        {
            var n = Norm(part);
            return n.Length > 0 && (n == site || (LineShape.CountWords(part) <= MaxSiteNameWords && (n.Contains(site, StringComparison.Ordinal) || site.Contains(n, StringComparison.Ordinal))));
        }
        if (site.Length > 0)
        {
            if (NamesOutlet(parts[^1]))
                return string.Join(" | ", parts[..^1]).Trim();
            if (NamesOutlet(parts[0]))
                return string.Join(" | ", parts[1..]).Trim();
        }
        var last = parts[^1];
        return LineShape.CountWords(last) <= 4 && LineShape.CountWords(string.Join(" ", parts[..^1])) >= 3 ? string.Join(" | ", parts[..^1]).Trim() : title;
    }

    /// <summary>A title segment longer than this is a headline, whatever outlet it names.</summary>
    private const int MaxSiteNameWords = 5;

    [GeneratedRegex(@"\s+[|–—:»·-]\s+|\s*\|\s*|\s+::\s+")]
    private static partial Regex TitleSeparator();

    private static readonly AngleSharp.Css.Dom.ISelector BylineSelector = PageIndex.Selector(
        "[itemprop='author'] [itemprop='name'], [itemprop='author'], [rel='author'], .author-name, .byline__name, .byline-name, .author a, .byline a, .byline, .author");

    private void FindAuthors(PageIndex index, Dictionary<string, string> meta, List<JsonElement> articles)
    {
        var raw = new List<string>();
        foreach (var a in articles)
            raw.AddRange(JsonLd.Names(a, "author").Concat(JsonLd.Names(a, "creator")));
        if (raw.Count == 0)
        {
            foreach (var key in AuthorMeta)
            {
                if (meta.TryGetValue(key, out var v) && !v.Contains("://", StringComparison.Ordinal) && !v.StartsWith('@'))
                {
                    raw.Add(v);
                    break;
                }
            }
        }
        if (raw.Count == 0)
        {
            foreach (var e in index.Matching(index.Bylines, BylineSelector).Take(10))
            {
                var text = TextOf(e);
                if (text.Length is > 0 and < 120)
                    raw.Add(text);
                if (raw.Count > 0 && e.ClassName?.Contains("byline", StringComparison.OrdinalIgnoreCase) != true)
                    break;
            }
        }
        foreach (var name in raw.SelectMany(SplitNames))
        {
            // The outlet credited as author ("Financial Times", "NBA.com") is the outlet, not a person.
            if (Outlet is not null && (Fold(name) == Fold(Outlet) || Fold(Outlet).Contains(Fold(name), StringComparison.Ordinal)))
                continue;
            if (!Authors.Contains(name, StringComparer.OrdinalIgnoreCase))
                Authors.Add(name);
        }
    }

    /// <summary>"By Jane Doe and John Roe | Updated 3 min ago" → Jane Doe, John Roe; anything that is not a name is dropped.</summary>
    internal static IEnumerable<string> SplitNames(string raw)
    {
        raw = BylineNoise().Replace(raw, " ");
        foreach (var part in NameSeparator().Split(raw))
        {
            var name = Clean(ByPrefix().Replace(part, ""))?.Trim(' ', '.', ',', ';', ':', '-', '–', '|');
            if (string.IsNullOrEmpty(name) || name.Any(char.IsDigit) || name.Contains('@') || name.Contains("://", StringComparison.Ordinal))
                continue;
            name = UndoubleName(name);
            int words = LineShape.CountWords(name);
            if (words is < 1 or > 5 || !char.IsUpper(name[0]) || NotAName().IsMatch(name) || DomainName().IsMatch(name) || IsAcronym(name))
                continue;
            yield return name;
        }
    }

    /// <summary>"Jane Roe Jane Roe" (a name printed twice, for two screen sizes) → "Jane Roe".</summary>
    private static string UndoubleName(string name)
    {
        int mid = name.Length / 2;
        return name.Length % 2 == 1 && name[mid] == ' ' && name.AsSpan(0, mid).SequenceEqual(name.AsSpan(mid + 1)) ? name[..mid] : name;
    }

    /// <summary>Agency and outlet initials ("AP", "AFP", "ET") are credits, not names.</summary>
    private static bool IsAcronym(string name) => name.Length <= 4 && name.All(c => char.IsUpper(c) || c == '.');

    [GeneratedRegex(@"\.(com|net|org|co|io|news|tv)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();

    [GeneratedRegex(@"\b(updated|published|posted|last modified|modified)\b.*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineNoise();

    [GeneratedRegex(@"\s*(,|;|\||/|&|\band\b|\bund\b|(?-i:\by\b|\be\b|\bи\b)|\bet\b|\bта\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"^\s*(by|von|por|par|de|di|door|автор|written by|words by|story by|reporting by)\s*:?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\b(staff|reporter|correspondent|editor|editors|contributor|writer|news|desk|team|agency|admin|administrator|guest|press|associated|reuters|wire|service|min|ago|read|share|follow|email|photo|photos|image|more|view|all|posts|profile|bio|comments?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    private static string? FindLanguage(IDocument page, Dictionary<string, string> meta)
    {
        var declared = page.DocumentElement?.GetAttribute("lang") ?? page.DocumentElement?.GetAttribute("xml:lang")
            ?? meta.GetValueOrDefault("content-language") ?? meta.GetValueOrDefault("og:locale") ?? meta.GetValueOrDefault("language");
        if (string.IsNullOrWhiteSpace(declared))
            return null;
        var code = declared.Trim().Split('-', '_', ',', ' ')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    /// <summary>Text of an element with whitespace collapsed, read without recursion.</summary>
    internal static string TextOf(IElement e, int limit = 10_000)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode?>();
        stack.Push(e);
        while (stack.Count > 0 && sb.Length < limit)
        {
            var n = stack.Pop();
            if (n is IText t)
                sb.Append(t.Data).Append(' ');
            else if (n is IElement el && el.LocalName is not ("script" or "style"))
                PushChildren(stack, el);
        }
        return Clean(sb.ToString()) ?? "";
    }

    /// <summary>
    /// Text of a headline as printed: inline elements join without a space ("<i>The Changeling</i>’s" is
    /// "The Changeling’s"); a line break or a block element inside separates words. Read without recursion.
    /// </summary>
    internal static string InlineTextOf(IElement e, int limit = 2_000)
    {
        var sb = new System.Text.StringBuilder();
        var stack = new Stack<INode?>();
        stack.Push(e);
        while (stack.Count > 0 && sb.Length < limit)
        {
            var n = stack.Pop();
            if (n is null)
                sb.Append(' ');
            else if (n is IText t)
                sb.Append(t.Data);
            else if (n is IElement el && el.LocalName is not ("script" or "style"))
            {
                bool separates = el.LocalName is "br" or "div" or "p" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "section" or "header";
                if (separates)
                    stack.Push(null);
                PushChildren(stack, el);
                if (separates)
                    sb.Append(' ');
            }
        }
        return Clean(sb.ToString()) ?? "";
    }

    /// <summary>Pushes the children last first, so they pop in document order; by index, as AngleSharp finds a
    /// sibling by searching the parent's child list.</summary>
    internal static void PushChildren(Stack<INode?> stack, IElement e)
    {
        var children = e.ChildNodes;
        for (int i = children.Length - 1; i >= 0; i--)
            stack.Push(children[i]);
    }

    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        s = System.Net.WebUtility.HtmlDecode(s);
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
