using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// Walks the DOM once, without recursion (pages nest 100,000 levels deep), and cuts it into <see cref="TextBlock"/>s,
/// leaving out what is never article text: scripts, forms, navigation, hidden elements, figures and their captions,
/// and elements whose class or id names them as furniture (share bars, comments, newsletter boxes …).
/// Also records each element's span in document order, so "is this block inside that element" is two comparisons.
/// </summary>
internal sealed partial class BlockReader
{
    /// <summary>How many enclosing elements a block gives its score to (readability uses the same: parent, grandparent, great-grandparent).</summary>
    private const int ScoredAncestors = 3;

    private static readonly HashSet<string> SkippedTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "form", "button",
        "select", "input", "textarea", "nav", "footer", "aside", "figure", "figcaption", "picture", "video", "audio",
        "map", "dialog", "menu", "head", "label", "option", "math",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "div", "section",
        "article", "main", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "header", "body", "center", "address", "hr",
    };

    public List<TextBlock> Blocks { get; } = [];

    /// <summary>Document-order interval [enter, exit) of every element read.</summary>
    public Dictionary<IElement, (int Enter, int Exit)> Extent { get; } = [];

    /// <summary>An element a furniture hint names is kept when it holds at least this share of the page's text: it wraps the article.</summary>
    private const double WrapperTextShare = 0.5;

    /// <summary>Visible text characters under each element, and whether it encloses a marked article body.</summary>
    private readonly Dictionary<IElement, (int Text, bool HoldsArticle)> _inside = [];
    private int _pageText;

    public static BlockReader Read(IElement root)
    {
        var reader = new BlockReader();
        reader.Measure(root);
        reader.Walk(root);
        return reader;
    }

    /// <summary>First pass, post-order without recursion: text per element, so a hint never removes the article's own wrapper.</summary>
    private void Measure(IElement root)
    {
        var stack = new Stack<(IElement Element, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (e, leaving) = stack.Pop();
            if (!leaving)
            {
                if (SkippedTags.Contains(e.LocalName))
                    continue;
                stack.Push((e, true));
                for (var c = e.LastElementChild; c is not null; c = c.PreviousElementSibling)
                    stack.Push((c, false));
                continue;
            }
            int text = 0;
            bool holds = e.LocalName == "article" || e.GetAttribute("itemprop") == "articleBody" || ContentHint().IsMatch(ClassAndId(e));
            for (var n = e.FirstChild; n is not null; n = n.NextSibling)
            {
                if (n is IText t)
                    text += t.Data.Length - CountWhiteSpace(t.Data);
                else if (n is IElement c && _inside.TryGetValue(c, out var x))
                {
                    text += x.Text;
                    holds |= x.HoldsArticle;
                }
            }
            _inside[e] = (text, holds);
        }
        _pageText = _inside.GetValueOrDefault(root).Text;
    }

    private static int CountWhiteSpace(string s)
    {
        int n = 0;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
                n++;
        }
        return n;
    }

    private void Walk(IElement root)
    {
        var text = new StringBuilder();
        int links = 0, order = 0, linkDepth = 0;
        var blockStack = new List<IElement>();
        // Explicit stack of (node, leaving): the DOM can be deeper than the call stack.
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IText t)
            {
                AppendText(text, t.Data, linkDepth > 0, ref links);
                continue;
            }
            if (node is not IElement e)
                continue;
            var tag = e.LocalName;
            if (leaving)
            {
                if (tag == "a")
                    linkDepth--;
                if (BlockTags.Contains(tag))
                {
                    Flush(text, ref links, blockStack, ref order);
                    blockStack.RemoveAt(blockStack.Count - 1);
                }
                Extent[e] = (Extent[e].Enter, order);
                continue;
            }
            if (e != root && IsSkipped(e, tag) && !WrapsArticle(e))
                continue;
            if (tag == "br")
            {
                Flush(text, ref links, blockStack, ref order);
                continue;
            }
            if (BlockTags.Contains(tag))
            {
                Flush(text, ref links, blockStack, ref order);
                blockStack.Add(e);
            }
            if (tag == "a")
                linkDepth++;
            Extent[e] = (order, order);
            stack.Push((e, true));
            for (var child = e.LastChild; child is not null; child = child.PreviousSibling)
                stack.Push((child, false));
        }
        Flush(text, ref links, blockStack, ref order);
    }

    private static void AppendText(StringBuilder text, string data, bool inLink, ref int links)
    {
        foreach (var c in data)
        {
            bool space = char.IsWhiteSpace(c) || c == '\u200b';
            if (space)
            {
                if (text.Length > 0 && text[^1] != ' ')
                {
                    text.Append(' ');
                    if (inLink)
                        links++;
                }
                continue;
            }
            text.Append(c);
            if (inLink)
                links++;
        }
    }

    private void Flush(StringBuilder text, ref int links, List<IElement> blockStack, ref int order)
    {
        var content = text.ToString().Trim();
        text.Clear();
        int linkChars = Math.Min(links, content.Length);
        links = 0;
        if (content.Length == 0 || blockStack.Count == 0)
            return;
        var tag = blockStack[^1].LocalName;
        var containers = new List<IElement>(ScoredAncestors + 1);
        for (int i = blockStack.Count - 1; i >= 0 && containers.Count <= ScoredAncestors; i--)
        {
            // A paragraph's score goes to the element that holds paragraphs, not to the paragraph itself.
            if (i == blockStack.Count - 1 && tag is "p" or "li" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "dd" or "dt" or "td" or "th")
                continue;
            containers.Add(blockStack[i]);
        }
        if (containers.Count == 0)
            containers.Add(blockStack[0]);
        Blocks.Add(new TextBlock(content, linkChars, tag, order++, containers));
    }

    private bool WrapsArticle(IElement e) =>
        !SkippedTags.Contains(e.LocalName) && _inside.TryGetValue(e, out var x) && (x.HoldsArticle || x.Text >= _pageText * WrapperTextShare);

    private static bool IsSkipped(IElement e, string tag)
    {
        if (SkippedTags.Contains(tag))
            return true;
        if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true")
            return true;
        if (e.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style))
            return true;
        if (tag is "body" or "article" or "main")
            return false;
        if (e.GetAttribute("role") is "navigation" or "complementary" or "contentinfo" or "banner" or "dialog" or "alert")
            return true;
        var hints = ClassAndId(e);
        return hints.Length > 0 && FurnitureHint().IsMatch(hints) && !ContentHint().IsMatch(hints);
    }

    internal static string ClassAndId(IElement e) => (e.GetAttribute("class") + " " + e.GetAttribute("id")).Trim();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    /// <summary>Class/id words of page furniture (after readability's "unlikely candidates" and trafilatura's discard lists).</summary>
    [GeneratedRegex(@"comment|share|sharing|social|related|newsletter|subscri|cookie|consent|promo|advert|(^|[\s_-])ads?([\s_-]|$)|sidebar|footer|breadcrumb|(^|[\s_-])menu|(^|[\s_-])nav|popup|modal|banner|sponsor|recommend|outbrain|taboola|(^|[\s_-])tags?([\s_-]|$)|author-?bio|byline|caption|credit|toolbar|pagination|widget|signup|paywall|most-?(read|popular)|trending|disclaimer|skip-?link|print-?only|sr-only|visually-?hidden|screen-?reader|rating|jump-?link|read-?more|more-?stories|tooltip|donat|dateline|timestamp|meta-?data|post-?meta|article-?meta|author|published", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex FurnitureHint();

    [GeneratedRegex(@"article-?body|articlebody|story-?body|post-?body|entry-?content|post-?content|article-?content|article-?text|story-?content|main-?content|body-?text|rich-?text|(^|\s)content(\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ContentHint();
}
