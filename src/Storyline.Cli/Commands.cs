using System.CommandLine;

namespace Storyline.Cli;

/// <summary>Exit codes, the same for every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int CompletedWithWarnings = 3;
}

/// <summary>Every subcommand of <c>storyline</c>.</summary>
public static class Commands
{
    public static IEnumerable<Command> All() =>
    [
        RunCommand.Create(),
        StatementsCommand.Create(),
        EntitiesCommand.List(),
        EntitiesCommand.Show(),
        ExportCommand.Create(),
        EvalCommand.Create(),
        Bench.BenchCommand.Create(),
        ExtractCommand.Create(),
        StoriesCommand.Create(),
        ServeCommand.Create(),
        QueueCommands.Enqueue(),
        QueueCommands.Worker(),
        WebCommands.Fetch(),
        WebCommands.Follow(),
    ];

    /// <summary>The <c>--db</c> option every store-reading command takes.</summary>
    /// <summary>How the statement stage uses the learned attribution tagger beside its rules.</summary>
    public static Option<Statements.AttributionModelUse> AttributionsOption() => new("--attributions")
    {
        Description = "Statements from the rules alone (Rules, the default and the fastest), plus the tagger's confident finds (Confident), " +
                      "the tagger first (Lead), the tagger alone (Model) or the rules with the tagger's finds where they have none (Union)",
        DefaultValueFactory = _ => Statements.AttributionModelUse.Rules,
    };

    public static Option<string> DbOption() => new("--db")
    {
        Description = "SQLite database file, or a PostgreSQL server: postgres://user@host:port/db or an Npgsql connection string",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STORYLINE_DB") ?? "storyline.db",
    };
}
