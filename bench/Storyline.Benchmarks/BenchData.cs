using System.IO.Compression;
using System.Text;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Benchmarks;

/// <summary>
/// The inputs every benchmark shares: HTML pages from the folders in <see cref="PagesVariable"/> (the repository
/// ships no dataset text), or, without them, a small hand-made page, so every benchmark runs from a fresh clone.
/// </summary>
public static class BenchData
{
    public const string PagesVariable = "STORYLINE_BENCH_PAGES";

    /// <summary>Pages used at most: enough variety for stable figures, few enough to load in a second.</summary>
    public const int MaxPages = 100;

    public static IReadOnlyList<string> Pages() => Folders() is { Length: > 0 } folders ? Read(folders) : [SamplePage];

    /// <summary>The extracted article text of each page: the input of every stage after extraction.</summary>
    public static IReadOnlyList<string> Texts()
    {
        var extractor = new ArticleExtractor();
        var texts = Pages().Select(p => extractor.Extract(new SourceDocument("bench:", p, ContentKind.Html)).Text).Where(t => t.Length > 0).ToList();
        return texts.Count > 0 ? texts : [SampleText];
    }

    private static string[] Folders() =>
        Environment.GetEnvironmentVariable(PagesVariable)?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static List<string> Read(string[] folders) =>
        folders.SelectMany(f => File.Exists(f) ? [f] : Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Take(MaxPages)
            .Select(ReadPage)
            .ToList();

    private static string ReadPage(string file)
    {
        using var stream = File.OpenRead(file);
        using var input = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>A made-up news paragraph with the phenomena the stages look for: names, quotes, dates, numbers.</summary>
    private const string SampleText =
        """
        Harbour council approves new ferry terminal
        PORTVILLE, March 3 (Staff) - The Portville harbour council voted on Tuesday to build a ferry terminal, ending a dispute that began in 2019.
        "This is the day the town has waited for," said Mara Ellison, the council's chair. "We will open the first berth next spring."
        Opponents said the plan would cost 42 million euros and that the council had ignored two reports last year.
        Jonas Petrov, who leads the Save the Quay group, told reporters on Wednesday that he would appeal the decision within 30 days.
        The regional transport ministry said in a statement that it welcomed the vote and expected work to start in June.
        """;

    private static readonly string SamplePage =
        "<html><head><title>Harbour council approves new ferry terminal</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        + string.Concat(SampleText.Split('\n').Skip(1).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"))
        + "</article><footer>Copyright Portville Gazette</footer></body></html>";
}
