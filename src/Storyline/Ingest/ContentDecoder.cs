using System.Text;

namespace Storyline.Ingest;

/// <summary>Turns raw bytes into text, refusing what is not text rather than storing mojibake.</summary>
public static class ContentDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes strict UTF-8 (BOM allowed); returns an error message for empty, binary or non-UTF-8 input.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> bytes, out string text, out string? error)
    {
        text = "";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            bytes = bytes[3..];
        if (bytes.IsEmpty)
        {
            error = "empty file";
            return false;
        }
        if (LooksBinary(bytes))
        {
            error = "binary content (not text)";
            return false;
        }
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            error = $"not valid UTF-8 (byte 0x{e.BytesUnknown?.FirstOrDefault():X2} at offset {e.Index}); re-encode the file as UTF-8";
            return false;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no text (only whitespace)";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>NUL bytes or a high share of control characters in the first 8 KiB mean binary.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        if (head.Contains((byte)0))
            return true;
        int control = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
                control++;
        }
        return control > head.Length / 20;
    }
}
