using System.Text.Json;

namespace Storyline.Ingest;

/// <summary>
/// Reads local files and folders: <c>.txt</c> (scraped text), <c>.html</c>/<c>.htm</c>, and <c>.jsonl</c>
/// (one article per line: <c>url</c>, <c>html</c> or <c>text</c>, optional <c>published</c>, <c>outlet</c>),
/// and web archives (<c>.warc</c>, <c>.warc.gz</c>, read by <see cref="WarcReader"/>).
/// Bad inputs become <see cref="IngestWarning"/>s; they never stop the run.
/// </summary>
public sealed class FileSource
{
    /// <summary>Files larger than this are refused: a news article is never 64 MiB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly string[] Extensions = [".txt", ".html", ".htm", ".jsonl"];

    private readonly Action<IngestWarning> _warn;

    public FileSource(Action<IngestWarning> warn) => _warn = warn;

    /// <summary>Expands folders (recursively, in ordinal order, so runs are deterministic) into readable files.</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths, Action<IngestWarning> warn)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) || WarcReader.IsWarc(f))
                    .Where(f => !f.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var f in files)
                    yield return f;
            }
            else if (File.Exists(path))
            {
                yield return path;
            }
            else
            {
                warn(new IngestWarning(path, "no such file or folder"));
            }
        }
    }

    /// <summary>How many documents the files hold, for progress: one per file, one per non-empty line of a .jsonl.</summary>
    public static long EstimateDocuments(IEnumerable<string> files)
    {
        long n = 0;
        foreach (var file in files)
        {
            if (!file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                n++;
                continue;
            }
            try
            {
                n += File.ReadLines(file).LongCount(l => !string.IsNullOrWhiteSpace(l));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                n++;
            }
        }
        return n;
    }

    public IEnumerable<SourceDocument> Read(IEnumerable<string> paths)
    {
        foreach (var file in ExpandPaths(paths, _warn))
        {
            foreach (var doc in ReadFile(file))
                yield return doc;
        }
    }

    public IEnumerable<SourceDocument> ReadFile(string file)
    {
        var ext = Path.GetExtension(file).ToLowerInvariant();
        if (WarcReader.IsWarc(file))
            return new WarcReader(_warn).Read(file);
        if (ext == ".jsonl")
            return ReadJsonLines(file);
        var doc = ReadSingle(file, ext is ".html" or ".htm" ? ContentKind.Html : ContentKind.Text);
        return doc is null ? [] : [doc];
    }

    private SourceDocument? ReadSingle(string file, ContentKind kind)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
            {
                _warn(new IngestWarning(file, $"file is {info.Length / (1024 * 1024)} MiB, over the {MaxFileBytes / (1024 * 1024)} MiB limit"));
                return null;
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn(new IngestWarning(file, $"cannot read: {e.Message}"));
            return null;
        }
        string? text;
        if (kind == ContentKind.Html)
        {
            // A page says its own charset (<meta charset>); legacy pages in windows-1251 or ISO-8859-2 are still common.
            var notes = new List<string>();
            text = CharsetDecoder.Decode(bytes, declared: null, notes);
            if (text is null)
            {
                _warn(new IngestWarning(file, notes.LastOrDefault() ?? "cannot decode"));
                return null;
            }
        }
        else if (!ContentDecoder.TryDecodeUtf8(bytes, out text, out var error))
        {
            _warn(new IngestWarning(file, error!));
            return null;
        }
        if (kind == ContentKind.Text && LooksLikeHtml(text))
            kind = ContentKind.Html;
        if (kind == ContentKind.Html && HtmlGuard.Check(text) is { } refused)
        {
            _warn(new IngestWarning(file, refused));
            return null;
        }
        return new SourceDocument(new Uri(Path.GetFullPath(file)).AbsoluteUri, text, kind);
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 1024)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private IEnumerable<SourceDocument> ReadJsonLines(string file)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _warn(new IngestWarning(file, $"cannot read: {e.Message}"));
            yield break;
        }
        int number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var doc = ParseJsonLine(line, $"{file}:{number}");
            if (doc is not null)
                yield return doc;
        }
    }

    internal SourceDocument? ParseJsonLine(string line, string where)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                _warn(new IngestWarning(where, "line is not a JSON object"));
                return null;
            }
            string? Get(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var html = Get("html");
            var text = Get("text");
            if (string.IsNullOrWhiteSpace(html) && string.IsNullOrWhiteSpace(text))
            {
                _warn(new IngestWarning(where, "neither \"html\" nor \"text\" is given"));
                return null;
            }
            DateOnly? published = null;
            if (Get("published") is { } p)
            {
                if (DateTimeOffset.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var dt))
                    published = DateOnly.FromDateTime(dt.UtcDateTime);
                else
                    _warn(new IngestWarning(where, $"unreadable \"published\" value '{p}' ignored"));
            }
            var uri = Get("url") ?? where;
            if (!string.IsNullOrWhiteSpace(html) && HtmlGuard.Check(html) is { } refused)
            {
                _warn(new IngestWarning(where, refused));
                return null;
            }
            return string.IsNullOrWhiteSpace(html)
                ? new SourceDocument(uri, text!, ContentKind.Text, published, Get("outlet"))
                : new SourceDocument(uri, html, ContentKind.Html, published, Get("outlet"));
        }
        catch (JsonException e)
        {
            _warn(new IngestWarning(where, $"invalid JSON: {e.Message}"));
            return null;
        }
    }
}
