using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Storyline.Evaluation;

namespace Storyline.Cli;

/// <summary><c>storyline eval</c>: scores every stage against a gold dataset and prints P/R/F1 tables.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("dir") { Description = "A folder with gold data (our gold format or a supported public dataset)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout and nothing else there" };
        var attributions = Commands.AttributionsOption();
        var command = new Command("eval", "Score the pipeline against gold data") { dir, json, attributions };
        command.SetAction(r => Run(r.GetValue(dir)!, r.GetValue(json), r.GetValue(attributions)));
        return command;
    }

    private static int Run(string dir, bool json, Statements.AttributionModelUse attributions)
    {
        if (!Directory.Exists(dir))
            return Output.Fail($"no such folder: {dir}", ExitCodes.Usage);
        var evaluator = DatasetEvaluators.For(dir);
        if (evaluator is null)
            return Output.Fail($"{dir} holds no dataset this version can score (formats: {string.Join(", ", DatasetEvaluators.All.Select(e => e.Format))})", ExitCodes.Usage);

        var pipeline = Pipeline.CreateDefault(attributions);
        EvalReport report = null!;
        Output.Error.Progress().Start(ctx =>
        {
            var task = ctx.AddTask($"Scoring ({evaluator.Format})");
            report = evaluator.Evaluate(dir, pipeline, new Progress<EvalProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            }));
            task.Value = task.MaxValue;
        });

        if (json)
        {
            var payload = new EvalJson(report.Dataset, report.Format, report.Documents, report.Scores);
            Console.Out.WriteLine(JsonSerializer.Serialize(payload, CliJson.Default.EvalJson));
            return ExitCodes.Ok;
        }
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(report.Dataset)}[/] ({report.Format}), {report.Documents} documents");
        foreach (var t in report.Tables)
        {
            var table = new Table().Title(Markup.Escape(t.Title));
            foreach (var c in t.Columns)
                table.AddColumn(new TableColumn(Markup.Escape(c)));
            foreach (var row in t.Rows)
                table.AddRow(row.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
        }
        foreach (var note in report.Notes)
            Output.Warn(note);
        return ExitCodes.Ok;
    }
}

/// <summary>The <c>--json</c> shape: <c>{"dataset", "format", "documents", "scores"}</c>.</summary>
public sealed record EvalJson(string Dataset, string Format, int Documents, SortedDictionary<string, double> Scores);
