using Storyline.Tests.Cli;
using Storyline.Tests.Support;

namespace Storyline.Tests.Stories;

/// <summary>The real <c>storyline stories</c> command against a real SQLite file.</summary>
[Collection("console")]
public class StoriesCommandTests
{
    [Fact]
    public void Stories_runs_on_the_seeds_and_needs_a_database()
    {
        using var dir = new TempDir();
        var db = dir.File("s.db");
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, RunCommandTests.Storyline("stories", "--db", db).Code);
        Assert.Equal(0, RunCommandTests.Storyline("run", Samples.SeedsDir, "--db", db).Code);
        Assert.Equal(0, RunCommandTests.Storyline("stories", "--db", db).Code);
        Assert.Equal(0, RunCommandTests.Storyline("stories", "--db", db, "--rebuild", "--all").Code);
        using var store = new global::Storyline.Storage.SqliteStore(db);
        // Every stored statement is in exactly one cluster, and the Crimea denial is disputed across outlets.
        Assert.Equal(store.CountStatements(), store.StatementClusters().Sum(c => c.StatementIds.Count));
        Assert.NotEmpty(store.CrossDisputes());
    }
}
