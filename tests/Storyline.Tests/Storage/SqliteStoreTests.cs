using Microsoft.Data.Sqlite;
using Storyline.Documents;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

public class SqliteStoreTests
{
    private static Document Sample(string text = "Putin said: “We will not give up an inch.”", string speaker = "Vladimir Putin")
    {
        var d = new Document(text);
        d.Metadata.Outlet = "Example News";
        d.Metadata.Published = new DateOnly(2025, 12, 4);
        d.Lines = [new Line(new Span(0, text.Length), LineLabel.Body)];
        int q = text.IndexOf('“', StringComparison.Ordinal) + 1;
        d.Statements = [new Statement(Span.FromBounds(q, text.LastIndexOf('”')), StatementKind.Direct, speaker, Cue: new Span(text.IndexOf("said", StringComparison.Ordinal), 4))];
        d.Entities = [new Entity("person:vladimir-putin", "Vladimir Putin", "PERSON", ["Putin"])];
        d.Mentions = [new EntityMention(new Span(0, 5), "PERSON", "person:vladimir-putin")];
        return d;
    }

    [Fact]
    public void Saving_the_same_document_twice_stores_it_once()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        Assert.Equal(SaveOutcome.Added, store.Save(Sample()));
        Assert.Equal(SaveOutcome.AlreadyStored, store.Save(Sample()));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(1, store.CountStatements());
    }

    [Fact]
    public void Statements_come_back_with_speaker_source_and_text_and_are_searchable()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        store.Save(Sample());
        store.Save(Sample("Zelensky said: “Ukraine will not surrender.”", "Volodymyr Zelensky"));

        var all = store.QueryStatements(new StatementQuery()).ToList();
        Assert.Equal(2, all.Count);
        var putin = Assert.Single(store.QueryStatements(new StatementQuery(Speaker: "putin")));
        Assert.Equal("We will not give up an inch.", putin.Text);
        Assert.Equal("said", putin.Cue);
        Assert.Equal("Example News", putin.Outlet);
        var found = Assert.Single(store.QueryStatements(new StatementQuery(Text: "surrender")));
        Assert.Equal("Volodymyr Zelensky", found.Speaker);
        // Query syntax characters in user input are words, not FTS5 operators.
        Assert.Empty(store.QueryStatements(new StatementQuery(Text: "\"AND( OR *")));
    }

    [Fact]
    public void Reopening_a_database_keeps_its_data_and_schema_version()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        using (var store = new SqliteStore(path))
            store.Save(Sample());
        using var again = new SqliteStore(path);
        Assert.Equal(1, again.CountDocuments());
        Assert.True(again.SchemaVersion >= 1);
        var doc = again.GetDocument(Sample().Id);
        Assert.NotNull(doc);
        Assert.Equal(new DateOnly(2025, 12, 4), doc.Published);
    }

    [Fact]
    public void A_failed_write_leaves_no_half_written_document()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        using var store = new SqliteStore(path);
        // A statement span outside the text makes the write fail after the document row was inserted.
        var bad = Sample();
        bad.Statements = [new Statement(new Span(5, 10_000), StatementKind.Direct, "X")];
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => store.Save(bad));

        Assert.Equal(0, store.CountDocuments());
        using var raw = new SqliteConnection($"Data Source={path}");
        raw.Open();
        using var cmd = raw.CreateCommand();
        cmd.CommandText = "SELECT (SELECT count(*) FROM lines) + (SELECT count(*) FROM mentions) + (SELECT count(*) FROM documents_fts)";
        Assert.Equal(0L, (long)cmd.ExecuteScalar()!);
        // And the same document, repaired, can still be stored.
        Assert.Equal(SaveOutcome.Added, store.Save(Sample()));
    }
}
