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

    /// <summary>Opens the store, turning its errors into one readable line.</summary>
    public static bool TryOpenStore(string path, bool mustExist, out SqliteStore? store, out int exitCode)
    {
        store = null;
        exitCode = ExitCodes.Ok;
        if (mustExist && !File.Exists(path))
        {
            exitCode = Fail($"no database at {path}; run `storyline run <path>` first or pass --db", ExitCodes.Usage);
            return false;
        }
        try
        {
            store = new SqliteStore(path);
            return true;
        }
        catch (Exception e) when (e is StoreException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            exitCode = Fail($"cannot open database {path}: {e.Message}");
            return false;
        }
    }
}
