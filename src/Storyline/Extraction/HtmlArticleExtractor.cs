using System.Text;
using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Storyline.Documents;
using Storyline.Extraction.Html;
using Storyline.Ingest;
using IAttributeObserver = AngleSharp.Dom.IAttributeObserver;

namespace Storyline.Extraction;

/// <summary>
/// HTML page → article text and metadata. The text is the title line, then one paragraph or heading per line;
/// navigation, related links, comments, share bars, pitches and captions are left out (<see cref="ContentFinder"/>).
/// A page without an article gives an empty document with the warning <see cref="ExtractionWarnings.NoArticle"/>.
/// </summary>
public sealed class HtmlArticleExtractor
{
    /// <summary>Pages are cut at this many characters: no article needs more, and parsing stays bounded.</summary>
    public const int MaxHtmlCharacters = 6 * 1024 * 1024;

    /// <summary>Less text than this is a fragment (an error message, a cookie wall), not an article.</summary>
    public const int MinArticleCharacters = 100;

    /// <summary>
    /// AngleSharp's default context less the two services that act on attributes as the parser sets them: the
    /// attribute observer and the link relations. With them every &lt;link rel=stylesheet&gt; parsed its URL and
    /// started a (loader-less) style-sheet load, and every href/src updated element state; none of it touches the tree
    /// or its text, which is all extraction reads, and it cost a tenth of the parse. One context per extractor, as
    /// the parser had before.
    /// </summary>
    private readonly HtmlParser _parser = new(
        new HtmlParserOptions { IsScripting = false, DisableElementPositionTracking = true },
        BrowsingContext.New(new Configuration(Configuration.Default.Services.Where(s => s is not (IAttributeObserver or ILinkRelationFactory)))));

    public Document Extract(SourceDocument source)
    {
        var html = source.Content;
        var warnings = new List<string>();
        if (html.Length > MaxHtmlCharacters)
        {
            warnings.Add($"page is {html.Length / (1024 * 1024)} M characters; only the first {MaxHtmlCharacters / (1024 * 1024)} M were read");
            html = html[..MaxHtmlCharacters];
        }
        html = NestingGuard.Limit(html, out bool flattened);
        if (flattened)
            warnings.Add($"elements nested deeper than {NestingGuard.MaxDepth} levels were flattened");
        using var page = _parser.ParseDocument(html);
        var metadata = PageMetadata.Read(page, source.Uri);
        var blocks = page.Body is { } body ? ContentFinder.Find(BlockReader.Read(body), PhraseLexicon.Default) : [];
        if (blocks.Sum(b => b.Text.Length) < MinArticleCharacters)
            blocks = [];

        var text = new StringBuilder();
        var lines = new List<Line>();
        void Add(string content, LineLabel label)
        {
            lines.Add(new Line(new Span(text.Length, content.Length), label));
            text.Append(content).Append('\n');
        }
        if (blocks.Count > 0 && metadata.Title is { } title)
            Add(title, LineLabel.Title);
        foreach (var block in blocks)
            Add(block.Text, block.IsHeading ? LineLabel.Heading : LineLabel.Body);

        var document = new Document(text.ToString(), id: source.Id) { Lines = lines };
        var m = document.Metadata;
        m.Title = metadata.Title;
        m.Outlet = metadata.Outlet;
        m.Authors = metadata.Authors;
        m.Published = metadata.Published;
        m.PublishedNote = metadata.PublishedNote;
        m.Language = metadata.Language;
        m.Warnings.AddRange(warnings);
        if (blocks.Count == 0)
            m.Warnings.Add(ExtractionWarnings.NoArticle);
        return document;
    }
}
