using Spectre.Console;
using Storyline.Storage;

namespace Storyline.Cli;

internal static class Output
{
    /// <summary>Messages for people go to stderr so stdout stays clean for data (JSON, CSV).</summary>
    public static IAnsiConsole Error
    {
        get
        {
            // Re-created when Console.Error is redirected (as tests and hosts do), so messages go where stderr goes now.
            var writer = Console.Error;
            if (!ReferenceEquals(writer, _errorWriter))
            {
                _error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
                _errorWriter = writer;
            }
            return _error!;
        }
    }

    private static TextWriter? _errorWriter;
    private static IAnsiConsole? _error;

    public static int Fail(string message, int code = ExitCodes.Failed)
    {
        Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }

    public static void Warn(string message) => Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

    /// <summary>Opens the store <c>--db</c> names (SQLite file or PostgreSQL URL), turning its errors into one readable line.</summary>
    public static bool TryOpenStore(string db, bool mustExist, out ICorpusStore? store, out int exitCode)
    {
        store = null;
        exitCode = ExitCodes.Ok;
        bool postgres = StoreFactory.IsPostgres(db);
        if (mustExist && !postgres && !File.Exists(db))
        {
            exitCode = Fail($"no database at {db}; run `storyline run <path>` first or pass --db", ExitCodes.Usage);
            return false;
        }
        try
        {
            store = StoreFactory.Open(db);
            return true;
        }
        catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            exitCode = Fail($"cannot open database {(postgres ? Redact(db) : db)}: {e.Message}");
            return false;
        }
    }

    /// <summary>A PostgreSQL URL or connection string without its password, fit for messages.</summary>
    public static string Redact(string db) =>
        System.Text.RegularExpressions.Regex.Replace(db, @"(://[^:/@]*:)[^@]*@|(password\s*=\s*)[^;]*", m => m.Groups[1].Success ? m.Groups[1].Value + "***@" : m.Groups[2].Value + "***", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
