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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "!doctype",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Elements whose content is raw text: tags inside them are not tags.</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RawTextTags =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "noscript" }.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Limit(string html, out bool changed)
    {
        changed = false;
        if (!NeedsLimit(html))
            return html;
        // The output is only written once a tag is dropped: until then it would equal the input, and almost no page
        // nests that deep, so the common case reads the page and allocates nothing.
        StringBuilder? output = null;
        int copied = 0;
        void Drop(int start, int end)
        {
            output ??= new StringBuilder(html.Length);
            output.Append(html, copied, start - copied);
            copied = end;
        }
        var dropped = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var droppedByName = dropped.GetAlternateLookup<ReadOnlySpan<char>>();
        int depth = 0, i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0)
                break;
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                int endComment = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = endComment < 0 ? html.Length : endComment + 3;
                continue;
            }
            int gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
                break;
            var name = ReadTag(html.AsSpan(lt + 1, gt - lt - 1), out bool closing, out bool selfClosing);
            i = gt + 1;
            if (name.IsEmpty)
                continue;
            if (closing)
            {
                if (dropped.Count > 0 && droppedByName.TryGetValue(name, out int n) && n > 0)
                {
                    droppedByName[name] = n - 1;
                    Drop(lt, gt + 1);
                    continue;
                }
                depth = Math.Max(0, depth - 1);
                continue;
            }
            if (selfClosing || VoidTags.Contains(name))
                continue;
            if (RawTextTags.Contains(name))
            {
                int end = IndexOfEndTag(html, name, gt + 1);
                i = end < 0 ? html.Length : end;
                continue;
            }
            if (depth >= MaxDepth)
            {
                droppedByName[name] = droppedByName.TryGetValue(name, out int d) ? d + 1 : 1;
                Drop(lt, gt + 1);
                continue;
            }
            depth++;
        }
        if (output is null)
            return html;
        changed = true;
        return output.Append(html, copied, html.Length - copied).ToString();
    }

    /// <summary>Where "&lt;/name" next starts (any case), or -1.</summary>
    private static int IndexOfEndTag(string html, ReadOnlySpan<char> name, int from)
    {
        for (int at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            if (html.AsSpan(at + 2).StartsWith(name, StringComparison.OrdinalIgnoreCase))
                return at;
        }
        return -1;
    }

    /// <summary>Cheap check: a page with fewer '&lt;' than the limit cannot nest past it.</summary>
    private static bool NeedsLimit(string html) => html.AsSpan().Count('<') > MaxDepth;

    private static ReadOnlySpan<char> ReadTag(ReadOnlySpan<char> tag, out bool closing, out bool selfClosing)
    {
        closing = tag.Length > 0 && tag[0] == '/';
        selfClosing = false;
        if (closing)
            tag = tag[1..];
        int n = 0;
        while (n < tag.Length && (char.IsAsciiLetterOrDigit(tag[n]) || tag[n] is '-' or '!' or ':'))
            n++;
        if (n == 0 || !(char.IsAsciiLetter(tag[0]) || tag[0] == '!'))
            return [];
        selfClosing = tag[^1] == '/';
        return tag[..n];
    }
}
