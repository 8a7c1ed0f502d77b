using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Storyline.Extraction;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Cli.Bench;

/// <summary>One measured run: throughput, latency percentiles and memory.</summary>
internal sealed record BenchResult(string Corpus, int Threads, int Documents, double Seconds, double MegaBytes, double P50Ms, double P99Ms, long PeakWorkingSetMb, long ManagedMb)
{
    public double DocumentsPerSecond => Documents / Seconds;
}

/// <summary>
/// End-to-end throughput: extraction → language → entities → statements → time → events → SQLite writes,
/// on HTML pages and on the text of their extracted bodies, with one thread and with all cores.
/// </summary>
internal static class PipelineBench
{
    public static int Run(string[] folders, int count, IReadOnlyList<int> threadCounts)
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
        foreach (var (name, kind, texts) in new[] { ("html", ContentKind.Html, (IReadOnlyList<string>?)null), ("text", ContentKind.Text, bodies) })
        {
            foreach (var threads in threadCounts)
            {
                var pipeline = Pipeline.CreateDefault();
                var (result, storeTime) = Measure(name, corpus.Repeat(count, kind, texts), pipeline, threads);
                results.Add(result);
                stageTables.Add(($"{name}, {threads} thread(s)", [.. pipeline.StageTimes(), ("store (SQLite)", storeTime)]));
                Output.Error.MarkupLine($"[grey]{name}, {threads} thread(s): {result.DocumentsPerSecond:0} docs/s[/]");
            }
        }

        var table = new Table().Title("Pipeline throughput (including SQLite writes)")
            .AddColumns("corpus", "threads", "docs", "docs/s", "MB/s", "p50 ms", "p99 ms", "peak RSS MB", "managed MB");
        foreach (var r in results)
        {
            table.AddRow(r.Corpus, I(r.Threads), I(r.Documents), F(r.DocumentsPerSecond, "0"), F(r.MegaBytes / r.Seconds, "0.0"),
                F(r.P50Ms, "0.00"), F(r.P99Ms, "0.00"), I(r.PeakWorkingSetMb), I(r.ManagedMb));
        }
        AnsiConsole.Write(table);
        foreach (var (title, times) in stageTables)
            AnsiConsole.Write(StageTable(title, times));
        return ExitCodes.Ok;
    }

    public static (BenchResult Result, TimeSpan StoreTime) Measure(string corpus, IEnumerable<SourceDocument> sources, Pipeline pipeline, int threads)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"storyline-bench-{Environment.ProcessId}-{Guid.NewGuid():n}.db");
        try
        {
            using var store = new SqliteStore(dbPath);
            var runner = new PipelineRunner(pipeline, store, threads);
            var latencies = new List<double>();
            long bytes = 0;
            GC.Collect();
            var clock = Stopwatch.StartNew();
            foreach (var item in runner.Run(sources))
            {
                latencies.Add(item.Elapsed.TotalMilliseconds);
                bytes += Encoding.UTF8.GetByteCount(item.Source.Content);
            }
            clock.Stop();
            latencies.Sort();
            using var process = Process.GetCurrentProcess();
            var result = new BenchResult(corpus, threads, latencies.Count, clock.Elapsed.TotalSeconds, bytes / 1e6,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99), process.PeakWorkingSet64 >> 20, GC.GetTotalMemory(false) >> 20);
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
