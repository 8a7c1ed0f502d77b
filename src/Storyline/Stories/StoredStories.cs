using Storyline.Documents;
using Storyline.Storage;

namespace Storyline.Stories;

/// <summary>
/// Builds the cross-document view from a store: stored memberships are put back as they were and only statements
/// and events in no cluster yet are placed, so a run after new documents arrive costs time for the new ones only.
/// </summary>
public static class StoredStories
{
    /// <summary>
    /// Brings the stored clusters, stories and disputes up to date and returns them; with <paramref name="rebuild"/>,
    /// forgets the stored clusters and places every statement and event afresh.
    /// </summary>
    public static StoryGraph Update(ICorpusStore store, bool rebuild = false, ClusteringSettings? settings = null)
    {
        settings ??= ClusteringSettings.Default;
        var index = new StoryIndex(settings);
        var statements = Statements(store, settings);
        var events = store.Events().Where(e => !e.Negated && !e.Hypothetical)
            .Select(e => new EventMention(e.DocumentId, new Span(e.Start, e.Length), e.Text, e.Type, e.Participants, e.Date, e.Place, e.Published, e.Outlet, e.Id))
            .ToList();
        if (!rebuild)
        {
            var statementCluster = store.StatementClusters().SelectMany(c => c.StatementIds.Select(id => (id, c.Id))).ToDictionary(x => x.id, x => x.Id);
            var eventCluster = store.EventClusters().SelectMany(c => c.EventIds.Select(id => (id, c.Id))).ToDictionary(x => x.id, x => x.Id);
            // Restored in stored order (by id), so each cluster's members come back in the order they were placed.
            foreach (var s in statements.Where(s => statementCluster.ContainsKey(s.StatementId!.Value)).OrderBy(s => s.StatementId))
                index.Restore(s, statementCluster[s.StatementId!.Value]);
            foreach (var e in events.Where(e => eventCluster.ContainsKey(e.EventId!.Value)).OrderBy(e => e.EventId))
                index.Restore(e, eventCluster[e.EventId!.Value]);
        }
        index.Add(statements);
        index.Add(events);
        foreach (var document in store.Documents())
        {
            var spans = store.ArticleSpans(document.Id);
            var body = spans.Count > 0 ? spans : [new Span(0, document.Text.Length)];
            index.Add(body.SelectMany(line => SentenceSplitter.Split(document.Text, line))
                .Select(s => new SentenceMention(document.Id, s, s.Of(document.Text), document.Published)));
        }
        var graph = index.Build();
        store.SaveStories(graph);
        return graph;
    }

    private static List<StatementMention> Statements(ICorpusStore store, ClusteringSettings settings)
    {
        var list = new List<StatementMention>();
        const int page = 1000;
        for (int offset = 0; ; offset += page)
        {
            var rows = store.QueryStatements(new StatementQuery(Offset: offset, Limit: page)).ToList();
            list.AddRange(rows.Select(s => new StatementMention(s.DocumentId, new Span(s.Start, s.Length), s.Text, s.Speaker, s.SaidOn,
                SaidOnIsApproximate: s.SaidOnIsPublication, s.Published, s.Outlet, Enum.TryParse<StatementKind>(s.Kind, true, out var k) ? k : StatementKind.Direct, s.Id)));
            if (rows.Count < page)
                break;
        }
        // Split quotations and quotes after reports need the text between two statements: read each document once.
        var linked = new List<StatementMention>(list.Count);
        foreach (var group in list.GroupBy(s => s.DocumentId, StringComparer.Ordinal))
            linked.AddRange(StoryInputs.LinkNeighbours(group, store.GetDocument(group.Key)?.Text ?? "", settings));
        return linked;
    }
}
