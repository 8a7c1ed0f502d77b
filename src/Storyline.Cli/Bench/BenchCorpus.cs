using System.IO.Compression;
using System.Text;
using Storyline.Ingest;

namespace Storyline.Cli.Bench;

/// <summary>HTML pages for benchmarks, loaded once into memory and repeated to any length as distinct documents.</summary>
internal sealed class BenchCorpus
{
    private BenchCorpus(IReadOnlyList<string> pages) => Pages = pages;

    public IReadOnlyList<string> Pages { get; }

    public long Bytes => Pages.Sum(p => (long)Encoding.UTF8.GetByteCount(p));

    /// <summary>Every .html, .htm and .html.gz under the folders, in ordinal order.</summary>
    public static BenchCorpus Load(IEnumerable<string> folders)
    {
        var files = folders.SelectMany(f => File.Exists(f) ? [f] : Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return new BenchCorpus(files.Select(ReadPage).ToList());
    }

    private static string ReadPage(string file)
    {
        using var stream = File.OpenRead(file);
        using var input = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// <paramref name="count"/> documents cycling through the pages. Each repeat gets a unique trailing comment, so its
    /// content hash differs and the store really writes it, while extraction does the same work.
    /// </summary>
    public IEnumerable<SourceDocument> Repeat(int count, ContentKind kind, IReadOnlyList<string>? texts = null)
    {
        var source = texts ?? Pages;
        for (int i = 0; i < count; i++)
        {
            var page = source[i % source.Count];
            var content = kind == ContentKind.Html ? page + $"<!-- copy {i} -->" : page + $"\n\u200B{i}";
            yield return new SourceDocument($"bench:{i}", content, kind);
        }
    }
}
