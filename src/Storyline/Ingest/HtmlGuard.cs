namespace Storyline.Ingest;

/// <summary>
/// Refuses HTML built to exhaust a parser before it reaches one: tree builders slow to a crawl (or run out of stack)
/// on elements nested a hundred thousand deep, while real pages nest a few dozen levels. One linear scan of the tags.
/// </summary>
public static class HtmlGuard
{
    public const int MaxDepth = 5000;

    /// <summary>Elements with no end tag, or whose end tag may be left out (the parser closes them itself).</summary>
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    };

    /// <returns>Why the HTML is refused, or null when it may be parsed.</returns>
    public static string? Check(string html)
    {
        int depth = 0;
        for (int i = html.IndexOf('<'); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            bool closing = html[i + 1] == '/';
            int start = closing ? i + 2 : i + 1;
            int end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
                end++;
            if (end == start || !char.IsAsciiLetter(html[start]))
                continue;
            var name = html.AsSpan(start, end - start);
            if (NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                continue;
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }
            int close = html.IndexOf('>', end);
            if (close > 0 && html[close - 1] == '/')
                continue;
            if (++depth > MaxDepth)
                return $"HTML nested deeper than {MaxDepth} levels (a parser-exhaustion input, not a page)";
        }
        return null;
    }
}
