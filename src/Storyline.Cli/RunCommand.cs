using System.CommandLine;
using Spectre.Console;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary><c>storyline run</c>: ingest files, run the pipeline, store the results.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (.txt, .html, .jsonl)", Arity = ArgumentArity.OneOrMore };
        var db = Commands.DbOption();
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var attributions = Commands.AttributionsOption();
        var command = new Command("run", "Ingest documents, run the pipeline and store what it finds") { paths, db, threads, attributions };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(db)!, r.GetValue(threads), r.GetValue(attributions)));
        return command;
    }

    private static int Run(string[] paths, string dbPath, int threads, Statements.AttributionModelUse attributions)
    {
        if (threads < 1)
            return Output.Fail("--threads must be at least 1", ExitCodes.Usage);
        var warnings = new List<IngestWarning>();
        void Warn(IngestWarning w)
        {
            lock (warnings)
                warnings.Add(w);
        }
        var files = FileSource.ExpandPaths(paths, Warn).ToList();
        if (files.Count == 0)
        {
            foreach (var w in warnings)
                Output.Warn(w.ToString());
            return Output.Fail("nothing to read: no .txt, .html or .jsonl files under the given paths", ExitCodes.Usage);
        }
        if (!Output.TryOpenStore(dbPath, mustExist: false, out var opened, out var code))
            return code;
        using var store = opened!;
        var runner = new PipelineRunner(Pipeline.CreateDefault(attributions), store, threads);
        var source = new FileSource(Warn);
        var summary = new RunSummary();

        Output.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Reading", maxValue: Math.Max(1, FileSource.EstimateDocuments(files)));
                foreach (var item in runner.Run(source.Read(files)))
                {
                    if (item.Error is not null)
                        Warn(new IngestWarning(item.Source.Uri, item.Error));
                    summary.Add(item);
                    task.Increment(1);
                }
                task.Value = task.MaxValue;
            });

        // Once the new documents are in, the stored corpus is revised as a whole: a spelling in one article ("Witkopf")
        // joins the person the others name ("Witkoff"), and an article dated only by weekdays takes its day from
        // another report of the same occasion.
        var revised = store is ICorpusStore corpus && summary.Added > 0 ? CorpusRevision.Apply(corpus) : null;
        foreach (var w in warnings)
            Output.Warn(w.ToString());
        summary.Print(store, revised, StoreFactory.IsPostgres(dbPath) ? Output.Redact(dbPath) : dbPath, warnings.Count);
        PrintSample(store);
        return warnings.Count > 0 ? ExitCodes.CompletedWithWarnings : ExitCodes.Ok;
    }

    /// <summary>A taste of the result: the first statements in the store, so the first run shows what Storyline finds.</summary>
    private static void PrintSample(IStore store)
    {
        var sample = store.QueryStatements(new StatementQuery(Limit: 8)).ToList();
        if (sample.Count == 0)
            return;
        var table = new Table().Title("Who said what (first statements; `storyline statements` lists them all)")
            .AddColumns("said on", "speaker", "statement", "reported by");
        foreach (var s in sample)
        {
            var text = s.Text.Length > 120 ? s.Text[..119] + "…" : s.Text;
            table.AddRow(Markup.Escape(s.SaidOn?.ToString("yyyy-MM-dd") ?? "?"), Markup.Escape(s.Speaker ?? "(unknown)"),
                Markup.Escape(text), Markup.Escape(s.Outlet ?? Path.GetFileName(s.SourceUri ?? s.DocumentId)));
        }
        AnsiConsole.Write(table);
    }

    private sealed class RunSummary
    {
        private int _added, _known, _statements, _entities, _time, _events;

        public void Add(RunItem item)
        {
            if (item.Outcome == SaveOutcome.AlreadyStored)
                _known++;
            if (item.Outcome != SaveOutcome.Added || item.Document is not { } d)
                return;
            _added++;
            _statements += d.Statements.Count;
            _entities += d.Entities.Count;
            _time += d.TimeExpressions.Count;
            _events += d.Events.Count;
        }

        public int Added => _added;

        public void Print(IStore store, CorpusRevisionResult? revised, string dbPath, int warnings)
        {
            var table = new Table().Title($"Storyline run → {Markup.Escape(dbPath)}").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
            void Row(string name, long n) => table.AddRow(name, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Row("documents added", _added);
            Row("already stored", _known);
            Row("warnings (skipped inputs)", warnings);
            Row("statements found", _statements);
            Row("entities found", _entities);
            Row("time expressions", _time);
            Row("events", _events);
            Row("documents relinked (entities across the corpus)", revised?.Relinked ?? 0);
            Row("documents dated from other reports", revised?.Dated ?? 0);
            Row("statements dated from other reports", revised?.StatementsRedated ?? 0);
            Row("documents in store", store.CountDocuments());
            Row("statements in store", store.CountStatements());
            AnsiConsole.Write(table);
        }
    }
}
