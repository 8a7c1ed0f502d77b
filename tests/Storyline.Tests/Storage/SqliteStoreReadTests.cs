using Storyline.Documents;
using Storyline.Storage;
using Storyline.Tests.Support;
using Storyline.Tests.Web;

namespace Storyline.Tests.Storage;

public class SqliteStoreReadTests
{
    [Fact]
    public void A_loaded_document_has_every_annotation_it_was_saved_with()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var saved = AnnotatedSamples.Gazette();
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
        Assert.Equal(saved.Events.Select(e => (e.Span, e.Type, e.Date, string.Join("|", e.Participants))), loaded.Events.Select(e => (e.Span, e.Type, e.Date, string.Join("|", e.Participants))));
        Assert.Equal(saved.Entities.Select(e => (e.Id, e.Name, string.Join("|", e.Aliases.Order(StringComparer.Ordinal)))).Order(),
            loaded.Entities.Select(e => (e.Id, e.Name, string.Join("|", e.Aliases.Order(StringComparer.Ordinal)))).Order());
        Assert.Null(store.Load("unknown"));
    }

    [Fact]
    public void Update_replaces_the_annotations_and_their_search_index()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var saved = AnnotatedSamples.Gazette();
        store.Save(saved);
        var revised = new Document(saved.Text, saved.Metadata, saved.Id) { Lines = saved.Lines, Statements = [saved.Statements[0]] };

        Assert.True(store.Update(revised));

        Assert.Equal(1, store.CountStatements());
        Assert.Empty(store.QueryStatements(new StatementQuery(Text: "agreed")));
        Assert.Single(store.QueryStatements(new StatementQuery(Text: "summer")));
        Assert.Empty(store.Load(saved.Id)!.Mentions);
        Assert.Equal(1, store.QueryDocuments(new DocumentQuery(Text: "tram")).Total);
        Assert.False(store.Update(new Document("never saved")));
    }

    [Fact]
    public void Documents_filter_by_words_outlet_and_dates_and_count_the_whole_list()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        foreach (var d in AnnotatedSamples.All())
            store.Save(d);

        Assert.Equal(4, store.QueryDocuments(new DocumentQuery(Limit: 1)).Total);
        Assert.Single(store.QueryDocuments(new DocumentQuery(Limit: 1)).Items);
        Assert.Equal(2, store.QueryDocuments(new DocumentQuery(Outlet: "harbour gazette")).Total);
        Assert.Equal(2, store.QueryDocuments(new DocumentQuery(Text: "tram")).Total);
        var dated = store.QueryDocuments(new DocumentQuery(From: new DateOnly(2025, 11, 5), To: new DateOnly(2025, 11, 6)));
        Assert.Equal(["Daily briefing", "Trams by summer"], dated.Items.Select(d => d.Title));
        Assert.Equal([("Harbour Gazette", 2L), ("<b>Bold</b> Outlet", 1L), ("Valley Post", 1L)], store.Outlets().Select(o => (o.Name, o.Documents)));
    }
}
