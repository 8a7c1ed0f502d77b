using System.Text;
using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>
/// Bytes of an HTML page → text: UTF-8 when the bytes are UTF-8 (whatever the page claims), else the charset
/// the page declares in its first bytes (<c>&lt;meta charset&gt;</c>, <c>http-equiv</c>), else Windows-1252,
/// which maps every byte.
/// </summary>
public static partial class HtmlDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The declaration must come this early (the HTML standard says 1024 bytes; pages are sloppier).</summary>
    private const int DeclarationWindow = 4096;

    static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return (DeclaredEncoding(bytes) ?? Encoding.GetEncoding(1252)).GetString(bytes);
        }
    }

    /// <summary>The encoding named by the page's charset declaration, or null when there is none or it is unknown.</summary>
    public static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, DeclarationWindow)]);
        var m = Charset().Match(head);
        if (!m.Success)
            return null;
        try
        {
            var encoding = Encoding.GetEncoding(m.Groups[1].Value);
            // A page that says UTF-8 but is not: its bytes are most likely Windows-1252.
            return encoding.CodePage == 65001 ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([\w.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();
}
