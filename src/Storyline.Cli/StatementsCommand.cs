using System.CommandLine;
using Spectre.Console;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary><c>storyline statements</c>: who said what, when, where reported.</summary>
internal static class StatementsCommand
{
    public static Command Create()
    {
        var db = Commands.DbOption();
        var speaker = new Option<string?>("--speaker") { Description = "Only statements by this speaker (substring match)" };
        var query = new Option<string?>("--query", "-q") { Description = "Full-text search in the statement text" };
        var outlet = new Option<string?>("--outlet") { Description = "Only statements reported by this outlet" };
        var from = new Option<DateOnly?>("--from") { Description = "Said on or after this date (YYYY-MM-DD)" };
        var to = new Option<DateOnly?>("--to") { Description = "Said on or before this date (YYYY-MM-DD)" };
        var limit = new Option<int>("--limit") { Description = "At most this many", DefaultValueFactory = _ => 50 };
        var command = new Command("statements", "List stored statements: who said what, when, reported by whom") { db, speaker, query, outlet, from, to, limit };
        command.SetAction(r =>
        {
            if (!Output.TryOpenStore(r.GetValue(db)!, mustExist: true, out var opened, out var code))
                return code;
            using var store = opened!;
            var q = new StatementQuery(r.GetValue(speaker), r.GetValue(query), r.GetValue(outlet), r.GetValue(from), r.GetValue(to), 0, Math.Max(1, r.GetValue(limit)));
            var rows = store.QueryStatements(q).ToList();
            var table = new Table().Expand().AddColumns("said on", "speaker", "kind", "conf.", "statement", "reported by");
            foreach (var s in rows)
            {
                table.AddRow(
                    Markup.Escape(s.SaidOn?.ToString("yyyy-MM-dd") ?? s.Published?.ToString("yyyy-MM-dd") ?? "?"),
                    Markup.Escape(s.Speaker ?? "(unknown)"),
                    s.Kind,
                    s.Confidence?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "–",
                    Markup.Escape(Shorten(s.Text, 160)),
                    Markup.Escape(s.Outlet ?? s.SourceUri ?? s.DocumentId[..12]));
            }
            AnsiConsole.Write(table);
            Output.Error.MarkupLine($"[grey]{rows.Count} statement(s)[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
