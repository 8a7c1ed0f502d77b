using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Storyline.Ingest;

/// <summary>One entry of a feed: its identity (guid, id or link), where the article is, and what the feed says of it.</summary>
public sealed record FeedItem(string Id, Uri? Link, string? Title, DateTimeOffset? Published, string? Content);

public sealed record Feed(string? Title, IReadOnlyList<FeedItem> Items);

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom. DTDs are prohibited and no external resource is ever resolved, so
/// entity-expansion ("billion laughs") and external-entity (XXE) documents are refused with an error, not expanded.
/// </summary>
public static partial class FeedReader
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Real feeds nest a handful of levels; a hostile one nests a hundred thousand to exhaust the parser.</summary>
    public const int MaxDepth = 64;

    public static XmlReaderSettings SafeSettings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 64L * 1024 * 1024,
        IgnoreProcessingInstructions = true,
        IgnoreComments = true,
    };

    /// <summary>Parses a feed; returns null and the reason when it is not a feed or not safe to read.</summary>
    public static Feed? Parse(string xml, Uri baseUri, out string? error)
    {
        XDocument doc;
        try
        {
            // A first pass that only checks depth: absurdly deep documents are refused before any tree is built.
            using (var scan = XmlReader.Create(new StringReader(xml), SafeSettings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        error = $"feed refused: elements nested deeper than {MaxDepth} levels";
                        return null;
                    }
                }
            }
            using var reader = XmlReader.Create(new StringReader(xml), SafeSettings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            error = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "feed refused: it declares a DTD (entity expansion and external entities are not processed)"
                : $"not well-formed XML: {e.Message}";
            return null;
        }
        var root = doc.Root!;
        error = null;
        if (root.Name == Atom + "feed")
            return new Feed(Text(root.Element(Atom + "title")), root.Elements(Atom + "entry").Select(e => AtomEntry(e, baseUri)).OfType<FeedItem>().ToList());
        if (root.Name.LocalName == "rss")
        {
            var channel = root.Element("channel");
            return new Feed(Text(channel?.Element("title")), (channel?.Elements("item") ?? []).Select(e => RssItem(e, baseUri, "")).OfType<FeedItem>().ToList());
        }
        if (root.Name == Rdf + "RDF")
            return new Feed(Text(root.Element(Rss1 + "channel")?.Element(Rss1 + "title")), root.Elements(Rss1 + "item").Select(e => RssItem(e, baseUri, Rss1)).OfType<FeedItem>().ToList());
        error = $"not a feed: the root element is <{root.Name.LocalName}>, not <rss>, <feed> or <rdf:RDF>";
        return null;
    }

    private static FeedItem? RssItem(XElement e, Uri baseUri, XNamespace ns)
    {
        var link = Resolve(baseUri, Text(e.Element(ns + "link")) ?? (string?)e.Attribute(Rdf + "about"));
        var guid = Text(e.Element(ns + "guid"));
        var id = guid ?? link?.AbsoluteUri ?? Text(e.Element(ns + "title"));
        if (id is null)
            return null;
        var date = Text(e.Element(ns + "pubDate")) ?? Text(e.Element(Dc + "date"));
        var content = Text(e.Element(Content + "encoded")) ?? Text(e.Element(ns + "description"));
        return new FeedItem(id, link, Text(e.Element(ns + "title")), ParseDate(date), content);
    }

    private static FeedItem? AtomEntry(XElement e, Uri baseUri)
    {
        var links = e.Elements(Atom + "link").ToList();
        var alternate = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault();
        var link = Resolve(baseUri, (string?)alternate?.Attribute("href"));
        var id = Text(e.Element(Atom + "id")) ?? link?.AbsoluteUri;
        if (id is null)
            return null;
        var date = Text(e.Element(Atom + "published")) ?? Text(e.Element(Atom + "updated"));
        var content = Text(e.Element(Atom + "content")) ?? Text(e.Element(Atom + "summary"));
        return new FeedItem(id, link, Text(e.Element(Atom + "title")), ParseDate(date), content);
    }

    private static string? Text(XElement? e) => e is null || string.IsNullOrWhiteSpace(e.Value) ? null : e.Value.Trim();

    private static Uri? Resolve(Uri baseUri, string? href) =>
        href is not null && Uri.TryCreate(baseUri, href.Trim(), out var u) && u.Scheme is "http" or "https" ? u : null;

    /// <summary>RFC 822 dates as RSS writes them (with zone names and +hhmm offsets) and ISO 8601 as Atom does.</summary>
    public static DateTimeOffset? ParseDate(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        var text = s.Trim();
        text = ZoneName().Replace(text, m => m.Groups[1].Value.ToUpperInvariant() switch
        {
            "GMT" or "UT" or "UTC" or "Z" => "+00:00",
            "EST" => "-05:00",
            "EDT" => "-04:00",
            "CST" => "-06:00",
            "CDT" => "-05:00",
            "MST" => "-07:00",
            "MDT" => "-06:00",
            "PST" => "-08:00",
            "PDT" => "-07:00",
            _ => m.Value,
        });
        text = NumericZone().Replace(text, "$1$2:$3");
        text = DayName().Replace(text, "");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) && d.Year is > 1900 and < 2200 ? d : null;
    }

    [GeneratedRegex(@"\b(GMT|UTC?|Z|[ECMP][SD]T)$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"([+-])(\d\d)(\d\d)$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"^[A-Za-z]{3},\s*")]
    private static partial Regex DayName();
}
