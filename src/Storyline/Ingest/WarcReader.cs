using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Storyline.Ingest;

/// <summary>
/// Streams the HTML pages out of a WARC file (ISO 28500, the format of web archives and Common Crawl), plain or gzip'ed
/// record by record. Memory stays constant whatever the file's size: one record is held at a time, and records over
/// <see cref="MaxRecordBytes"/> are skipped without being held. Only successful (2xx) HTML responses become documents;
/// a truncated or corrupt file ends with a warning after the last good record.
/// </summary>
public sealed class WarcReader(Action<IngestWarning> warn)
{
    public const int MaxRecordBytes = 16 * 1024 * 1024;
    private const int MaxHeaderLine = 64 * 1024;

    public static bool IsWarc(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<SourceDocument> Read(string path)
    {
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn(new IngestWarning(path, $"cannot read: {e.Message}"));
            yield break;
        }
        using (file)
        {
            foreach (var d in Read(file, path))
                yield return d;
        }
    }

    public IEnumerable<SourceDocument> Read(Stream stream, string name)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        Stream input = buffered;
        if (IsGzip(buffered))
            input = new BufferedStream(new GZipStream(buffered, CompressionMode.Decompress), 1 << 16);
        using (input)
        {
            for (int number = 1; ; number++)
            {
                var (done, document) = Next(input, name, number);
                if (document is not null)
                    yield return document;
                if (done)
                    yield break;
            }
        }
    }

    private static bool IsGzip(BufferedStream s)
    {
        // BufferedStream has no peek: read the magic and step back inside its buffer.
        int a = s.ReadByte();
        int b = a < 0 ? -1 : s.ReadByte();
        if (a >= 0)
            s.Seek(b < 0 ? -1 : -2, SeekOrigin.Current);
        return a == 0x1F && b == 0x8B;
    }

    /// <summary>Reads one record; returns done at the end of input or at the first damage (reported).</summary>
    private (bool Done, SourceDocument? Document) Next(Stream input, string name, int number)
    {
        try
        {
            string? version;
            do
            {
                version = ReadLine(input);
                if (version is null)
                    return (true, null);
            }
            while (version.Length == 0);
            if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            {
                warn(new IngestWarning($"{name}#{number}", $"not a WARC record (starts with '{Shorten(version)}'); reading stopped"));
                return (true, null);
            }
            var headers = ReadHeaders(input);
            if (!long.TryParse(headers.GetValueOrDefault("content-length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < 0)
            {
                warn(new IngestWarning($"{name}#{number}", "WARC record without a valid Content-Length; reading stopped"));
                return (true, null);
            }
            var type = headers.GetValueOrDefault("warc-type");
            var target = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>');
            bool wanted = type == "response" && target is not null
                && (headers.GetValueOrDefault("content-type") ?? "").StartsWith("application/http", StringComparison.OrdinalIgnoreCase);
            if (!wanted || length > MaxRecordBytes)
            {
                if (wanted)
                    warn(new IngestWarning(target!, $"WARC record of {length} bytes is over the {MaxRecordBytes}-byte limit; skipped"));
                Skip(input, length);
                return (false, null);
            }
            var block = new byte[length];
            input.ReadExactly(block);
            return (false, ToDocument(block, target!));
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            warn(new IngestWarning($"{name}#{number}", $"truncated or corrupt WARC ({e.Message}); reading stopped"));
            return (true, null);
        }
    }

    /// <summary>The HTTP response inside a record: only 2xx HTML bodies are articles.</summary>
    private SourceDocument? ToDocument(byte[] block, string target)
    {
        int headerEnd = block.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
            return null;
        var head = Encoding.Latin1.GetString(block, 0, headerEnd).Split("\r\n");
        var status = head[0].Split(' ');
        if (status.Length < 2 || !status[1].StartsWith('2'))
            return null;
        var headers = head.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        var contentType = headers.GetValueOrDefault("content-type") ?? "";
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/html" or "application/xhtml+xml"))
            return null;
        byte[] body = block[(headerEnd + 4)..];
        try
        {
            if (headers.GetValueOrDefault("transfer-encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
                body = Dechunk(body);
            if (headers.GetValueOrDefault("content-encoding")?.Trim().ToLowerInvariant() is "gzip" or "x-gzip")
                body = Gunzip(body);
        }
        catch (InvalidDataException e)
        {
            warn(new IngestWarning(target, $"body could not be decoded: {e.Message}"));
            return null;
        }
        var notes = new List<string>();
        var charset = contentType.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?[8..];
        var html = CharsetDecoder.Decode(body, charset, notes);
        var refused = html is null ? notes.LastOrDefault() ?? "not text" : HtmlGuard.Check(html);
        if (refused is not null)
        {
            warn(new IngestWarning(target, refused));
            return null;
        }
        return new SourceDocument(target, html!, ContentKind.Html);
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var gz = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = gz.Read(chunk)) > 0)
        {
            if (output.Length + n > MaxRecordBytes)
                throw new InvalidDataException($"decompressed body over {MaxRecordBytes} bytes");
            output.Write(chunk, 0, n);
        }
        return output.ToArray();
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream();
        int at = 0;
        while (at < body.Length)
        {
            int eol = body.AsSpan(at).IndexOf("\r\n"u8);
            if (eol < 0)
                break;
            var sizeText = Encoding.ASCII.GetString(body, at, eol).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size < 0 || at + eol + 2 + size > body.Length)
                throw new InvalidDataException("bad chunked encoding");
            if (size == 0)
                break;
            output.Write(body, at + eol + 2, size);
            at += eol + 2 + size + 2;
        }
        return output.ToArray();
    }

    private static Dictionary<string, string> ReadHeaders(Stream input)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int count = 0; ; count++)
        {
            var line = ReadLine(input) ?? throw new EndOfStreamException("end of file inside WARC headers");
            if (line.Length == 0)
                return headers;
            if (count > 1000)
                throw new InvalidDataException("more than 1000 WARC header lines");
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
                headers.TryAdd(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
        }
    }

    /// <summary>One CRLF- (or LF-) terminated line of UTF-8, or null at the end of input.</summary>
    private static string? ReadLine(Stream input)
    {
        var bytes = new List<byte>(128);
        while (true)
        {
            int b = input.ReadByte();
            if (b < 0)
                return bytes.Count == 0 ? null : throw new EndOfStreamException("end of file inside a WARC header line");
            if (b == '\n')
                break;
            if (bytes.Count >= MaxHeaderLine)
                throw new InvalidDataException($"a WARC header line over {MaxHeaderLine} bytes");
            bytes.Add((byte)b);
        }
        if (bytes.Count > 0 && bytes[^1] == '\r')
            bytes.RemoveAt(bytes.Count - 1);
        return Encoding.UTF8.GetString([.. bytes]);
    }

    private static void Skip(Stream input, long length)
    {
        var chunk = new byte[81920];
        while (length > 0)
        {
            int n = input.Read(chunk, 0, (int)Math.Min(chunk.Length, length));
            if (n == 0)
                throw new EndOfStreamException("end of file inside a WARC record");
            length -= n;
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
