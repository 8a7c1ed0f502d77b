using System.IO.Compression;
using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Evaluation.Extraction;

/// <summary>Reading the extraction datasets' pages (<c>.html.gz</c>, UTF-8 or a declared charset) and the article a document holds.</summary>
internal static class DatasetFiles
{
    /// <summary>Decompresses a page; bytes that are not UTF-8 are read in the charset the page declares, else Latin-1.</summary>
    public static string ReadHtml(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return HtmlDecoding.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static SourceDocument Source(string uri, string html) => new(uri, html, ContentKind.Html);

    /// <summary>The body the benchmarks compare: headings and paragraphs, without the title line.</summary>
    public static string Body(Document d) =>
        string.Join("\n", d.Lines.Where(l => l.Label is LineLabel.Body or LineLabel.Heading).Select(l => d.Slice(l.Span)));

    public static string Normalize(string? s) => string.Join(' ', (s ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
