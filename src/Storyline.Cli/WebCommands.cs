using System.CommandLine;
using Spectre.Console;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary><c>storyline fetch</c> and <c>storyline follow</c>: pages and feeds from the web into the store.</summary>
internal static class WebCommands
{
    private sealed record WebOptions(Option<string> Db, Option<string?> State, Option<int> Delay, Option<int> Timeout, Option<int> Retries, Option<int> MaxMiB);

    private static WebOptions Options() => new(
        Commands.DbOption(),
        new Option<string?>("--state") { Description = "JSON file remembering validators and seen feed items (default: beside the SQLite file, or ./storyline.crawl.json)" },
        new Option<int>("--delay") { Description = "Milliseconds between two requests to the same host", DefaultValueFactory = _ => 1000 },
        new Option<int>("--timeout") { Description = "Seconds one request may take", DefaultValueFactory = _ => 20 },
        new Option<int>("--retries") { Description = "Retries after a transient failure (5xx, 429, timeout)", DefaultValueFactory = _ => 3 },
        new Option<int>("--max-mib") { Description = "Largest body accepted, in MiB", DefaultValueFactory = _ => 16 });

    private static void AddTo(Command c, WebOptions o)
    {
        c.Options.Add(o.Db);
        c.Options.Add(o.State);
        c.Options.Add(o.Delay);
        c.Options.Add(o.Timeout);
        c.Options.Add(o.Retries);
        c.Options.Add(o.MaxMiB);
    }

    public static Command Fetch()
    {
        var targets = new Argument<string[]>("urls") { Description = "URLs, or files listing one URL a line (# starts a comment)", Arity = ArgumentArity.OneOrMore };
        var o = Options();
        var command = new Command("fetch", "Fetch web pages, run the pipeline and store what it finds") { targets };
        AddTo(command, o);
        command.SetAction((r, cancel) => Run(r, o, cancel, async (web, save, warn) =>
        {
            var urls = new List<Uri>();
            foreach (var t in r.GetValue(targets)!)
                urls.AddRange(ReadTargets(t, warn));
            int unchanged = 0;
            await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancel }, async (url, ct) =>
            {
                var (result, document) = await web.FetchAsync(url, warn, cancel: ct);
                if (result.Status == FetchStatus.NotModified)
                    Interlocked.Increment(ref unchanged);
                if (document is not null)
                    save(document);
            });
            return ("unchanged since last fetch (304)", unchanged);
        }));
        return command;
    }

    public static Command Follow()
    {
        var feeds = new Argument<string[]>("feeds") { Description = "RSS or Atom feed URLs (or files listing them)", Arity = ArgumentArity.OneOrMore };
        var interval = new Option<int>("--interval") { Description = "Poll again every this many seconds (0: one pass, then exit)", DefaultValueFactory = _ => 0 };
        var o = Options();
        var command = new Command("follow", "Poll feeds and store each new item's article, remembering what was seen") { feeds, interval };
        AddTo(command, o);
        command.SetAction((r, cancel) => Run(r, o, cancel, async (web, save, warn) =>
        {
            var urls = r.GetValue(feeds)!.SelectMany(f => ReadTargets(f, warn)).ToList();
            int items = 0;
            do
            {
                await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel }, async (feed, ct) =>
                {
                    await foreach (var (item, document) in web.NewItemsAsync(feed, warn, ct))
                    {
                        save(document);
                        web.State.MarkSeen(feed, item.Id);
                        Interlocked.Increment(ref items);
                    }
                });
                web.State.Save();
                if (r.GetValue(interval) > 0)
                    await Task.Delay(TimeSpan.FromSeconds(r.GetValue(interval)), cancel);
            }
            while (r.GetValue(interval) > 0 && !cancel.IsCancellationRequested);
            return ("new feed items", items);
        }));
        return command;
    }

    private static IEnumerable<Uri> ReadTargets(string target, Action<IngestWarning> warn)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return [url];
        if (!File.Exists(target))
        {
            warn(new IngestWarning(target, "neither an http(s) URL nor a file of URLs"));
            return [];
        }
        var list = new List<Uri>();
        foreach (var (line, n) in File.ReadLines(target).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (Uri.TryCreate(line, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
                list.Add(u);
            else
                warn(new IngestWarning($"{target}:{n}", $"not an http(s) URL: {line}"));
        }
        return list;
    }

    private delegate Task<(string Label, int Count)> WebWork(WebSource web, Action<SourceDocument> save, Action<IngestWarning> warn);

    private static async Task<int> Run(ParseResult r, WebOptions o, CancellationToken cancel, WebWork work)
    {
        var db = r.GetValue(o.Db)!;
        if (r.GetValue(o.Delay) < 0 || r.GetValue(o.Timeout) < 1 || r.GetValue(o.Retries) < 0 || r.GetValue(o.MaxMiB) < 1)
            return Output.Fail("--delay must be ≥ 0, --timeout and --max-mib ≥ 1, --retries ≥ 0", ExitCodes.Usage);
        if (!Output.TryOpenStore(db, mustExist: false, out var opened, out var code))
            return code;
        using var store = opened!;
        var statePath = r.GetValue(o.State) ?? (StoreFactory.IsPostgres(db) ? "storyline.crawl.json" : db + ".crawl.json");
        var warnings = new List<IngestWarning>();
        void Warn(IngestWarning w)
        {
            lock (warnings)
                warnings.Add(w);
        }
        var state = CrawlState.Load(statePath, Warn);
        using var fetcher = new WebFetcher(new FetchOptions
        {
            PolitenessDelay = TimeSpan.FromMilliseconds(r.GetValue(o.Delay)),
            AttemptTimeout = TimeSpan.FromSeconds(r.GetValue(o.Timeout)),
            BodyTimeout = TimeSpan.FromSeconds(r.GetValue(o.Timeout) * 3),
            Retries = r.GetValue(o.Retries),
            MaxBytes = r.GetValue(o.MaxMiB) * 1024L * 1024,
        });
        var pipeline = Pipeline.CreateDefault();
        int added = 0, known = 0;
        void Save(SourceDocument source)
        {
            try
            {
                var outcome = store.Contains(source.Id) ? SaveOutcome.AlreadyStored : store.Save(pipeline.Process(source));
                Interlocked.Increment(ref outcome == SaveOutcome.Added ? ref added : ref known);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not StoreException)
            {
                Warn(new IngestWarning(source.Uri, $"pipeline failed: {e.GetType().Name}: {e.Message}"));
            }
        }
        (string Label, int Count) extra;
        try
        {
            extra = await work(new WebSource(fetcher, state), Save, Warn);
        }
        catch (OperationCanceledException)
        {
            extra = ("(interrupted)", 0);
        }
        state.Save();
        foreach (var w in warnings)
            Output.Warn(w.ToString());
        var table = new Table().AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("documents added", added.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("already stored", known.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow(Markup.Escape(extra.Label), extra.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("warnings", warnings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("documents in store", store.CountDocuments().ToString(System.Globalization.CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return warnings.Count > 0 ? ExitCodes.CompletedWithWarnings : ExitCodes.Ok;
    }
}
