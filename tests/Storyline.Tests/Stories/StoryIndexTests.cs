using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class StoryIndexTests
{
    private static readonly DateOnly Monday = new(2031, 5, 5);

    /// <summary>A made-up article whose statements are the given passages, each found in the text.</summary>
    internal static Document Article(string text, DateOnly published, string outlet, params (string Content, string Speaker)[] statements)
    {
        var d = new Document(text, new DocumentMetadata { Published = published, Outlet = outlet });
        d.Statements = statements
            .Select(s => new Statement(new Span(text.IndexOf(s.Content, StringComparison.Ordinal), s.Content.Length), StatementKind.Indirect, s.Speaker,
                SaidOn: published, SaidOnIsPublication: true))
            .ToList();
        Assert.All(d.Statements, s => Assert.True(s.Content.Start >= 0));
        return d;
    }

    private static Document Gazette() => Article(
        "The mayor said the harbour bridge would close for repairs until March 2032. The weather was fine.",
        Monday, "Gazette", ("the harbour bridge would close for repairs until March 2032", "Anna Berg"));

    private static Document Courier() => Article(
        "“We will close the harbour bridge for repairs until March 2032,” Berg told reporters.",
        Monday.AddDays(1), "Courier", ("We will close the harbour bridge for repairs until March 2032,", "Berg"));

    private static Document Herald() => Article(
        "Mayor Anna Berg said the new library would open its doors to readers in the autumn.",
        Monday, "Herald", ("the new library would open its doors to readers in the autumn", "Anna Berg"));

    private static StoryGraph Cluster(params Document[] documents)
    {
        var index = new StoryIndex();
        foreach (var d in documents)
            index.Add(d);
        return index.Build();
    }

    [Fact]
    public void One_utterance_reported_directly_and_indirectly_by_two_outlets_is_one_cluster()
    {
        var graph = Cluster(Gazette(), Courier(), Herald());
        var bridge = Assert.Single(graph.StatementClusters, c => c.Members.Count > 1);
        Assert.Equal(2, bridge.DocumentCount);
        Assert.Equal("Anna Berg", bridge.Speaker);
        Assert.Equal(3 - 1, graph.StatementClusters.Count);
    }

    [Fact]
    public void The_same_words_from_another_speaker_are_another_statement()
    {
        var courier = Article("“We will close the harbour bridge for repairs until March 2032,” Olsen said.", Monday, "Courier",
            ("We will close the harbour bridge for repairs until March 2032,", "Per Olsen"));
        Assert.All(Cluster(Gazette(), courier).StatementClusters, c => Assert.Single(c.Members));
    }

    [Fact]
    public void The_same_words_a_week_apart_are_another_occasion()
    {
        var later = Article("“We will close the harbour bridge for repairs until March 2032,” Berg said.", Monday.AddDays(7), "Courier",
            ("We will close the harbour bridge for repairs until March 2032,", "Anna Berg"));
        Assert.All(Cluster(Gazette(), later).StatementClusters, c => Assert.Single(c.Members));
    }

    /// <summary>A report that shares only some of its words with <see cref="Gazette"/>: the bridge and its repairs.</summary>
    private static Document Ferry(DateOnly? said)
    {
        const string content = "the harbour bridge needs repairs and the ferry will run more often in winter";
        const string text = "Berg said " + content + ".";
        var d = new Document(text, new DocumentMetadata { Published = said, Outlet = "Ferry News" });
        d.Statements = [new Statement(new Span(text.IndexOf(content, StringComparison.Ordinal), content.Length), StatementKind.Indirect, "Anna Berg", SaidOn: said)];
        return d;
    }

    [Fact]
    public void Looser_wording_joins_a_report_a_day_apart_but_an_undated_one_must_match_more_closely()
    {
        var dated = Cluster(Gazette(), Herald(), Ferry(Monday.AddDays(1)));
        Assert.Equal(2, Assert.Single(dated.StatementClusters, c => c.Members.Count > 1).DocumentCount);

        var undated = Cluster(Gazette(), Herald(), Ferry(said: null));
        Assert.All(undated.StatementClusters, c => Assert.Single(c.Members));
    }

    [Fact]
    public void A_statement_without_a_speaker_stays_alone()
    {
        var anonymous = Article("“We will close the harbour bridge for repairs until March 2032,” it was said.", Monday, "Courier",
            ("We will close the harbour bridge for repairs until March 2032,", null!));
        Assert.All(Cluster(Gazette(), anonymous).StatementClusters, c => Assert.Single(c.Members));
    }

    [Fact]
    public void The_two_halves_of_a_split_quotation_are_one_utterance()
    {
        const string text = "“Is it over?” she said. “Nobody can tell.”";
        var d = Article(text, Monday, "Gazette", ("Is it over?", "Anna Berg"), ("Nobody can tell.", "Anna Berg"));
        var cluster = Assert.Single(Cluster(d).StatementClusters);
        Assert.Equal(2, cluster.Members.Count);
    }

    [Fact]
    public void Adding_a_document_later_extends_the_existing_cluster_and_keeps_its_id()
    {
        var index = new StoryIndex();
        index.Add(Gazette());
        index.Add(Herald());
        var before = index.Build().StatementClusters.Select(c => c.Id).ToList();
        index.Add(Courier());
        var after = index.Build();
        Assert.Equal(before, after.StatementClusters.Select(c => c.Id));
        Assert.Contains(after.StatementClusters, c => c.Members.Count == 2);
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_within_a_batch()
    {
        var docs = new[] { Gazette(), Courier(), Herald() };
        string Shape(IEnumerable<Document> order)
        {
            var index = new StoryIndex();
            index.Add(order.SelectMany(d => StoryInputs.Statements(d, ClusteringSettings.Default)));
            return string.Join("|", index.Build().StatementClusters.Select(c => c.Id + ":" + string.Join(",", c.Members.Select(m => m.Key))));
        }
        Assert.Equal(Shape(docs), Shape(docs.Reverse()));
    }

    [Fact]
    public void Reports_of_one_meeting_are_one_event_and_a_later_meeting_is_another()
    {
        Document WithEvent(string text, DateOnly published, string date)
        {
            var d = new Document(text, new DocumentMetadata { Published = published });
            d.Events = [new Event(new Span(0, text.Length), "meet", ["Anna Berg", "Per Olsen"], date, "Tromsø")];
            return d;
        }
        var graph = Cluster(
            WithEvent("Berg met Olsen in Tromsø on Monday to discuss the harbour bridge.", Monday, "2031-05-05"),
            WithEvent("The mayor and Olsen held talks about the harbour bridge in Tromsø.", Monday.AddDays(1), "2031-05-05"),
            WithEvent("Berg met Olsen in Tromsø again to discuss the harbour bridge.", Monday.AddDays(20), "2031-05-25"));
        Assert.Equal(2, graph.EventClusters.Count);
        Assert.Equal(2, graph.EventClusters[0].Members.Count);
    }

    [Fact]
    public void A_story_threads_the_clusters_several_outlets_reported()
    {
        var graph = Cluster(Gazette(), Courier(), Herald());
        var story = Assert.Single(graph.Stories);
        Assert.StartsWith("Anna Berg:", story.Title, StringComparison.Ordinal);
        Assert.Equal(Monday, story.From);
        Assert.Contains(graph.StatementClusters.Single(c => c.Members.Count == 2).Id, story.StatementClusterIds);
    }

    [Fact]
    public void A_person_timeline_finds_a_full_name_from_a_surname_in_date_order()
    {
        var graph = Cluster(Gazette(), Courier(), Herald());
        var timeline = Timeline.ForPerson(graph, "Berg");
        Assert.Equal(2, timeline.Count);
        Assert.True(timeline[0].Date <= timeline[1].Date);
        Assert.Empty(Timeline.ForPerson(graph, "Olsen"));
        Assert.Empty(Timeline.ForStory(graph, "no-such-story"));
    }
}
