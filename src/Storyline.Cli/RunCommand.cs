using System.CommandLine;
using Spectre.Console;
using Storyline.Documents;
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
        var command = new Command("run", "Ingest documents, run the pipeline and store what it finds") { paths, db, threads };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(db)!, r.GetValue(threads)));
        return command;
    }

    private static int Run(string[] paths, string dbPath, int threads)
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
        var pipeline = Pipeline.CreateDefault();
        var source = new FileSource(Warn);
        var summary = new RunSummary();

        Output.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Reading", maxValue: files.Count);
                var results = files.AsParallel().AsOrdered().WithDegreeOfParallelism(threads)
                    .Select(file => Process(file, source, store, pipeline, Warn));
                foreach (var documents in results)
                {
                    foreach (var (document, known) in documents)
                    {
                        var outcome = known ? SaveOutcome.AlreadyStored : store.Save(document!);
                        summary.Add(outcome, document);
                    }
                    task.Increment(1);
                }
            });

        foreach (var w in warnings)
            Output.Warn(w.ToString());
        summary.Print(store, StoreFactory.IsPostgres(dbPath) ? Output.Redact(dbPath) : dbPath, warnings.Count);
        return warnings.Count > 0 ? ExitCodes.CompletedWithWarnings : ExitCodes.Ok;
    }

    /// <summary>Reads one file and runs the pipeline on each new document in it; known documents are not re-processed.</summary>
    private static List<(Document? Document, bool Known)> Process(string file, FileSource source, IStore store, Pipeline pipeline, Action<IngestWarning> warn)
    {
        var list = new List<(Document?, bool)>();
        foreach (var input in source.ReadFile(file))
        {
            if (store.Contains(input.Id))
            {
                list.Add((null, true));
                continue;
            }
            try
            {
                list.Add((pipeline.Process(input), false));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // One bad document must not end a run over thousands: report it and go on.
                warn(new IngestWarning(input.Uri, $"pipeline failed: {e.GetType().Name}: {e.Message}"));
            }
        }
        return list;
    }

    private sealed class RunSummary
    {
        private int _added, _known, _statements, _entities, _time, _events;

        public void Add(SaveOutcome outcome, Document? d)
        {
            if (outcome == SaveOutcome.AlreadyStored || d is null)
            {
                _known++;
                return;
            }
            _added++;
            _statements += d.Statements.Count;
            _entities += d.Entities.Count;
            _time += d.TimeExpressions.Count;
            _events += d.Events.Count;
        }

        public void Print(IStore store, string dbPath, int warnings)
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
            Row("documents in store", store.CountDocuments());
            Row("statements in store", store.CountStatements());
            AnsiConsole.Write(table);
        }
    }
}
