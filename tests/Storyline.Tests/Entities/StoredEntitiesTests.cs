using Storyline.Entities;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Entities;

/// <summary>Linking a stored corpus, against a real SQLite file.</summary>
public class StoredEntitiesTests
{
    [Fact]
    public void Linking_rewrites_the_variant_spelling_and_a_second_pass_changes_nothing()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        store.Save(Annotate.Events("Mark Delaney met Pavel Orlov and Aino Virtanen in Oslo. Delaney spoke. Delaney left."));
        store.Save(Annotate.Events("Mark Delaney met Pavel Orlov and Aino Virtanen again."));
        var variant = Annotate.Events("Mark Delanney met with Pavel Orlov and Aino Virtanen in Rome.");
        store.Save(variant);

        Assert.Equal(1, StoredEntities.Link(store));
        Assert.Equal(0, StoredEntities.Link(store));

        var reloaded = store.Load(variant.Id)!;
        Assert.Equal("person:mark-delaney", reloaded.EntityAt("Mark Delanney")?.Id);
        var meeting = Assert.Single(reloaded.Events);
        Assert.Contains("Mark Delaney", meeting.Participants);
        Assert.DoesNotContain("Mark Delanney", meeting.Participants);
    }
}
