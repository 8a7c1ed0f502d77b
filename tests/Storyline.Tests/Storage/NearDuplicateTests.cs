using Microsoft.Data.Sqlite;
using Storyline.Documents;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

public sealed class NearDuplicateTests
{
    private const string Story =
        "Rescue teams worked through the night after heavy rain caused the river to burst its banks on Sunday, flooding " +
        "hundreds of homes in the lower town. The mayor said the water had risen faster than at any time in forty years and " +
        "asked residents to stay on upper floors. Emergency services evacuated a care home and a primary school, and the " +
        "regional hospital said it had treated eleven people for minor injuries. Forecasters expect more rain on Tuesday.";

    [Fact]
    public void A_republished_story_is_similar_and_a_different_story_on_the_same_subject_is_not()
    {
        var original = MinHash.Of(Story)!;
        var edited = MinHash.Of("River floods lower town\nBy our correspondent\n" + Story.Replace("eleven", "11", StringComparison.Ordinal) + " Copyright the wire.")!;
        var other = MinHash.Of(
            "The river burst its banks again on Sunday and the mayor said the town would ask the government for help. " +
            "Residents complained that flood defences promised after last year's rain were never built, and the regional " +
            "council said work on the new wall would begin in the spring. Emergency services said no one was hurt, though " +
            "several roads remained closed and a school stayed shut while engineers inspected the bridge.")!;

        Assert.True(MinHash.Similarity(original, edited) >= MinHash.Threshold, $"similarity {MinHash.Similarity(original, edited)}");
        Assert.True(MinHash.Similarity(original, other) < 0.3, $"similarity {MinHash.Similarity(original, other)}");
        Assert.Equal(1.0, MinHash.Similarity(original, MinHash.Of(Story.ToUpperInvariant())!));
        Assert.Null(MinHash.Of("Too short to say anything about."));
        Assert.Equal(original, MinHash.FromBytes(MinHash.ToBytes(original)));
    }

    [Fact]
    public void Upgrading_a_version_1_database_gives_every_stored_document_its_publication()
    {
        using var dir = new TempDir();
        var path = dir.File("v1.db");
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            using var cmd = raw.CreateCommand();
            cmd.CommandText = SqliteMigrations.Steps[0] + """
                PRAGMA user_version = 1;
                INSERT INTO documents (id, source_uri, outlet, published, text, body, ingested_at) VALUES ('abc', 'https://old.example/1', 'Old Times', '2024-01-02', 't', 'b', '2024-01-02');
                """;
            cmd.ExecuteNonQuery();
        }
        using var store = new SqliteStore(path);
        Assert.Equal(SqliteMigrations.Steps.Length, store.SchemaVersion);
        var publication = Assert.Single(store.Publications("abc"));
        Assert.Equal(("https://old.example/1", "Old Times", new DateOnly(2024, 1, 2)), (publication.SourceUri, publication.Outlet, publication.Published));
    }
}
