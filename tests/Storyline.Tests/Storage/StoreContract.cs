using Storyline.Documents;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

/// <summary>
/// What every <see cref="ICorpusStore"/> promises, asserted the same way against each one: the SQLite file store and
/// the PostgreSQL server store must give the same answers to the same questions.
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    /// <summary>Opens the store under test; each call opens the same database again.</summary>
    protected abstract ICorpusStore Open();

    public abstract void Dispose();

    internal static Document Sample(string text = "Putin said: “We will not give up an inch.”", string speaker = "Vladimir Putin",
        string outlet = "Example News", DateOnly? published = null, DateOnly? saidOn = null)
    {
        var d = new Document(text);
        d.Metadata.Outlet = outlet;
        d.Metadata.Title = "A title";
        d.Metadata.Authors = ["A. Writer", "B. Writer"];
        d.Metadata.Published = published ?? new DateOnly(2025, 12, 4);
        d.Metadata.SourceUri = "https://example.org/" + ContentHash.Of(text)[..8];
        d.Lines = [new Line(new Span(0, text.Length), LineLabel.Body)];
        int q = text.IndexOf('“', StringComparison.Ordinal) + 1;
        int cue = text.IndexOf("said", StringComparison.Ordinal);
        d.Statements = [new Statement(Span.FromBounds(q, text.LastIndexOf('”')), StatementKind.Direct, speaker, Cue: cue < 0 ? null : new Span(cue, 4), SaidOn: saidOn)];
        var id = "person:" + speaker.ToLowerInvariant().Replace(' ', '-');
        d.Entities = [new Entity(id, speaker, "PERSON", [speaker.Split(' ')[^1]])];
        d.Mentions = [new EntityMention(new Span(0, 5), "PERSON", id)];
        d.TimeExpressions = [new TimeExpression(new Span(0, 4), TimexType.Date, "2025-12-04")];
        d.Events = [new Event(new Span(0, 10), "statement", ["a", "b"], Negated: true)];
        d.Claims = [new Claim(new Span(0, 3), "1", "inch")];
        d.Disputes = [new Dispute(new Span(0, 3), new Span(4, 3))];
        return d;
    }

    [SkippableFact]
    public void Saving_the_same_document_twice_stores_it_once()
    {
        using var store = Open();
        Assert.Equal(SaveOutcome.Added, store.Save(Sample()));
        Assert.Equal(SaveOutcome.AlreadyStored, store.Save(Sample()));
        Assert.True(store.Contains(Sample().Id));
        Assert.False(store.Contains("nope"));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(1, store.CountStatements());
    }

    [SkippableFact]
    public void Writers_racing_to_save_the_same_documents_store_each_once()
    {
        using var store = Open();
        var docs = Enumerable.Range(0, 20).Select(i => Sample($"Minister {i} said: “We shall see {i}.”", "Shared Speaker")).ToList();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<SaveOutcome>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            foreach (var d in docs)
                outcomes.Add(store.Save(d));
        });
        Assert.Equal(20, outcomes.Count(o => o == SaveOutcome.Added));
        Assert.Equal(20, store.CountDocuments());
        Assert.Equal(20, store.CountStatements());
    }

    [SkippableFact]
    public void Documents_come_back_as_saved()
    {
        using var store = Open();
        var sample = Sample();
        sample.Metadata.PublishedInferred = true;
        sample.Metadata.PublishedNote = "from the dateline";
        sample.Metadata.Language = "en";
        store.Save(sample);
        var doc = store.GetDocument(sample.Id);
        Assert.NotNull(doc);
        Assert.Equal(sample.Text, doc.Text);
        Assert.Equal(sample.BodyText, doc.Body);
        Assert.Equal("A title", doc.Title);
        Assert.Equal(["A. Writer", "B. Writer"], doc.Authors);
        Assert.Equal(new DateOnly(2025, 12, 4), doc.Published);
        Assert.True(doc.PublishedInferred);
        Assert.Equal("from the dateline", doc.PublishedNote);
        Assert.Equal("en", doc.Language);
        Assert.Equal(sample.Metadata.SourceUri, doc.SourceUri);
        Assert.Null(store.GetDocument("0000"));
    }

    [SkippableFact]
    public void Documents_are_listed_by_date_undated_first_then_by_id_and_paged()
    {
        using var store = Open();
        var undated = Sample("Undated said: “x.”");
        undated.Metadata.Published = null;
        store.Save(undated);
        store.Save(Sample("Late said: “x.”", published: new DateOnly(2026, 1, 2)));
        store.Save(Sample("Early said: “x.”", published: new DateOnly(2024, 5, 6)));
        var all = store.Documents().ToList();
        Assert.Equal([null, new DateOnly(2024, 5, 6), new DateOnly(2026, 1, 2)], all.Select(d => d.Published));
        Assert.Equal(all.Skip(1).Take(1).Select(d => d.Id), store.Documents(offset: 1, limit: 1).Select(d => d.Id));
    }

    [SkippableFact]
    public void Statements_come_back_with_speaker_source_and_text_and_are_searchable()
    {
        using var store = Open();
        store.Save(Sample());
        store.Save(Sample("Zelensky said: “Ukraine will not surrender.”", "Volodymyr Zelensky", outlet: "Other Times"));

        var all = store.QueryStatements(new StatementQuery()).ToList();
        Assert.Equal(2, all.Count);
        var putin = Assert.Single(store.QueryStatements(new StatementQuery(Speaker: "putin")));
        Assert.Equal("We will not give up an inch.", putin.Text);
        Assert.Equal("said", putin.Cue);
        Assert.Equal("Example News", putin.Outlet);
        Assert.Equal(new DateOnly(2025, 12, 4), putin.Published);
        Assert.Equal("direct", putin.Kind);
        var found = Assert.Single(store.QueryStatements(new StatementQuery(Text: "surrender")));
        Assert.Equal("Volodymyr Zelensky", found.Speaker);
        Assert.Single(store.QueryStatements(new StatementQuery(Text: "UKRAINE surrender")));
        Assert.Empty(store.QueryStatements(new StatementQuery(Text: "surrender inch")));
        Assert.Equal("Volodymyr Zelensky", Assert.Single(store.QueryStatements(new StatementQuery(Outlet: "other times"))).Speaker);
        // Query syntax characters in user input are words, not operators; LIKE wildcards are literal characters.
        Assert.Empty(store.QueryStatements(new StatementQuery(Text: "\"AND( OR *")));
        Assert.Empty(store.QueryStatements(new StatementQuery(Speaker: "%")));
        Assert.Empty(store.QueryStatements(new StatementQuery(Speaker: "_")));
    }

    [SkippableFact]
    public void Search_ignores_diacritics_and_case()
    {
        using var store = Open();
        store.Save(Sample("Le ministre a dit: “Nous défendrons la Sécurité.”", "Jean Dupont"));
        Assert.Single(store.QueryStatements(new StatementQuery(Text: "securite")));
        Assert.Single(store.QueryStatements(new StatementQuery(Text: "DÉFENDRONS")));
    }

    [SkippableFact]
    public void Statements_are_filtered_by_their_own_date_or_else_the_publication_date_in_date_order()
    {
        using var store = Open();
        store.Save(Sample("A said: “one.”", "A", published: new DateOnly(2025, 3, 1)));
        store.Save(Sample("B said: “two.”", "B", published: new DateOnly(2025, 3, 9), saidOn: new DateOnly(2025, 2, 1)));
        store.Save(Sample("C said: “three.”", "C", published: new DateOnly(2025, 4, 1)));

        Assert.Equal(["B", "A", "C"], store.QueryStatements(new StatementQuery()).Select(s => s.Speaker));
        Assert.Equal(["A"], store.QueryStatements(new StatementQuery(From: new DateOnly(2025, 2, 15), To: new DateOnly(2025, 3, 31))).Select(s => s.Speaker));
        Assert.Equal(new DateOnly(2025, 2, 1), store.QueryStatements(new StatementQuery(Speaker: "B")).Single().SaidOn);
        Assert.Equal(["A"], store.QueryStatements(new StatementQuery(Offset: 1, Limit: 1)).Select(s => s.Speaker));
    }

    private const string Wire =
        "The port authority said on Monday that container traffic through the harbour fell by a fifth in November, " +
        "the steepest monthly drop since the pandemic, as shipping lines diverted vessels away from the strait. " +
        "“We expect volumes to recover slowly in the first quarter,” the authority's director told reporters at a briefing, " +
        "adding that two berths would close for repairs in January. Freight forwarders said rates for the route had doubled " +
        "since October and that several exporters had switched to rail. The ministry of transport declined to comment on " +
        "whether it would offer relief to operators hit by the slowdown.";

    private static Document Republished(string outlet, string headline, string closing, DateOnly published)
    {
        var d = new Document($"{headline}\n{Wire}\n{closing}");
        d.Metadata.Outlet = outlet;
        d.Metadata.Title = headline;
        d.Metadata.Published = published;
        d.Metadata.SourceUri = $"https://{outlet.ToLowerInvariant().Replace(' ', '-')}.example/{published:yyyyMMdd}/port";
        return d;
    }

    [SkippableFact]
    public void A_wire_story_republished_by_several_outlets_is_one_text_with_many_publications()
    {
        using var store = Open();
        var first = Republished("Harbour Daily", "Port traffic falls by a fifth", "Reporting by the wire service.", new DateOnly(2025, 12, 1));
        var second = Republished("Coast Courier", "Shipping slump hits the harbour", "More on this story later.", new DateOnly(2025, 12, 2));
        var third = Republished("Evening Star", "Container traffic drops sharply", "", new DateOnly(2025, 12, 1));
        var other = new Document("The port authority said on Monday " + string.Concat(Enumerable.Repeat("that a new cruise terminal will open next summer with room for three ships, ", 4)));

        Assert.Equal(SaveOutcome.Added, store.Save(first));
        Assert.Equal(SaveOutcome.NearDuplicate, store.Save(second));
        Assert.Equal(SaveOutcome.NearDuplicate, store.Save(third));
        Assert.Equal(SaveOutcome.AlreadyStored, store.Save(Republished("Coast Courier", "Shipping slump hits the harbour", "More on this story later.", new DateOnly(2025, 12, 2))));
        Assert.Equal(SaveOutcome.Added, store.Save(other));

        Assert.Equal(2, store.CountDocuments());
        Assert.True(store.Contains(second.Id));
        var publications = store.Publications(first.Id);
        Assert.Equal(["Harbour Daily", "Coast Courier", "Evening Star"], publications.Select(p => p.Outlet));
        Assert.Equal([first.Id, second.Id, third.Id], publications.Select(p => p.VariantId));
        Assert.Equal(new DateOnly(2025, 12, 2), publications[1].Published);
        Assert.Equal(4, store.CountPublications());
    }

    [SkippableFact]
    public void The_same_text_at_a_new_address_is_a_new_publication_not_a_new_document()
    {
        using var store = Open();
        var a = Sample();
        var b = Sample();
        b.Metadata.SourceUri = "https://mirror.example/copy";
        b.Metadata.Outlet = "Mirror";
        store.Save(a);
        Assert.Equal(SaveOutcome.AlreadyStored, store.Save(b));
        Assert.Equal(1, store.CountDocuments());
        Assert.Equal(["Example News", "Mirror"], store.Publications(a.Id).Select(p => p.Outlet));
    }

    [SkippableFact]
    public void Reopening_a_database_keeps_its_data()
    {
        using (var store = Open())
            store.Save(Sample());
        using var again = Open();
        Assert.Equal(1, again.CountDocuments());
        Assert.Equal(1, again.CountStatements());
    }

    [SkippableFact]
    public void A_failed_write_leaves_no_half_written_document()
    {
        using var store = Open();
        // A statement span outside the text makes the write fail after the document row was inserted.
        var bad = Sample();
        bad.Statements = [new Statement(new Span(5, 10_000), StatementKind.Direct, "X")];
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => store.Save(bad));

        Assert.Equal(0, store.CountDocuments());
        Assert.False(store.Contains(bad.Id));
        // And the same document, repaired, can still be stored.
        Assert.Equal(SaveOutcome.Added, store.Save(Sample()));
        Assert.Equal(1, store.CountStatements());
    }
}

public sealed class SqliteStoreContract : StoreContract
{
    private readonly TempDir _dir = new();

    protected override ICorpusStore Open() => new SqliteStore(_dir.File("contract.db"));

    public override void Dispose() => _dir.Dispose();
}

[Collection("postgres")]
public sealed class PostgresStoreContract(PostgresServer server) : StoreContract
{
    private string? _database;

    protected override ICorpusStore Open()
    {
        _database ??= server.CreateDatabase();
        return new PostgresStore(server.Url(_database));
    }

    public override void Dispose()
    {
    }

    [SkippableFact]
    public void The_schema_is_versioned_like_the_sqlite_one_and_migrating_twice_is_harmless()
    {
        using (var first = (PostgresStore)Open())
            Assert.Equal(SqliteMigrationsCount, first.SchemaVersion);
        using var second = (PostgresStore)Open();
        Assert.Equal(SqliteMigrationsCount, second.SchemaVersion);
    }

    private static int SqliteMigrationsCount
    {
        get
        {
            using var dir = new TempDir();
            using var sqlite = new SqliteStore(dir.File("v.db"));
            return sqlite.SchemaVersion;
        }
    }
}
