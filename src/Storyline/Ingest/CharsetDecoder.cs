using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Ingest;

/// <summary>
/// Decodes web content by the best evidence, in order: a byte-order mark, the HTTP charset, a charset in the page's
/// own &lt;meta&gt; or XML declaration, UTF-8, and finally windows-1252 (what browsers assume for ISO-8859-1 and for
/// undeclared legacy pages). A declared charset that the bytes contradict is overruled, with a note saying so:
/// servers lie about charsets more often than UTF-8 bytes occur by chance in legacy text.
/// </summary>
public static partial class CharsetDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    static CharsetDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <returns>The text, or null when the bytes are not text (the reason is the last note).</returns>
    public static string? Decode(byte[] bytes, string? declared, List<string> notes)
    {
        if (bytes.Length == 0)
        {
            notes.Add("empty body");
            return null;
        }
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var text = TryStrict(StrictUtf8, bytes.AsSpan(3));
            if (text is null)
                notes.Add("a UTF-8 byte-order mark before bytes that are not UTF-8");
            return text;
        }
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (ContentDecoder.LooksBinary(bytes))
        {
            notes.Add("binary content (not text)");
            return null;
        }
        var candidates = new List<(string Name, string Where)>();
        if (!string.IsNullOrWhiteSpace(declared))
            candidates.Add((declared.Trim('"', '\'', ' '), "HTTP header"));
        if (Sniff(bytes) is { } sniffed)
            candidates.Add((sniffed, "document"));
        bool validUtf8 = TryStrict(StrictUtf8, bytes) is not null;
        foreach (var (name, where) in candidates)
        {
            var encoding = Lookup(name);
            if (encoding is null)
            {
                notes.Add($"unknown charset '{name}' in the {where} ignored");
                continue;
            }
            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                if (validUtf8)
                    return StrictUtf8.GetString(bytes);
                notes.Add($"the {where} says UTF-8 but the bytes are not valid UTF-8");
                continue;
            }
            if (encoding.IsSingleByte && validUtf8 && HasMultibyte(bytes))
            {
                notes.Add($"the {where} says {name} but the bytes are UTF-8; decoded as UTF-8");
                return StrictUtf8.GetString(bytes);
            }
            return encoding.GetString(bytes);
        }
        if (validUtf8)
            return StrictUtf8.GetString(bytes);
        notes.Add("no usable charset declared and not UTF-8; decoded as windows-1252");
        return Encoding.GetEncoding(1252).GetString(bytes);
    }

    private static string? TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool HasMultibyte(byte[] bytes) => bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>WHATWG labels: latin1 and iso-8859-1 mean windows-1252 on the web.</summary>
    private static Encoding? Lookup(string name)
    {
        var label = name.Trim().ToLowerInvariant();
        if (label is "latin1" or "iso-8859-1" or "iso8859-1" or "l1" or "us-ascii" or "ascii" or "cp1252")
            label = "windows-1252";
        try
        {
            return Encoding.GetEncoding(label);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A charset named by the document itself in its first 2 KiB: &lt;meta charset&gt;, http-equiv, or an XML declaration.</summary>
    private static string? Sniff(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var m = MetaCharset().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharset();
}
