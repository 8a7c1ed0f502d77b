using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Stories;

namespace Storyline.Cli;

/// <summary><c>storyline stories</c>: brings the cross-document clusters up to date in the store and prints them.</summary>
internal static class StoriesCommand
{
    public static Command Create()
    {
        var db = Commands.DbOption();
        var rebuild = new Option<bool>("--rebuild") { Description = "Forget the stored clusters and cluster every statement and event afresh" };
        var all = new Option<bool>("--all") { Description = "Also print clusters with a single report" };
        var command = new Command("stories", "Link entities across stored documents, then cluster statements and events, thread them into stories, find disputes") { db, rebuild, all };
        command.SetAction(r =>
        {
            if (!Output.TryOpenStore(r.GetValue(db)!, mustExist: true, out var opened, out var code))
                return code;
            using var store = opened!;
            // Queue workers store documents one by one and never see the corpus whole: revise it here, before the stories.
            var graph = CorpusRevision.ApplyWithStories(store, r.GetValue(rebuild));
            Print(graph, r.GetValue(all));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Print(StoryGraph graph, bool all)
    {
        var outlets = graph.StatementClusters.SelectMany(c => c.Members).Select(m => (m.DocumentId, m.Outlet))
            .Concat(graph.EventClusters.SelectMany(c => c.Members).Select(m => (m.DocumentId, m.Outlet)))
            .DistinctBy(x => x.DocumentId).ToDictionary(x => x.DocumentId, x => x.Outlet ?? x.DocumentId[..12], StringComparer.Ordinal);
        string Source(string documentId) => outlets.GetValueOrDefault(documentId) ?? documentId[..Math.Min(12, documentId.Length)];

        var stories = new Table().Title("Stories").Expand().AddColumns("from", "to", "title", "statements", "events");
        foreach (var s in graph.Stories)
            stories.AddRow(Day(s.From), Day(s.To), Markup.Escape(s.Title), Count(s.StatementClusterIds.Count), Count(s.EventClusterIds.Count));
        AnsiConsole.Write(stories);

        var statements = new Table().Title("Statement clusters").Expand().AddColumns("said", "speaker", "reports", "reported by: text");
        foreach (var c in graph.StatementClusters.Where(c => all || c.Members.Count > 1))
        {
            statements.AddRow(Day(c.From), Markup.Escape(c.Speaker ?? "(unknown)"), Count(c.Members.Count),
                Markup.Escape(string.Join("\n", c.Members.Select(m => $"{Source(m.DocumentId)}: {Shorten(m.Text)}"))));
        }
        AnsiConsole.Write(statements);

        var events = new Table().Title("Event clusters").Expand().AddColumns("date", "type", "reports", "reported by: text");
        foreach (var c in graph.EventClusters.Where(c => all || c.Members.Count > 1))
        {
            events.AddRow(Day(c.From), Markup.Escape(c.Type), Count(c.Members.Count),
                Markup.Escape(string.Join("\n", c.Members.Select(m => $"{Source(m.DocumentId)}: {Shorten(m.Text)}"))));
        }
        AnsiConsole.Write(events);

        var disputes = new Table().Title("Disputes across documents").Expand().AddColumns("why", "claim", "disputed by");
        foreach (var d in graph.Disputes)
        {
            disputes.AddRow(d.Reason.ToString().ToLowerInvariant(),
                Markup.Escape($"{Source(d.ClaimDocumentId)}: {Shorten(d.ClaimText)}"), Markup.Escape($"{d.DisputedDocumentId[..Math.Min(12, d.DisputedDocumentId.Length)]}: {Shorten(d.DisputedText)}"));
        }
        AnsiConsole.Write(disputes);
        Output.Error.MarkupLine($"[grey]{graph.StatementClusters.Count} statement cluster(s), {graph.EventClusters.Count} event cluster(s), {graph.Stories.Count} stories, {graph.Disputes.Count} dispute(s)[/]");
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string s)
    {
        const int max = 140;
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= max ? s : s[..(max - 1)] + "…";
    }
}
