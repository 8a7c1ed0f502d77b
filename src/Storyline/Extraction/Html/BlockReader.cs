using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// Walks the DOM once, without recursion (pages nest 100,000 levels deep), and cuts it into <see cref="TextBlock"/>s,
/// leaving out what is never article text: scripts, forms, navigation, hidden elements, figures and their captions,
/// and elements whose class or id names them as furniture (share bars, comments, newsletter boxes …).
/// Also records each element's span in document order, so "is this block inside that element" is two comparisons.
/// Children are read by index: AngleSharp finds a node's sibling by searching its parent's child list, so walking
/// siblings costs the square of the number of children.
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

    /// <summary>An element a furniture hint names is kept when it holds at least this share of the page's text: it wraps the article.</summary>
    private const double WrapperTextShare = 0.5;

    /// <summary>What the reader knows of one element: one lookup per element and pass, not one per question.</summary>
    private sealed class Facts
    {
        /// <summary>Visible text characters under the element.</summary>
        public int Text;

        /// <summary>The element is or encloses a marked article body.</summary>
        public bool HoldsArticle;

        public Hint Hint;

        /// <summary>The element is left out (<see cref="IsSkipped"/>), unless it wraps the article.</summary>
        public bool Skipped;

        /// <summary>Document-order interval [Enter, Exit) of the blocks inside; Enter is -1 until the walk reads the element.</summary>
        public int Enter = -1;
        public int Exit;
    }

    private readonly Dictionary<IElement, Facts> _facts = [];
    private int _pageText;

    /// <summary>Hints of each class or id value seen: pages repeat a few dozen values on thousands of elements, and the
    /// pages of one site repeat each other's. Shared by all threads, and emptied when full so it stays small.</summary>
    private static readonly ConcurrentDictionary<string, Hint> HintOfValue = new(StringComparer.Ordinal);

    private const int MaxCachedHints = 50_000;

    private static int _cachedHints;

    public static BlockReader Read(IElement root)
    {
        var reader = new BlockReader();
        reader.Measure(root);
        reader.Walk(root);
        return reader;
    }

    /// <summary>The blocks inside an element the walk read, as the index range [Enter, Exit) of <see cref="Blocks"/>.</summary>
    public bool TryGetExtent(IElement e, out (int Enter, int Exit) extent)
    {
        if (_facts.TryGetValue(e, out var f) && f.Enter >= 0)
        {
            extent = (f.Enter, f.Exit);
            return true;
        }
        extent = default;
        return false;
    }

    /// <summary>True when the walk read the element (it was not left out as furniture).</summary>
    public bool WasRead(IElement e) => TryGetExtent(e, out _);

    /// <summary>First pass, post-order without recursion: text per element, so a hint never removes the article's own wrapper.</summary>
    private void Measure(IElement root)
    {
        var stack = new Stack<(IElement Element, Facts? Facts, Facts? Parent)>();
        stack.Push((root, null, null));
        while (stack.Count > 0)
        {
            var (e, facts, parent) = stack.Pop();
            if (facts is null)
            {
                if (SkippedTags.Contains(e.LocalName))
                    continue;
                var attributes = ElementAttributes.Of(e);
                facts = new Facts { Hint = HintOf(attributes.Class) | HintOf(attributes.Id) };
                facts.HoldsArticle = e.LocalName == "article" || (facts.Hint & Hint.Content) != 0 || attributes.ItemProp == "articleBody";
                facts.Skipped = IsSkipped(e.LocalName, attributes, facts.Hint);
                _facts[e] = facts;
                stack.Push((e, facts, parent));
                var children = e.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement c)
                        stack.Push((c, null, facts));
                }
                continue;
            }
            // Leaving: the children have added theirs; add the element's own text, then pass the sum up.
            var nodes = e.ChildNodes;
            for (int i = 0; i < nodes.Length; i++)
            {
                if (nodes[i] is IText t)
                    facts.Text += t.Data.Length - CountWhiteSpace(t.Data);
            }
            if (parent is not null)
            {
                parent.Text += facts.Text;
                parent.HoldsArticle |= facts.HoldsArticle;
            }
        }
        _pageText = _facts.GetValueOrDefault(root)?.Text ?? 0;
    }

    private static readonly SearchValues<char> AsciiWhiteSpace = SearchValues.Create(" \t\n\r\f\v");

    private static int CountWhiteSpace(string s)
    {
        // Most text nodes of a page are the indentation between its tags.
        if (!s.AsSpan().ContainsAnyExcept(AsciiWhiteSpace))
            return s.Length;
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
        // Explicit stack of (node, facts when leaving an element): the DOM can be deeper than the call stack.
        var stack = new Stack<(INode Node, Facts? Leaving)>();
        stack.Push((root, null));
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
            if (leaving is not null)
            {
                if (tag == "a")
                    linkDepth--;
                if (BlockTags.Contains(tag))
                {
                    Flush(text, ref links, blockStack, ref order);
                    blockStack.RemoveAt(blockStack.Count - 1);
                }
                leaving.Exit = order;
                continue;
            }
            _facts.TryGetValue(e, out var facts);
            if (e != root && (facts is null || (facts.Skipped && !WrapsArticle(facts))))
                continue;
            facts ??= _facts[e] = new Facts { Hint = HintsOf(e) };
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
            facts.Enter = facts.Exit = order;
            stack.Push((e, facts));
            var children = e.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--)
                stack.Push((children[i], null));
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
        // Trimmed in the builder, so the block's text is the one string made.
        int start = 0, end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        var content = text.ToString(start, end - start);
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

    private bool WrapsArticle(Facts f) => f.HoldsArticle || f.Text >= _pageText * WrapperTextShare;

    private static bool IsSkipped(string tag, ElementAttributes a, Hint hint)
    {
        if (SkippedTags.Contains(tag))
            return true;
        if (a.Hidden || a.AriaHidden == "true")
            return true;
        if (a.Style is { } style && (style.Contains("none", StringComparison.OrdinalIgnoreCase) || style.Contains("hidden", StringComparison.OrdinalIgnoreCase)) && HiddenStyle().IsMatch(style))
            return true;
        if (HiddenByClass(a.Class))
            return true;
        if (tag is "body" or "article" or "main")
            return false;
        if (a.Role is "navigation" or "complementary" or "contentinfo" or "banner" or "dialog" or "alert")
            return true;
        return hint == Hint.Furniture;
    }

    /// <summary>
    /// A class that hides the element in the stylesheet ("hidden", "d-none", "is-hidden"): the text is there for a
    /// script to show later (an appeal, a message variant), not for the reader. A responsive class beside it
    /// ("hidden md:block", "d-none d-lg-block") shows it on some screens, so it is read.
    /// </summary>
    internal static bool HiddenByClass(string? classes)
    {
        // Every hiding class holds one of these, so a class list without them is answered without splitting it.
        if (string.IsNullOrEmpty(classes) || !classes.AsSpan().ContainsAny(HidingClassParts))
            return false;
        bool hidden = false;
        foreach (var token in classes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (token.Contains(':', StringComparison.Ordinal) || ResponsiveDisplay().IsMatch(token))
                return false;
            hidden |= token is "hidden" or "d-none" or "is-hidden" or "u-hidden" or "invisible";
        }
        return hidden;
    }

    private static readonly SearchValues<string> HidingClassParts = SearchValues.Create(["hidden", "d-none", "invisible"], StringComparison.Ordinal);

    [GeneratedRegex(@"^(d|hidden|visible)-(xs|sm|md|lg|xl|xxl)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ResponsiveDisplay();

    /// <summary>What an element's class and id say it is. The hint words never span the space between two names,
    /// so the class and the id are judged apart, each value once; the elements the walk measured know theirs.</summary>
    internal Hint HintsOf(IElement e) => _facts.TryGetValue(e, out var f) ? f.Hint : HintOf(e.GetAttribute("class")) | HintOf(e.GetAttribute("id"));

    private static Hint HintOf(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return Hint.None;
        if (!HintOfValue.TryGetValue(value, out var hint))
        {
            hint = (FurnitureHint().IsMatch(value) ? Hint.Furniture : Hint.None) | (ContentHint().IsMatch(value) ? Hint.Content : Hint.None);
            // The cache keeps its own tally: a ConcurrentDictionary counts its entries by taking every one of its
            // locks (up to 1,024), and values seen once per page (ids) ask on every element that has one.
            if (Interlocked.Increment(ref _cachedHints) > MaxCachedHints)
            {
                HintOfValue.Clear();
                Interlocked.Exchange(ref _cachedHints, 1);
            }
            HintOfValue[value] = hint;
        }
        return hint;
    }

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    /// <summary>Class/id words of page furniture (after readability's "unlikely candidates" and trafilatura's discard lists).</summary>
    [GeneratedRegex(@"comment|share|sharing|social|related|newsletter|subscri|cookie|consent|promo|advert|(^|[\s_-])ads?([\s_-]|$)|sidebar|footer|breadcrumb|(^|[\s_-])menu|(^|[\s_-])nav|popup|modal|banner|sponsor|recommend|outbrain|taboola|(^|[\s_-])tags?([\s_-]|$)|author-?bio|byline|caption|credit|toolbar|pagination|widget|signup|most-?(read|popular)|trending|disclaimer|skip-?link|print-?only|sr-only|visually-?hidden|screen-?reader|rating|jump-?link|read-?more|more-?stories|tooltip|donat|dateline|timestamp|meta-?data|post-?meta|article-?meta|author|published", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex FurnitureHint();

    [GeneratedRegex(@"article-?body|articlebody|story-?body|post-?body|entry-?content|post-?content|article-?content|article-?text|story-?content|main-?content|body-?text|rich-?text|(^|\s)content(\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex ContentHint();
}

/// <summary>What an element's class and id names say about it.</summary>
[Flags]
internal enum Hint
{
    None = 0,

    /// <summary>Names page furniture: share bars, comments, related links, newsletter boxes.</summary>
    Furniture = 1,

    /// <summary>Names the article body.</summary>
    Content = 2,
}
