using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary><c>storyline export</c>: statements as JSON lines or CSV, on stdout or into a file.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var db = Commands.DbOption();
        var format = new Option<string>("--format") { Description = "jsonl or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout" };
        var command = new Command("export", "Export every stored statement with its source") { db, format, output };
        command.SetAction(r =>
        {
            if (!Output.TryOpenStore(r.GetValue(db)!, mustExist: true, out var opened, out var code))
                return code;
            using var store = opened!;
            var path = r.GetValue(output);
            using var writer = path is null ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) : new StreamWriter(path, false, new UTF8Encoding(false));
            var rows = store.QueryStatements(new StatementQuery(Limit: int.MaxValue));
            int n = r.GetValue(format) == "csv" ? StatementExport.WriteCsv(rows, writer) : StatementExport.WriteJsonLines(rows, writer);
            Output.Error.MarkupLine($"[grey]{n} statement(s) exported[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}

public static class StatementExport
{
    public static readonly string[] Columns = ["id", "document_id", "source_uri", "outlet", "published", "speaker", "kind", "text", "cue", "addressee", "said_on", "start", "length", "confidence"];

    public static int WriteJsonLines(IEnumerable<StatementRecord> rows, TextWriter writer)
    {
        int n = 0;
        foreach (var s in rows)
        {
            writer.WriteLine(JsonSerializer.Serialize(s, CliJson.Default.StatementRecord));
            n++;
        }
        return n;
    }

    /// <summary>RFC 4180 CSV: every field quoted when it holds a comma, quote or line break.</summary>
    public static int WriteCsv(IEnumerable<StatementRecord> rows, TextWriter writer)
    {
        writer.WriteLine(string.Join(',', Columns));
        int n = 0;
        foreach (var s in rows)
        {
            string?[] fields = [s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.DocumentId, s.SourceUri, s.Outlet, Date(s.Published), s.Speaker, s.Kind, s.Text, s.Cue, s.Addressee, Date(s.SaidOn),
                s.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Confidence?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)];
            writer.WriteLine(string.Join(',', fields.Select(Quote)));
            n++;
        }
        return n;
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Quote(string? field)
    {
        if (field is null)
            return "";
        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
    }
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(StatementRecord))]
[System.Text.Json.Serialization.JsonSerializable(typeof(EvalJson))]
internal sealed partial class CliJson : System.Text.Json.Serialization.JsonSerializerContext;
