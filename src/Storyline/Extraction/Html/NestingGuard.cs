using System.Text;

namespace Storyline.Extraction.Html;

/// <summary>
/// Caps how deep a page's elements nest before it is parsed. The HTML tree builder checks the stack of open
/// elements at every tag, so 100,000 unclosed &lt;div&gt;s cost it quadratic time; no real page nests past a few
/// hundred levels. Start tags deeper than <see cref="MaxDepth"/> are dropped, with as many matching end tags;
/// the text inside them is kept. One linear pass; pages within the limit come back unchanged (the same string).
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 400;

    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype",
    };

    /// <summary>Elements whose content is raw text: tags inside them are not tags.</summary>
    private static readonly HashSet<string> RawTextTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "noscript" };

    public static string Limit(string html, out bool changed)
    {
        changed = false;
        if (!NeedsLimit(html))
            return html;
        var output = new StringBuilder(html.Length);
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int depth = 0, i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                output.Append(html, i, html.Length - i);
                break;
            }
            output.Append(html, i, lt - i);
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                int endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                int stop = endComment < 0 ? html.Length : endComment + 3;
                output.Append(html, lt, stop - lt);
                i = stop;
                continue;
            }
            int gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                output.Append(html, lt, html.Length - lt);
                break;
            }
            var (name, closing, selfClosing) = ReadTag(html.AsSpan(lt + 1, gt - lt - 1));
            i = gt + 1;
            if (name.Length == 0)
            {
                output.Append(html, lt, gt + 1 - lt);
                continue;
            }
            if (closing)
            {
                if (dropped.TryGetValue(name, out int n) && n > 0)
                {
                    dropped[name] = n - 1;
                    changed = true;
                    continue;
                }
                depth = Math.Max(0, depth - 1);
                output.Append(html, lt, gt + 1 - lt);
                continue;
            }
            if (VoidTags.Contains(name) || selfClosing)
            {
                output.Append(html, lt, gt + 1 - lt);
                continue;
            }
            if (RawTextTags.Contains(name))
            {
                int end = html.IndexOf("</" + name, gt + 1, StringComparison.OrdinalIgnoreCase);
                int stop = end < 0 ? html.Length : end;
                output.Append(html, lt, stop - lt);
                i = stop;
                continue;
            }
            if (depth >= MaxDepth)
            {
                dropped[name] = dropped.GetValueOrDefault(name) + 1;
                changed = true;
                continue;
            }
            depth++;
            output.Append(html, lt, gt + 1 - lt);
        }
        return changed ? output.ToString() : html;
    }

    /// <summary>Cheap check: a page with fewer '&lt;' than the limit cannot nest past it.</summary>
    private static bool NeedsLimit(string html) => html.AsSpan().Count('<') > MaxDepth;

    private static (string Name, bool Closing, bool SelfClosing) ReadTag(ReadOnlySpan<char> tag)
    {
        bool closing = tag.Length > 0 && tag[0] == '/';
        if (closing)
            tag = tag[1..];
        int n = 0;
        while (n < tag.Length && (char.IsAsciiLetterOrDigit(tag[n]) || tag[n] is '-' or '!' or ':'))
            n++;
        if (n == 0 || !(char.IsAsciiLetter(tag[0]) || tag[0] == '!'))
            return ("", false, false);
        return (tag[..n].ToString(), closing, tag.Length > 0 && tag[^1] == '/');
    }
}
