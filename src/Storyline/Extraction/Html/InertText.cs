using System.Text;

namespace Storyline.Extraction.Html;

/// <summary>
/// Empties the &lt;script&gt; and &lt;style&gt; elements of a page before it is parsed, keeping their tags. Extraction
/// never reads their text (the block reader and the metadata skip them), yet on news pages it is half the characters:
/// the parser would tokenise it and keep it as strings, large enough to be allocated on the large object heap.
/// JSON-LD scripts are kept whole (the metadata reads them), and so is any script whose text holds "&lt;!--", where
/// the HTML tokeniser's escape rules could move the script's end. One linear pass that follows the tokeniser far
/// enough to know what is a tag: quoted attribute values, comments, and the other raw-text elements are skipped, so
/// "&lt;script" inside them is not a tag. (Inside &lt;svg&gt; and &lt;math&gt; a style's or script's text is markup to the
/// parser; both are skipped whole by the block reader, so emptying them there changes nothing extraction reads.)
/// A page with nothing to remove comes back unchanged (the same string).
/// </summary>
internal static class InertText
{
    /// <summary>Elements whose text is not markup (RCDATA and raw text): a "&lt;script" inside them is text.</summary>
    private static readonly string[] TextOnlyTags = ["textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    public static string Remove(string html)
    {
        StringBuilder? output = null;
        int copied = 0, i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
                break;
            char next = html[lt + 1];
            bool closing = next == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            if (next == '!' && html.AsSpan(lt).StartsWith("<!--"))
            {
                // A comment. It may end earlier for the parser ("-->" is not the only end), never later: skipping too
                // much only means removing less.
                int end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0)
                    break;
                i = end + 3;
                continue;
            }
            if (next is '!' or '?' || (closing && (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))))
            {
                // A doctype, CDATA section or bogus comment: it ends at the next '>'.
                int end = html.IndexOf('>', lt + 2);
                if (end < 0)
                    break;
                i = end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                i = lt + 1; // a '<' that starts no tag is text
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < html.Length && !IsTagNameEnd(html[nameEnd]))
                nameEnd++;
            int gt = TagEnd(html, nameEnd);
            if (gt < 0)
                break;
            i = gt + 1;
            if (closing)
                continue;
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
                break; // the rest of the page is text
            bool script = name.Equals("script", StringComparison.OrdinalIgnoreCase);
            if (script || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                int close = EndTag(html, name, i);
                if (close < 0)
                    break; // unclosed: the parser reads the rest as its text; leave it as it is
                var content = html.AsSpan(i, close - i);
                bool keep = content.IsEmpty
                    || (script && (html.AsSpan(lt, gt - lt).Contains("ld+json", StringComparison.OrdinalIgnoreCase) || content.Contains("<!--", StringComparison.Ordinal)));
                if (!keep)
                {
                    output ??= new StringBuilder(html.Length / 2);
                    output.Append(html, copied, i - copied);
                    copied = close;
                }
                i = close;
                continue;
            }
            foreach (var tag in TextOnlyTags)
            {
                if (name.Equals(tag, StringComparison.OrdinalIgnoreCase))
                {
                    int close = EndTag(html, name, i);
                    i = close < 0 ? html.Length : close;
                    break;
                }
            }
        }
        if (output is null)
            return html;
        return output.Append(html, copied, html.Length - copied).ToString();
    }

    private static bool IsTagNameEnd(char c) => c is '>' or '/' or ' ' or '\t' or '\n' or '\f' or '\r';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    /// <summary>The '&gt;' that ends a tag whose attributes start at <paramref name="i"/>, stepping over quoted values; -1 if none.</summary>
    private static int TagEnd(string html, int i)
    {
        while (i < html.Length)
        {
            char c = html[i];
            if (c == '>')
                return i;
            if (c != '=')
            {
                i++;
                continue;
            }
            i++;
            while (i < html.Length && IsSpace(html[i]))
                i++;
            if (i >= html.Length)
                return -1;
            if (html[i] is '"' or '\'')
            {
                int close = html.IndexOf(html[i], i + 1);
                if (close < 0)
                    return -1;
                i = close + 1;
                continue;
            }
            // An unquoted value runs to white space or '>'; quotes and '=' inside it are part of it.
            while (i < html.Length && html[i] != '>' && !IsSpace(html[i]))
                i++;
        }
        return -1;
    }

    /// <summary>Where the end tag "&lt;/name" (any case, followed by white space, '/' or '&gt;') next starts, or -1.</summary>
    private static int EndTag(string html, ReadOnlySpan<char> name, int from)
    {
        for (int at = html.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = html.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            int after = at + 2 + name.Length;
            if (after < html.Length && html.AsSpan(at + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) && IsTagNameEnd(html[after]))
                return at;
        }
        return -1;
    }
}
