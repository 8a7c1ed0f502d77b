using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Cli.Bench;

/// <summary>
/// Article extraction on one core: Storyline against SmartReader (in-process) and, where installed,
/// Readability.js on node (with jsdom and with linkedom) and Debian's python3-readability — the same pages, in the
/// same run, so the ratios count. The ratios are of CPU time (user + sys) per page: on a shared machine wall time
/// mostly measures the neighbours, and the reference tools run in processes of their own.
/// </summary>
internal static class ExtractionBench
{
    private sealed record Row(string Tool, int Pages, double WallSeconds, double CpuSeconds, string Note)
    {
        public double PagesPerCpuSecond => CpuSeconds > 0 ? Pages / CpuSeconds : 0;

        public double PagesPerSecond => WallSeconds > 0 ? Pages / WallSeconds : 0;
    }

    public static int Run(string[] folders, int count, bool storylineOnly = false)
    {
        var corpus = BenchCorpus.Load(folders);
        if (corpus.Pages.Count == 0)
            return Output.Fail("no .html or .html.gz pages under the given folders", ExitCodes.Usage);
        var pages = Enumerable.Range(0, count).Select(i => corpus.Pages[i % corpus.Pages.Count]).ToList();
        Output.Error.MarkupLine($"[grey]{corpus.Pages.Count} distinct pages, {count} extractions per tool, one thread, load average {Machine.LoadAverage()}[/]");

        var extractor = new ArticleExtractor();
        Output.Error.MarkupLine($"[grey]output digest {Digest(extractor, corpus.Pages)} (changes when any page's extracted text or metadata does)[/]");
        var rows = new List<Row> { Time("Storyline", pages, corpus.Pages, page => extractor.Extract(new SourceDocument("bench:", page, ContentKind.Html)).Text.Length) };
        if (storylineOnly)
            return Print(rows);
        rows.Add(Time("SmartReader 0.11 (in-process)", pages, corpus.Pages, page => new SmartReader.Reader("https://example.org/", page).GetArticle().TextContent?.Length ?? 0));
        var pageDir = Directory.CreateTempSubdirectory("storyline-bench-pages-");
        try
        {
            for (int i = 0; i < corpus.Pages.Count; i++)
                File.WriteAllText(Path.Combine(pageDir.FullName, $"{i:D5}.html"), corpus.Pages[i]);
            rows.Add(External("Readability.js 0.6 + jsdom 26 (node)", () => ReferenceTools.ReadabilityJs("jsdom", pageDir.FullName, count)));
            rows.Add(External("Readability.js 0.6 + linkedom (node)", () => ReferenceTools.ReadabilityJs("linkedom", pageDir.FullName, count)));
            rows.Add(External("python3-readability (Debian)", () => ReferenceTools.PythonReadability(pageDir.FullName, count)));
        }
        finally
        {
            pageDir.Delete(recursive: true);
        }
        return Print(rows);
    }

    /// <summary>
    /// A hash of what extraction makes of every distinct page (text, lines, metadata, warnings): a speed-up that
    /// changes it changed the output, which is how one checks that an optimisation is only that.
    /// </summary>
    private static string Digest(ArticleExtractor extractor, IReadOnlyList<string> pages)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var page in pages)
        {
            var d = extractor.Extract(new SourceDocument("bench:", page, ContentKind.Html));
            var m = d.Metadata;
            var fields = new[]
            {
                d.Text, m.Title, m.Outlet, m.Language, m.Published?.ToString("O", CultureInfo.InvariantCulture), m.PublishedNote,
                string.Join("|", m.Authors), string.Join("|", m.Warnings), string.Join("|", d.Lines.Select(l => $"{l.Span.Start}:{l.Span.Length}:{l.Label}")),
            };
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join("\u0001", fields.Select(f => f ?? "\u0000")) + "\u0002"));
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static int Print(List<Row> rows)
    {
        var ours = rows[0];
        var table = new Table().Title($"Extraction, one thread (load average {Machine.LoadAverage()} at the end)")
            .AddColumns("tool", "pages", "ms CPU/page", "pages/CPU-s", "Storyline is", "pages/s wall");
        foreach (var r in rows)
        {
            bool ran = r.Pages > 0;
            table.AddRow(Markup.Escape(r.Tool), I(r.Pages), ran ? F(1000 * r.CpuSeconds / r.Pages, "0.00") : "—", ran ? F(r.PagesPerCpuSecond, "0") : "—",
                ran && r.PagesPerCpuSecond > 0 ? F(ours.PagesPerCpuSecond / r.PagesPerCpuSecond, "0.0") + "×" : "—", ran ? F(r.PagesPerSecond, "0") : "—");
        }
        AnsiConsole.Write(table);
        // Notes below the table, not in a column: a narrow terminal would wrap every row into a tower.
        foreach (var r in rows)
            AnsiConsole.MarkupLine($"{Markup.Escape(r.Tool)}: {Markup.Escape(r.Note)}");
        AnsiConsole.MarkupLine("Ratios are of CPU time (user + sys) per page, each tool on the same pages in this run; wall time is shown for reference only.");
        return ExitCodes.Ok;
    }

    /// <summary>Warm-up passes stop here, or after this much CPU time, if the passes never settle.</summary>
    private const int MaxWarmUpPasses = 10;

    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Untimed passes over the distinct pages until two in a row are no faster than the fastest before (one slow pass
    /// is as often a busy neighbour as settled code). Tiered compilation keeps
    /// recompiling hot code for seconds after start (longer on a loaded machine, where the background compiler waits
    /// for a core): twenty pages of warm-up measured the JIT at work for most of the timed run, at two to three times
    /// the CPU per page of the settled code. Archives are millions of pages; the settled code is what they run on.
    /// </summary>
    private static int WarmUp(IReadOnlyList<string> distinct, Func<string, int> extract)
    {
        var start = Machine.ProcessCpu();
        var fastest = TimeSpan.MaxValue;
        int stale = 0;
        for (int pass = 1; ; pass++)
        {
            var cpu = Machine.ProcessCpu();
            foreach (var p in distinct)
                extract(p);
            var used = Machine.ProcessCpu() - cpu;
            stale = used.TotalSeconds < 0.97 * fastest.TotalSeconds ? 0 : stale + 1;
            if (used < fastest)
                fastest = used;
            if (stale == 2 || pass == MaxWarmUpPasses || Machine.ProcessCpu() - start > MaxWarmUp)
                return pass;
        }
    }

    private static Row Time(string tool, List<string> pages, IReadOnlyList<string> distinct, Func<string, int> extract)
    {
        int passes = WarmUp(distinct, extract);
        GC.Collect();
        var cpu = Machine.ProcessCpu();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long chars = 0;
        foreach (var p in pages)
            chars += extract(p);
        clock.Stop();
        var used = Machine.ProcessCpu() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new Row(tool, pages.Count, clock.Elapsed.TotalSeconds, used.TotalSeconds,
            $"{chars / Math.Max(1, pages.Count)} chars/page, {allocated / Math.Max(1, pages.Count) / 1e6:0.0} MB allocated/page, in-process, after {passes} warm-up passes over the distinct pages");
    }

    private static Row External(string tool, Func<ExternalTiming> run)
    {
        Output.Error.MarkupLine($"[grey]{Markup.Escape(tool)} …[/]");
        var t = run();
        return t.Skipped is { } why
            ? new Row(tool, 0, 0, 0, "skipped: " + why)
            : new Row(tool, t.Pages, t.WallSeconds, t.CpuSeconds, "same pages, own process");
    }

    private static string I(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
}
