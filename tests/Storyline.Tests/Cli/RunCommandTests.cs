using System.Text;
using Storyline.Tests.Support;

namespace Storyline.Tests.Cli;

/// <summary>Runs the real <c>storyline</c> command in-process against real files and a real SQLite database.</summary>
[Collection("console")]
public class RunCommandTests
{
    internal static (int Code, string Out, string Err) Storyline(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var root = new System.CommandLine.RootCommand();
            foreach (var c in global::Storyline.Cli.Commands.All())
                root.Subcommands.Add(c);
            int code = root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
            return (code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Running_the_seeds_twice_stores_five_documents()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        Assert.Equal(0, Storyline("run", Samples.SeedsDir, "--db", db).Code);
        Assert.Equal(0, Storyline("run", Samples.SeedsDir, "--db", db).Code);
        using var store = new global::Storyline.Storage.SqliteStore(db);
        Assert.Equal(5, store.CountDocuments());
    }

    [Fact]
    public void Bad_files_among_good_ones_complete_with_warnings()
    {
        using var dir = new TempDir();
        var input = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        File.Copy(Directory.GetFiles(Samples.SeedsDir)[0], Path.Combine(input, "good.txt"));
        File.WriteAllBytes(Path.Combine(input, "binary.txt"), [0, 1, 2, 3, 0, 0, 255]);
        File.WriteAllText(Path.Combine(input, "empty.txt"), "");
        File.WriteAllBytes(Path.Combine(input, "latin1.txt"), Encoding.Latin1.GetBytes("Le président a dit « non »."));
        var db = dir.File("s.db");

        var (code, _, err) = Storyline("run", input, "--db", db);

        Assert.Equal(global::Storyline.Cli.ExitCodes.CompletedWithWarnings, code);
        Assert.Contains("binary.txt", err, StringComparison.Ordinal);
        Assert.Contains("empty.txt", err, StringComparison.Ordinal);
        Assert.Contains("latin1.txt", err, StringComparison.Ordinal);
        using var store = new global::Storyline.Storage.SqliteStore(db);
        Assert.Equal(1, store.CountDocuments());
    }

    [Fact]
    public void Unreadable_paths_and_missing_databases_are_usage_errors()
    {
        using var dir = new TempDir();
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, Storyline("run", dir.File("nothing-here"), "--db", dir.File("s.db")).Code);
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, Storyline("statements", "--db", dir.File("missing.db")).Code);
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, Storyline("eval", dir.File("no-such-dir")).Code);
    }

    [Fact]
    public void Export_writes_csv_with_a_header()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        Storyline("run", Samples.SeedsDir, "--db", db);
        var csv = dir.File("out.csv");
        Assert.Equal(0, Storyline("export", "--db", db, "--format", "csv", "-o", csv).Code);
        Assert.StartsWith("id,document_id,", File.ReadAllText(csv), StringComparison.Ordinal);
    }
}
