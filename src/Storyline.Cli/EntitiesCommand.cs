using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Storyline.Storage;

namespace Storyline.Cli;

/// <summary>
/// <c>storyline entities [--type PERSON]</c>: the canonical entities of the corpus with their aliases and counts;
/// <c>storyline entity NAME</c>: one entity's aliases, then what it said and what it took part in, by date.
/// </summary>
internal static class EntitiesCommand
{
    public static Command List()
    {
        var db = Commands.DbOption();
        var type = new Option<string?>("--type") { Description = "Only entities of this type: PERSON, ORG or PLACE" };
        var name = new Option<string?>("--name") { Description = "Only entities with an alias containing this text" };
        var limit = new Option<int>("--limit") { Description = "At most this many", DefaultValueFactory = _ => 50 };
        var command = new Command("entities", "List canonical entities with their aliases and how often the corpus mentions and quotes them") { db, type, name, limit };
        command.SetAction(r =>
        {
            if (r.GetValue(type) is { } t && t.ToUpperInvariant() is not ("PERSON" or "ORG" or "PLACE"))
                return Output.Fail($"--type must be PERSON, ORG or PLACE, not '{t}'", ExitCodes.Usage);
            if (!Output.TryOpenStore(r.GetValue(db)!, mustExist: true, out var opened, out var code))
                return code;
            using var store = opened!;
            var page = store.QueryEntities(new EntityQuery(r.GetValue(name), r.GetValue(type), 0, Math.Max(1, r.GetValue(limit))));
            var table = new Table().Expand().AddColumns("entity", "type", "aliases")
                .AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("documents").RightAligned()).AddColumn(new TableColumn("statements").RightAligned());
            foreach (var e in page.Items)
            {
                table.AddRow(Markup.Escape(e.Name), e.Type, Markup.Escape(string.Join(", ", e.Aliases)),
                    Count(e.Mentions), Count(e.Documents), Count(e.Statements));
            }
            AnsiConsole.Write(table);
            Output.Error.MarkupLine($"[grey]{page.Items.Count} of {page.Total} entit{(page.Total == 1 ? "y" : "ies")}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Show()
    {
        var db = Commands.DbOption();
        var name = new Argument<string>("name") { Description = "A name or alias: \"Vladimir Putin\", \"Putin\", \"Kiev\"" };
        var limit = new Option<int>("--limit") { Description = "At most this many timeline items", DefaultValueFactory = _ => 100 };
        var command = new Command("entity", "Show one entity: its aliases, then its statements and events in date order") { name, db, limit };
        command.SetAction(r =>
        {
            if (!Output.TryOpenStore(r.GetValue(db)!, mustExist: true, out var opened, out var code))
                return code;
            using var store = opened!;
            var wanted = r.GetValue(name)!.Trim();
            if (wanted.Length == 0)
                return Output.Fail("give a name, e.g. `storyline entity Putin`", ExitCodes.Usage);
            if (Find(store, wanted) is not { } e)
                return Output.Fail($"no entity is called '{wanted}'; `storyline entities --name {wanted}` lists near matches", ExitCodes.Failed);
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(e.Name)}[/] ({e.Type}, {Markup.Escape(e.Id)})");
            AnsiConsole.MarkupLine($"also: {Markup.Escape(e.Aliases.Count > 0 ? string.Join(", ", e.Aliases) : "-")}");
            AnsiConsole.MarkupLine($"{e.Mentions} mention(s) in {e.Documents} document(s), {e.Statements} statement(s)");
            var timeline = store.EntityTimeline(e.Id, 0, Math.Max(1, r.GetValue(limit)));
            var table = new Table().Expand().AddColumns("date", "role", "what", "reported by");
            foreach (var t in timeline.Items)
            {
                var what = t.Role == TimelineRole.Event ? $"[{t.Type}] {t.Text}" : t.Role == TimelineRole.Mentioned ? $"{t.Speaker ?? "(unknown)"}: {t.Text}" : t.Text;
                table.AddRow(Markup.Escape(t.Date ?? "?"), t.Role.ToString().ToLowerInvariant(), Markup.Escape(Shorten(what, 160)),
                    Markup.Escape(t.Outlet ?? t.Title ?? t.DocumentId[..Math.Min(12, t.DocumentId.Length)]));
            }
            AnsiConsole.Write(table);
            Output.Error.MarkupLine($"[grey]{timeline.Items.Count} of {timeline.Total} item(s)[/]");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The entity a name means: one whose canonical name or alias is the name (case aside), the most quoted and
    /// mentioned first; else the best of those whose aliases contain it.
    /// </summary>
    internal static EntityRecord? Find(ICorpusStore store, string name)
    {
        var candidates = store.QueryEntities(new EntityQuery(name, Limit: 50)).Items;
        return candidates.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? candidates.FirstOrDefault(e => e.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)))
            ?? candidates.FirstOrDefault();
    }

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
