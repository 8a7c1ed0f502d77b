using Spectre.Console;
using Storyline.Tests.Support;

namespace Storyline.Tests.Cli;

/// <summary><c>storyline run</c> links entities across the stored articles; <c>entities</c> and <c>entity</c> show them.</summary>
[Collection("console")]
public class EntitiesCommandTests
{
    private static readonly string[] Articles =
    [
        "Envoy Mark Delaney met Pavel Orlov and Aino Virtanen in Oslo on Monday. Delaney spoke. Delaney left.\n",
        "Mark Delaney met Pavel Orlov and Aino Virtanen again in Vienna.\n",
        "Mark Delanney met Pavel Orlov and Aino Virtanen in Rome. “We are close,” Mark Delanney said.\n",
    ];

    /// <summary>The command's exit code and what it wrote to the terminal (Spectre's console, which keeps its own stdout).</summary>
    private static (int Code, string Out, string Err) Storyline(params string[] args)
    {
        var terminal = new StringWriter();
        var old = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal), Ansi = AnsiSupport.No });
        AnsiConsole.Console.Profile.Width = 240;
        try
        {
            var (code, output, err) = RunCommandTests.Storyline(args);
            return (code, output + terminal, err);
        }
        finally
        {
            AnsiConsole.Console = old;
        }
    }

    private static string Corpus(TempDir dir)
    {
        var input = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        for (int i = 0; i < Articles.Length; i++)
            File.WriteAllText(Path.Combine(input, $"a{i}.txt"), Articles[i]);
        var db = dir.File("s.db");
        Assert.Equal(0, RunCommandTests.Storyline("run", input, "--db", db).Code);
        return db;
    }

    [Fact]
    public void Run_links_a_misspelling_into_one_canonical_entity_with_its_aliases()
    {
        using var dir = new TempDir();
        var db = Corpus(dir);

        var (code, output, _) = Storyline("entities", "--db", db, "--type", "PERSON");

        Assert.Equal(0, code);
        Assert.Contains("Mark Delaney", output, StringComparison.Ordinal);
        Assert.Contains("Mark Delanney", output, StringComparison.Ordinal);
        Assert.DoesNotContain("person:mark-delanney", output, StringComparison.Ordinal);
        using var store = new global::Storyline.Storage.SqliteStore(db);
        var people = store.QueryEntities(new global::Storyline.Storage.EntityQuery(Type: "PERSON")).Items;
        var delaney = Assert.Single(people, e => e.Name == "Mark Delaney");
        Assert.Contains("Mark Delanney", delaney.Aliases);
        Assert.Equal(3, delaney.Documents);
        Assert.DoesNotContain(people, e => e.Name == "Mark Delanney");
    }

    [Fact]
    public void Entity_finds_the_canonical_record_by_any_alias_and_lists_its_timeline()
    {
        using var dir = new TempDir();
        var db = Corpus(dir);

        var (code, output, _) = Storyline("entity", "Delanney", "--db", db);

        Assert.Equal(0, code);
        Assert.Contains("Mark Delaney (PERSON", output, StringComparison.Ordinal);
        Assert.Contains("We are close", output, StringComparison.Ordinal);
        Assert.Contains("[meet]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_or_type_is_a_clear_error()
    {
        using var dir = new TempDir();
        var db = Corpus(dir);
        var (code, _, err) = Storyline("entity", "Nobody Atall", "--db", db);
        Assert.Equal(global::Storyline.Cli.ExitCodes.Failed, code);
        Assert.Contains("no entity is called", err, StringComparison.Ordinal);
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, Storyline("entities", "--type", "ANIMAL", "--db", db).Code);
    }
}
