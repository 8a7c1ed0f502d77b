using Storyline.Documents;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Tests.Web;

namespace Storyline.Tests.Storage;

/// <summary>The corpus views of the contract: documents with annotations, entities, timelines, disputes, stories.</summary>
public abstract partial class StoreContract
{
    private ICorpusStore OpenWithSamples()
    {
        var store = Open();
        foreach (var d in AnnotatedSamples.All())
            store.Save(d);
        return store;
    }

    [SkippableFact]
    public void A_loaded_document_has_every_annotation_it_was_saved_with()
    {
        using var store = Open();
        var saved = AnnotatedSamples.Gazette();
        saved.Claims = [new Claim(new Span(5, 4), "1", "line", "tram", "Varga"), new Claim(new Span(0, 4), "2")];
        store.Save(saved);

        var loaded = store.Load(saved.Id);

        Assert.NotNull(loaded);
        Assert.Equal(saved.Text, loaded.Text);
        Assert.Equal(saved.Metadata.Title, loaded.Metadata.Title);
        Assert.Equal(saved.Metadata.Published, loaded.Metadata.Published);
        Assert.Equal(saved.Lines, loaded.Lines);
        Assert.Equal(saved.Mentions, loaded.Mentions);
        Assert.Equal(saved.Statements, loaded.Statements);
        Assert.Equal(saved.TimeExpressions, loaded.TimeExpressions);
        Assert.Equal(saved.Disputes, loaded.Disputes);
        // Claims were given out of document order: they come back in the order they were saved.
        Assert.Equal(saved.Claims, loaded.Claims);
        Assert.Equal(saved.Events.Select(e => (e.Span, e.Type, e.Date, string.Join("|", e.Participants))), loaded.Events.Select(e => (e.Span, e.Type, e.Date, string.Join("|", e.Participants))));
        Assert.Equal(saved.Entities.Select(e => (e.Id, e.Name, string.Join("|", e.Aliases.Order(StringComparer.Ordinal)))).Order(),
            loaded.Entities.Select(e => (e.Id, e.Name, string.Join("|", e.Aliases.Order(StringComparer.Ordinal)))).Order());
        Assert.Null(store.Load("unknown"));
    }

    [SkippableFact]
    public void Update_replaces_the_annotations_and_their_search_index()
    {
        using var store = Open();
        var saved = AnnotatedSamples.Gazette();
        store.Save(saved);
        var revised = new Document(saved.Text, saved.Metadata, saved.Id) { Lines = saved.Lines, Statements = [saved.Statements[0]] };
        revised.Metadata.Title = "Tram timetable revised";

        Assert.True(store.Update(revised));

        Assert.Equal(1, store.CountStatements());
        Assert.Empty(store.QueryStatements(new StatementQuery(Text: "agreed")));
        Assert.Single(store.QueryStatements(new StatementQuery(Text: "summer")));
        Assert.Empty(store.Load(saved.Id)!.Mentions);
        Assert.Equal(0, store.Disputes().Total);
        Assert.Equal(1, store.QueryDocuments(new DocumentQuery(Text: "tram")).Total);
        Assert.Equal(1, store.QueryDocuments(new DocumentQuery(Text: "timetable")).Total);
        Assert.Equal("Tram timetable revised", store.GetDocument(saved.Id)!.Title);
        Assert.False(store.Update(new Document("never saved")));
    }

    [SkippableFact]
    public void Documents_filter_by_words_outlet_and_dates_and_count_the_whole_list()
    {
        using var store = OpenWithSamples();

        Assert.Equal(4, store.QueryDocuments(new DocumentQuery(Limit: 1)).Total);
        Assert.Single(store.QueryDocuments(new DocumentQuery(Limit: 1)).Items);
        Assert.Equal(["Trams by summer"], store.QueryDocuments(new DocumentQuery(Offset: 2, Limit: 1)).Items.Select(d => d.Title));
        Assert.Equal(2, store.QueryDocuments(new DocumentQuery(Outlet: "harbour gazette")).Total);
        Assert.Equal(2, store.QueryDocuments(new DocumentQuery(Text: "tram")).Total);
        // The title is searched as well as the body.
        Assert.Equal(["Daily briefing"], store.QueryDocuments(new DocumentQuery(Text: "briefing")).Items.Select(d => d.Title));
        var dated = store.QueryDocuments(new DocumentQuery(From: new DateOnly(2025, 11, 5), To: new DateOnly(2025, 11, 6)));
        Assert.Equal(["Daily briefing", "Trams by summer"], dated.Items.Select(d => d.Title));
        Assert.Equal([("Harbour Gazette", 2L), ("<b>Bold</b> Outlet", 1L), ("Valley Post", 1L)], store.Outlets().Select(o => (o.Name, o.Documents)));
    }

    [SkippableFact]
    public void Statements_filter_by_entity_document_and_ids_and_are_counted_without_paging()
    {
        using var store = OpenWithSamples();
        var briefing = AnnotatedSamples.Briefing().Id;
        var post = AnnotatedSamples.Post().Id;

        var mayor = store.QueryStatements(new StatementQuery(EntityId: AnnotatedSamples.MayorId)).ToList();
        Assert.Equal(2, mayor.Count);
        Assert.All(mayor, s => Assert.Equal(AnnotatedSamples.Mayor, s.Speaker));
        Assert.Equal("Tram line to open before summer, mayor says", mayor[0].Title);
        Assert.Equal(["Tomas Brandt"], store.QueryStatements(new StatementQuery(EntityId: "person:tomas-brandt")).Select(s => s.Speaker));
        Assert.Empty(store.QueryStatements(new StatementQuery(EntityId: "person:nobody")));
        Assert.Equal([post], store.QueryStatements(new StatementQuery(EntityId: AnnotatedSamples.MayorId, DocumentId: post)).Select(s => s.DocumentId));

        var page = store.QueryStatements(new StatementQuery(DocumentId: briefing, Limit: 5)).ToList();
        Assert.Equal(5, page.Count);
        Assert.All(page, s => Assert.Equal(briefing, s.DocumentId));
        Assert.Equal(AnnotatedSamples.SpokespersonStatements, store.CountStatements(new StatementQuery(DocumentId: briefing, Limit: 5)));
        Assert.Equal(2, store.CountStatements(new StatementQuery(EntityId: AnnotatedSamples.MayorId)));
        Assert.Equal(store.CountStatements(), store.CountStatements(new StatementQuery()));

        long[] ids = [page[1].Id, mayor[1].Id];
        Assert.Equal(ids.Order(), store.QueryStatements(new StatementQuery(Ids: ids)).Select(s => s.Id).Order());
        Assert.Empty(store.QueryStatements(new StatementQuery(Ids: [])));
        Assert.Equal([page[1].Id], store.QueryStatements(new StatementQuery(DocumentId: briefing, Ids: ids)).Select(s => s.Id));
    }

    [SkippableFact]
    public void Entities_are_found_by_any_name_and_type_and_counted()
    {
        using var store = OpenWithSamples();

        var people = store.QueryEntities(new EntityQuery(Type: "PERSON"));
        Assert.Equal(2, people.Total);
        Assert.Equal([AnnotatedSamples.MayorId, "person:tomas-brandt"], people.Items.Select(e => e.Id));
        var mayor = Assert.Single(store.QueryEntities(new EntityQuery(Name: "mayor elena")).Items);
        Assert.Equal((2L, 2L, 2L), (mayor.Mentions, mayor.Documents, mayor.Statements));
        Assert.Equal(["Mayor Elena Varga", "Varga"], mayor.Aliases.Order(StringComparer.Ordinal));
        Assert.Equal(0, store.QueryEntities(new EntityQuery(Name: "%")).Total);
        Assert.Equal(0, store.QueryEntities(new EntityQuery(Type: "ORG")).Total);
        Assert.Equal(["person:tomas-brandt"], store.QueryEntities(new EntityQuery(Offset: 1, Limit: 1)).Items.Select(e => e.Id));
        Assert.Equal(mayor.Name, store.GetEntity(AnnotatedSamples.MayorId)?.Name);
        Assert.Null(store.GetEntity("person:nobody"));
    }

    [SkippableFact]
    public void An_entity_timeline_holds_what_it_said_and_its_events_by_date()
    {
        using var store = OpenWithSamples();

        var timeline = store.EntityTimeline(AnnotatedSamples.MayorId);

        Assert.Equal(3, timeline.Total);
        Assert.Equal(["2025-11-03", "2025-11-03", "2025-11-04"], timeline.Items.Select(e => e.Date));
        Assert.Equal([TimelineRole.Event, TimelineRole.Said, TimelineRole.Said], timeline.Items.Select(e => e.Role));
        Assert.Equal("Mayor Elena Varga said on Monday", timeline.Items[0].Text);
        Assert.Equal("press_conference", timeline.Items[0].Type);
        Assert.Equal("will open before the summer", timeline.Items[1].Text);
        Assert.Equal("Valley Post", timeline.Items[2].Outlet);
        Assert.Equal([TimelineRole.Said], store.EntityTimeline(AnnotatedSamples.MayorId, offset: 1, limit: 1).Items.Select(e => e.Role));
        Assert.Equal(0, store.EntityTimeline("person:nobody").Total);
    }

    [SkippableFact]
    public void Disputes_events_and_article_lines_come_back_with_their_texts()
    {
        using var store = OpenWithSamples();
        var gazette = AnnotatedSamples.Gazette();

        var dispute = Assert.Single(store.Disputes().Items);
        Assert.Equal(gazette.Slice(gazette.Disputes[0].Claim), dispute.ClaimText);
        Assert.Equal("Transport minister Tomas Brandt denied that any date had been agreed.", dispute.DisputedByText);
        Assert.Equal("Harbour Gazette", dispute.Outlet);
        var e = Assert.Single(store.Events());
        Assert.Equal(("Mayor Elena Varga said on Monday", "press_conference", "2025-11-03"), (e.Text, e.Type, e.Date));
        Assert.Equal([AnnotatedSamples.Mayor], e.Participants);
        Assert.Empty(store.Events(offset: 1));
        Assert.Equal(gazette.Lines.Select(l => l.Span), store.ArticleSpans(gazette.Id));
    }

    [SkippableFact]
    public void Stories_are_stored_read_back_and_kept_by_a_later_run()
    {
        using var store = OpenWithSamples();

        var graph = StoredStories.Update(store);

        var clusters = store.StatementClusters();
        Assert.Equal(graph.StatementClusters.Select(c => c.Id).Order(StringComparer.Ordinal), clusters.Select(c => c.Id).Order(StringComparer.Ordinal));
        var tram = Assert.Single(clusters, c => c.Documents == 2);
        Assert.Equal(AnnotatedSamples.Mayor, tram.Speaker);
        Assert.Equal(store.QueryStatements(new StatementQuery(EntityId: AnnotatedSamples.MayorId)).Select(s => s.Id).Order(), tram.StatementIds.Order());
        Assert.Equal(graph.EventClusters.Count, store.EventClusters().Count);
        Assert.Equal(graph.Stories.Select(s => (s.Id, s.Title)).Order(), store.Stories().Select(s => (s.Id, s.Title)).Order());
        Assert.Contains(store.Stories(), s => s.StatementClusterIds.Contains(tram.Id));
        Assert.Equal(graph.Disputes.Count, store.CrossDisputes().Count);

        StoredStories.Update(store);
        Assert.Equal(clusters.Select(c => (c.Id, string.Join(",", c.StatementIds))), store.StatementClusters().Select(c => (c.Id, string.Join(",", c.StatementIds))));
    }

    [SkippableFact]
    public void Writers_racing_to_save_copies_of_one_wire_story_store_one_text()
    {
        using var store = Open();
        var copies = Enumerable.Range(0, 8)
            .Select(i => Republished($"Outlet {i}", $"Headline number {i}", $"Closing line {i}.", new DateOnly(2025, 12, 1).AddDays(i)))
            .ToList();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<SaveOutcome>();

        Parallel.ForEach(copies, new ParallelOptions { MaxDegreeOfParallelism = 8 }, d => outcomes.Add(store.Save(d)));

        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(1, outcomes.Count(o => o == SaveOutcome.Added));
        Assert.Equal(7, outcomes.Count(o => o == SaveOutcome.NearDuplicate));
        Assert.Equal(8, store.CountPublications());
        Assert.All(copies, d => Assert.True(store.Contains(d.Id)));
    }
}
