using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary><c>storyline enqueue</c> and <c>storyline worker</c>: the PostgreSQL work queue that many workers drain.</summary>
internal static class QueueCommands
{
    public static Command Enqueue()
    {
        var sources = new Argument<string[]>("sources") { Description = "Files, folders (expanded to their files) or http(s) URLs", Arity = ArgumentArity.OneOrMore };
        var db = Commands.DbOption();
        var command = new Command("enqueue", "Add sources to the work queue of a PostgreSQL store (each source is queued once)") { sources, db };
        command.SetAction(r =>
        {
            var dbValue = r.GetValue(db)!;
            if (!TryOpenQueue(dbValue, TimeSpan.FromMinutes(5), null, out var store, out var queue, out var code))
                return code;
            using var _ = store;
            var warnings = new List<IngestWarning>();
            var items = new List<string>();
            foreach (var s in r.GetValue(sources)!)
            {
                if (Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                    items.Add(uri.AbsoluteUri);
                else
                    items.AddRange(FileSource.ExpandPaths([s], warnings.Add).Select(Path.GetFullPath));
            }
            foreach (var w in warnings)
                Output.Warn(w.ToString());
            int added = queue!.Enqueue(items);
            var counts = queue.Counts();
            Output.Error.MarkupLine($"[green]{added}[/] new item(s) queued ({items.Count - added} already queued); queue: {counts.Pending} pending, {counts.Leased} leased, {counts.Done} done, {counts.Failed} failed");
            return warnings.Count > 0 ? ExitCodes.CompletedWithWarnings : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Worker()
    {
        var db = Commands.DbOption();
        var lease = new Option<int>("--lease") { Description = "Seconds a claimed item stays this worker's before others may reclaim it", DefaultValueFactory = _ => 300 };
        var watch = new Option<bool>("--watch") { Description = "Keep waiting for new work instead of exiting when the queue is drained" };
        var threads = new Option<int>("--threads") { Description = "Items processed at once by this worker", DefaultValueFactory = _ => 1 };
        var name = new Option<string?>("--name") { Description = "Worker name recorded on its leases (default: host:pid)" };
        var command = new Command("worker", "Process queued sources into a PostgreSQL store until the queue is drained") { db, lease, watch, threads, name };
        command.SetAction((r, cancel) => Task.FromResult(RunWorker(r.GetValue(db)!, r.GetValue(lease), r.GetValue(watch), r.GetValue(threads), r.GetValue(name), cancel)));
        return command;
    }

    private static int RunWorker(string db, int leaseSeconds, bool watch, int threads, string? name, CancellationToken cancel)
    {
        if (leaseSeconds < 1 || threads < 1)
            return Output.Fail("--lease and --threads must be at least 1", ExitCodes.Usage);
        if (!TryOpenQueue(db, TimeSpan.FromSeconds(leaseSeconds), name, out var store, out var queue, out var code))
            return code;
        using var _ = store;
        var pipeline = Pipeline.CreateDefault();
        using var fetcher = new WebFetcher();
        var reader = new SourceReader(new WebSource(fetcher, CrawlState.InMemory()));
        int warnings = 0;
        void Warn(IngestWarning w)
        {
            Interlocked.Increment(ref warnings);
            Output.Warn(w.ToString());
        }
        var clock = Stopwatch.StartNew();
        var summaries = Enumerable.Range(0, threads)
            .Select(_ => Task.Run(() => new QueueWorker(queue!, pipeline, reader.Read).Run(watch, Warn, cancel)))
            .ToArray();
        Task.WaitAll(summaries);
        var s = summaries.Select(t => t.Result).Aggregate((a, b) => new WorkerSummary(
            a.Items + b.Items, a.Failed + b.Failed, a.LeasesLost + b.LeasesLost, a.DocumentsAdded + b.DocumentsAdded, a.DocumentsKnown + b.DocumentsKnown));
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-3);
        var table = new Table().Title($"storyline worker {Markup.Escape(queue!.Worker)}").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        void Row(string label, object n) => table.AddRow(label, Markup.Escape(Convert.ToString(n, System.Globalization.CultureInfo.InvariantCulture)!));
        Row("items done", s.Items);
        Row("items failed", s.Failed);
        Row("leases lost (item finished elsewhere)", s.LeasesLost);
        Row("documents added", s.DocumentsAdded);
        Row("documents already stored", s.DocumentsKnown);
        Row("documents/s", Math.Round((s.DocumentsAdded + s.DocumentsKnown) / seconds, 1));
        AnsiConsole.Write(table);
        return warnings > 0 ? ExitCodes.CompletedWithWarnings : ExitCodes.Ok;
    }

    private static bool TryOpenQueue(string db, TimeSpan lease, string? name, out PostgresStore? store, out PostgresWorkQueue? queue, out int exitCode)
    {
        store = null;
        queue = null;
        if (!StoreFactory.IsPostgres(db))
        {
            exitCode = Output.Fail("the work queue lives in PostgreSQL: pass --db postgres://user@host/database", ExitCodes.Usage);
            return false;
        }
        if (!Output.TryOpenStore(db, mustExist: false, out var opened, out exitCode))
            return false;
        store = (PostgresStore)opened!;
        queue = new PostgresWorkQueue(store, lease, name);
        return true;
    }
}
