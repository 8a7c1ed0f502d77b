using System.Buffers;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// The elements page metadata is read from, gathered in one walk over the document: the &lt;meta&gt; and
/// JSON-LD elements, the canonical link, the title, and the few elements that can hold a headline, a byline or a
/// date. Asking the document a CSS selector walks every element and matches every part of the selector against
/// it; metadata asks a dozen, so they are asked here of the candidates only, in document order, which gives the
/// same answers.
/// </summary>
internal sealed class PageIndex
{
    private static readonly CssSelectorParser Selectors = new();

    public List<IElement> Metas { get; } = [];

    public List<IElement> JsonLdScripts { get; } = [];

    public IElement? Canonical { get; private set; }

    public IElement? TitleElement { get; private set; }

    /// <summary>Every &lt;h1&gt; and every element with an itemprop: where the printed headline is.</summary>
    public List<IElement> Headlines { get; } = [];

    /// <summary>Every &lt;time&gt; and every element with an itemprop: where a machine-readable date is.</summary>
    public List<IElement> Times { get; } = [];

    /// <summary>Elements whose class, id, rel or itemprop mention an author or byline.</summary>
    public List<IElement> Bylines { get; } = [];

    /// <summary>Elements whose class or id mention a date, time, byline or post metadata.</summary>
    public List<IElement> Datelines { get; } = [];

    public IElement? Root { get; private set; }

    public static PageIndex Of(IDocument page)
    {
        var index = new PageIndex { Root = page.DocumentElement };
        if (page.DocumentElement is null)
            return index;
        // Explicit stack of (element, leaving), so the walk knows when it is inside a byline element.
        var stack = new Stack<(IElement Element, bool Leaving)>();
        stack.Push((page.DocumentElement, false));
        int insideByline = 0;
        while (stack.Count > 0)
        {
            var (e, leaving) = stack.Pop();
            if (leaving)
            {
                insideByline--;
                continue;
            }
            if (index.Add(e, insideByline > 0))
            {
                insideByline++;
                stack.Push((e, true));
            }
            // By index, not by sibling: AngleSharp finds a sibling by searching the parent's child list.
            var children = e.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement c)
                    stack.Push((c, false));
            }
        }
        return index;
    }

    /// <summary>Files the element; true when it is a byline element (its links and items may hold the names).</summary>
    private bool Add(IElement e, bool insideByline)
    {
        switch (e.LocalName)
        {
            case "meta":
                Metas.Add(e);
                return false;
            case "script":
                if (string.Equals(e.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                    JsonLdScripts.Add(e);
                return false;
            case "link":
                if (Canonical is null && e.GetAttribute("rel") == "canonical")
                    Canonical = e;
                return false;
            case "title":
                if (TitleElement is null && e.NamespaceUri == AngleSharp.Dom.NamespaceNames.HtmlUri)
                    TitleElement = e;
                break;
            case "h1":
                Headlines.Add(e);
                break;
            case "time":
                Times.Add(e);
                break;
        }
        var attributes = ElementAttributes.Of(e);
        var itemprop = attributes.ItemProp;
        if (itemprop is not null && e.LocalName != "h1")
            Headlines.Add(e);
        if (itemprop is not null && e.LocalName != "time")
            Times.Add(e);
        var (cls, id) = (attributes.Class, attributes.Id);
        bool byline = MentionsAny(cls, BylineClassWords) || Mentions(itemprop, "author") || Mentions(attributes.Rel, "author");
        if (byline || (insideByline && (e.LocalName == "a" || itemprop is not null)))
            Bylines.Add(e);
        if (MentionsAny(cls, DatelineClassWords) || Mentions(id, "date") || Mentions(id, "datum"))
            Datelines.Add(e);
        return byline;
    }

    /// <summary>Class words of elements that print a date (after htmldate's list: German "datum", Spanish "fecha", French "parution").</summary>
    internal static readonly string[] DatelineWords = ["date", "datum", "time", "byline", "subline", "meta", "posted", "submitted", "publish", "publication", "fecha", "parution"];

    // Every element's class is searched for all of these words: one multi-word search instead of a dozen scans.
    private static readonly SearchValues<string> DatelineClassWords = SearchValues.Create(DatelineWords, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> BylineClassWords = SearchValues.Create(["author", "byline"], StringComparison.OrdinalIgnoreCase);

    private static bool Mentions(string? value, string word) => value is not null && value.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static bool MentionsAny(string? value, SearchValues<string> words) => value is not null && value.AsSpan().ContainsAny(words);

    /// <summary>A selector, parsed once.</summary>
    public static ISelector Selector(string css) => Selectors.ParseSelector(css) ?? throw new ArgumentException($"bad selector {css}", nameof(css));

    /// <summary>The candidates the selector matches, in document order.</summary>
    public IEnumerable<IElement> Matching(List<IElement> candidates, ISelector selector) => candidates.Where(e => selector.Match(e, Root));
}
