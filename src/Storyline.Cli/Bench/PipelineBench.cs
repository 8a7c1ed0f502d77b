using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Storyline.Extraction;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Cli.Bench;

/// <summary>One measured run: throughput, latency percentiles and memory.</summary>
internal sealed record BenchResult(string Corpus, int Threads, int Documents, double Seconds, double CpuSeconds, double MegaBytes, double P50Ms, double P99Ms,
    long PeakWorkingSetMb, long ManagedMb, string LoadAverage, string StoreDigest, long AllocatedBytes, TimeSpan GcPause)
{
    public double DocumentsPerSecond => Documents / Seconds;

    /// <summary>CPU time (user + sys, every thread of the process) per document: comparable across runs on a shared machine.</summary>
    public double CpuMsPerDocument => 1000 * CpuSeconds / Documents;

    /// <summary>Managed memory allocated per document (every thread): what the garbage collector has to reclaim.</summary>
    public double AllocatedMbPerDocument => AllocatedBytes / 1e6 / Math.Max(1, Documents);

    /// <summary>The share of the run's wall time that the runtime held every managed thread for a collection.</summary>
    public double GcPauseShare => GcPause.TotalSeconds / Seconds;
}

/// <summary>
/// End-to-end throughput: extraction → language → entities → statements → time → events → SQLite writes,
/// on HTML pages and on the text of their extracted bodies, with one thread and with all cores.
/// Warm-up passes run first, untimed: without them the first measured run also pays for JIT compilation (tiered
/// compilation promotes the hot paths only after they have run a while) and for loading the models and lexicons,
/// which made one thread on HTML — the first run — look three times slower than two.
/// </summary>
internal static class PipelineBench
{
    /// <summary>Documents of each warm-up pass.</summary>
    private const int WarmUpDocuments = 100;

    /// <summary>Warm-up passes of each corpus stop here, or after this much CPU time, if the passes never settle.</summary>
    private const int MaxWarmUpPasses = 10;

    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    public static int Run(string[] folders, int count, IReadOnlyList<int> threadCounts, IReadOnlyCollection<string>? corpora = null)
    {
        var corpus = BenchCorpus.Load(folders);
        if (corpus.Pages.Count == 0)
            return Output.Fail("no .html or .html.gz pages under the given folders", ExitCodes.Usage);
        Output.Error.MarkupLine($"[grey]{corpus.Pages.Count} pages ({corpus.Bytes / 1e6:0.0} MB), repeated to {count} documents[/]");

        // The text corpus: the extracted bodies of the same pages.
        var extractor = new ArticleExtractor();
        var bodies = corpus.Pages.Select(p => extractor.Extract(new SourceDocument("bench:", p, ContentKind.Html)).BodyText)
            .Where(b => b.Length > 0).ToList();

        var results = new List<BenchResult>();
        var stageTables = new List<(string Title, IReadOnlyList<(string Stage, TimeSpan Time)> Times)>();
        var runs = new[] { ("html", ContentKind.Html, (IReadOnlyList<string>?)null), ("text", ContentKind.Text, bodies) }
            .Where(r => corpora is null || corpora.Count == 0 || corpora.Contains(r.Item1)).ToList();
        foreach (var (name, kind, texts) in runs)
        {
            int passes = WarmUp(() => corpus.Repeat(Math.Min(count, WarmUpDocuments), kind, texts));
            Output.Error.MarkupLine($"[grey]{name}: {passes} warm-up passes of {Math.Min(count, WarmUpDocuments)} documents[/]");
        }
        foreach (var (name, kind, texts) in runs)
        {
            foreach (var threads in threadCounts)
            {
                var pipeline = Pipeline.CreateDefault();
                var (result, storeTime) = Measure(name, corpus.Repeat(count, kind, texts), pipeline, threads);
                results.Add(result);
                stageTables.Add(($"{name}, {threads} thread(s)", [.. pipeline.StageTimes(), ("store (SQLite)", storeTime)]));
                Output.Error.MarkupLine($"[grey]{name}, {threads} thread(s): {result.DocumentsPerSecond:0} docs/s, {result.CpuMsPerDocument:0.0} ms CPU/doc, {result.AllocatedMbPerDocument:0.00} MB allocated/doc, load average {result.LoadAverage}, store digest {result.StoreDigest}[/]");
            }
        }

        var table = new Table().Title("Pipeline throughput (including SQLite writes)")
            .AddColumns("corpus", "threads", "docs", "docs/s", "ms CPU/doc", "MB/s", "p50 ms", "p99 ms", "MB alloc/doc", "GC pause", "peak RSS MB", "managed MB", "load avg");
        foreach (var r in results)
        {
            table.AddRow(r.Corpus, I(r.Threads), I(r.Documents), F(r.DocumentsPerSecond, "0"), F(r.CpuMsPerDocument, "0.00"), F(r.MegaBytes / r.Seconds, "0.0"),
                F(r.P50Ms, "0.00"), F(r.P99Ms, "0.00"), F(r.AllocatedMbPerDocument, "0.00"), F(100 * r.GcPauseShare, "0.0") + "%",
                I(r.PeakWorkingSetMb), I(r.ManagedMb), r.LoadAverage);
        }
        AnsiConsole.Write(table);
        foreach (var (title, times) in stageTables)
            AnsiConsole.Write(StageTable(title, times));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Untimed passes until two in a row are no faster (in CPU time) than the fastest before, as in
    /// <c>bench extraction</c>: tiered compilation keeps recompiling hot code for seconds after start, longer on a
    /// loaded machine, and one fixed warm-up of 200 documents left part of that in the first timed run.
    /// </summary>
    private static int WarmUp(Func<IEnumerable<SourceDocument>> sources)
    {
        var start = Machine.ProcessCpu();
        double fastest = double.MaxValue;
        int stale = 0;
        for (int pass = 1; ; pass++)
        {
            double used = Measure("warm-up", sources(), Pipeline.CreateDefault(), 1, digest: false).Result.CpuSeconds;
            stale = used < 0.97 * fastest ? 0 : stale + 1;
            fastest = Math.Min(fastest, used);
            if (stale == 2 || pass == MaxWarmUpPasses || Machine.ProcessCpu() - start > MaxWarmUp)
                return pass;
        }
    }

    public static (BenchResult Result, TimeSpan StoreTime) Measure(string corpus, IEnumerable<SourceDocument> sources, Pipeline pipeline, int threads, bool digest = true)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"storyline-bench-{Environment.ProcessId}-{Guid.NewGuid():n}.db");
        try
        {
            using var store = new SqliteStore(dbPath);
            var runner = new PipelineRunner(pipeline, store, threads);
            var latencies = new List<double>();
            long bytes = 0;
            GC.Collect();
            var load = Machine.LoadAverage();
            var cpu = Machine.ProcessCpu();
            long allocated = GC.GetTotalAllocatedBytes();
            var paused = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            foreach (var item in runner.Run(sources))
            {
                latencies.Add(item.Elapsed.TotalMilliseconds);
                bytes += Encoding.UTF8.GetByteCount(item.Source.Content);
            }
            clock.Stop();
            var used = Machine.ProcessCpu() - cpu;
            allocated = GC.GetTotalAllocatedBytes() - allocated;
            paused = GC.GetTotalPauseDuration() - paused;
            latencies.Sort();
            using var process = Process.GetCurrentProcess();
            var result = new BenchResult(corpus, threads, latencies.Count, clock.Elapsed.TotalSeconds, used.TotalSeconds, bytes / 1e6,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), process.PeakWorkingSet64 >> 20, GC.GetTotalMemory(false) >> 20, load,
                digest ? StoreDigest.Of(dbPath) : "", allocated, paused);
            return (result, runner.StoreTime);
        }
        finally
        {
            foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" })
                File.Delete(f);
        }
    }

    private static Table StageTable(string title, IReadOnlyList<(string Stage, TimeSpan Time)> times)
    {
        var total = times.Sum(t => t.Time.TotalMilliseconds);
        var table = new Table().Title($"Time per stage — {title}").AddColumns("stage", "seconds (all threads)", "share");
        foreach (var (stage, time) in times)
            table.AddRow(stage, F(time.TotalSeconds, "0.00"), F(total == 0 ? 0 : 100 * time.TotalMilliseconds / total, "0.0") + "%");
        return table;
    }

    public static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string I(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
}
