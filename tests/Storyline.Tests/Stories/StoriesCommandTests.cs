using Storyline.Tests.Support;

namespace Storyline.Tests.Stories;

/// <summary>The real <c>storyline stories</c> command against a real SQLite file.</summary>
[Collection("console")]
public class StoriesCommandTests
{
    private static int Storyline(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var root = new System.CommandLine.RootCommand();
            foreach (var c in global::Storyline.Cli.Commands.All())
                root.Subcommands.Add(c);
            return root.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Stories_runs_on_the_seeds_and_needs_a_database()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, Storyline("stories", "--db", db));
        Assert.Equal(0, Storyline("run", Samples.SeedsDir, "--db", db));
        Assert.Equal(0, Storyline("stories", "--db", db));
        Assert.Equal(0, Storyline("stories", "--db", db, "--rebuild", "--all"));
    }
}
