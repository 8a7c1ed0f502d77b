using Storyline.Documents;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Tests.Support;

namespace Storyline.Tests.Stories;

/// <summary>The cross-document view in a real SQLite file: written, read back, extended incrementally.</summary>
public class StoredStoriesTests
{
    private static readonly DateOnly Day = new(2031, 5, 5);

    private static Document Report(string text, string content, int days, string outlet, string eventText)
    {
        var d = StoryIndexTests.Article(text, Day.AddDays(days), outlet, (content, "Anna Berg"));
        int e = text.IndexOf(eventText, StringComparison.Ordinal);
        d.Events = [new Event(new Span(e, eventText.Length), "meet", ["Anna Berg", "Per Olsen"], "2031-05-05", "Tromsø")];
        d.Lines = [new Line(new Span(0, text.Length), LineLabel.Body)];
        return d;
    }

    private static Document First() => Report(
        "Berg met Olsen in Tromsø about the harbour bridge. She said the bridge would close for repairs until March 2032.",
        "the bridge would close for repairs until March 2032", 0, "Gazette", "Berg met Olsen in Tromsø about the harbour bridge");

    private static Document Second() => Report(
        "After Berg met Olsen in Tromsø about the harbour bridge, she said: “We will close the bridge for repairs until March 2032.”",
        "We will close the bridge for repairs until March 2032.", 1, "Courier", "Berg met Olsen in Tromsø about the harbour bridge");

    [Fact]
    public void Clusters_stories_and_disputes_round_trip_through_the_store()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        store.Save(First());
        store.Save(Second());

        var graph = StoredStories.Update(store);

        var statementCluster = Assert.Single(store.StatementClusters());
        Assert.Equal(2, statementCluster.StatementIds.Count);
        Assert.Equal(2, statementCluster.Documents);
        Assert.Equal("Anna Berg", statementCluster.Speaker);
        Assert.Equal(Day, statementCluster.From);
        var eventCluster = Assert.Single(store.EventClusters());
        Assert.Equal(2, eventCluster.EventIds.Count);
        Assert.Equal("Berg met Olsen in Tromsø about the harbour bridge", store.Events().First().Text);
        var story = Assert.Single(store.Stories());
        Assert.Equal(graph.Stories[0].Title, story.Title);
        Assert.Contains(statementCluster.Id, story.StatementClusterIds);
        Assert.Contains(eventCluster.Id, story.EventClusterIds);
        Assert.Empty(store.CrossDisputes());
    }

    [Fact]
    public void A_later_run_keeps_stored_clusters_and_places_only_new_statements()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        store.Save(First());
        StoredStories.Update(store);
        var before = Assert.Single(store.StatementClusters());

        store.Save(Second());
        StoredStories.Update(store);

        var after = Assert.Single(store.StatementClusters());
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(2, after.StatementIds.Count);
        Assert.Equal(after.Id, StoredStories.Update(store, rebuild: true).StatementClusters.Single().Id);
    }

    [Fact]
    public void A_cross_document_denial_is_stored_with_both_passages()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var denial = StoryIndexTests.Article("“We never sold the ferry company,” Berg said.", Day, "Gazette", ("We never sold the ferry company,", "Anna Berg"));
        store.Save(denial);
        store.Save(new Document("Records show the city sold the ferry company in 2029.", new DocumentMetadata { Published = Day }));

        StoredStories.Update(store);

        var d = Assert.Single(store.CrossDisputes());
        Assert.Equal(denial.Id, d.ClaimDocumentId);
        Assert.Equal("We never sold the ferry company,", d.ClaimText);
        Assert.Equal("negation", d.Reason);
    }
}
