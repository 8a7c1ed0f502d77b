using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

/// <summary>Several documents per transaction, as the pipeline runner writes them: each still atomic and idempotent.</summary>
public class BatchWriteTests
{
    private static Document Sample(string text)
    {
        var d = new Document(text);
        d.Lines = [new Line(new Span(0, text.Length), LineLabel.Body)];
        return d;
    }

    [Fact]
    public void A_batch_reports_each_outcome_in_order_and_a_second_batch_stores_nothing_new()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var a = Sample("The harbour council voted on Tuesday to build a ferry terminal.");
        var b = Sample("Opponents said the plan would cost far more than the council admits.");

        var first = store.SaveMany([a, b, a]);
        Assert.Equal(new SaveOutcome?[] { SaveOutcome.Added, SaveOutcome.Added, SaveOutcome.AlreadyStored }, first.Select(r => r.Outcome));
        var again = store.SaveMany([b, a]);
        Assert.All(again, r => Assert.Equal(SaveOutcome.AlreadyStored, r.Outcome));
        Assert.Equal(2, store.CountDocuments());
        Assert.True(store.Contains(a.Id));
    }

    [Fact]
    public void A_document_that_fails_in_a_batch_leaves_nothing_behind_and_the_others_are_stored()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var good = Sample("The harbour council voted on Tuesday to build a ferry terminal.");
        var bad = Sample("A statement that points past the end of its text.");
        // Written after the document row: the savepoint must take the row back out.
        bad.Statements = [new Statement(new Span(10, 500), StatementKind.Direct, "Someone")];
        var last = Sample("Opponents said the plan would cost far more than the council admits.");

        var results = store.SaveMany([good, bad, last]);

        Assert.Equal(SaveOutcome.Added, results[0].Outcome);
        Assert.NotNull(results[1].Error);
        Assert.Equal(SaveOutcome.Added, results[2].Outcome);
        Assert.Equal(2, store.CountDocuments());
        Assert.Null(store.GetDocument(bad.Id));
        Assert.False(store.Contains(bad.Id));
        Assert.Equal(0, store.CountStatements());
    }

    [Fact]
    public void A_parallel_run_keeps_input_order_and_a_second_run_stores_the_same_documents()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var sources = Enumerable.Range(0, PipelineRunner.MaxBatch + 7)
            .Select(i => new SourceDocument($"test:{i}", $"Item {i}. The council of town number {i * 7919} met on day {i} and said “we will decide soon”, its chair told reporters.", ContentKind.Text))
            .ToList();

        var first = new PipelineRunner(Pipeline.CreateDefault(), store, threads: 2).Run(sources).ToList();
        long documents = store.CountDocuments(), publications = store.CountPublications();
        var second = new PipelineRunner(Pipeline.CreateDefault(), store, threads: 2).Run(sources).ToList();

        Assert.Equal(sources.Select(s => s.Uri), first.Select(i => i.Source.Uri));
        Assert.All(first, i => Assert.Null(i.Error));
        Assert.All(first, i => Assert.NotNull(i.Outcome));
        Assert.All(second, i => Assert.Equal(SaveOutcome.AlreadyStored, i.Outcome));
        Assert.Equal(documents, store.CountDocuments());
        Assert.Equal(publications, store.CountPublications());
    }

    [Fact]
    public void A_caller_that_stops_early_stops_the_run()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var sources = Enumerable.Range(0, 1000)
            .Select(i => new SourceDocument($"test:{i}", $"Note {i}: the ferry timetable for week {i} is unchanged.", ContentKind.Text));

        var taken = new PipelineRunner(Pipeline.CreateDefault(), store, threads: 2).Run(sources).Take(3).ToList();

        Assert.Equal(new[] { "test:0", "test:1", "test:2" }, taken.Select(i => i.Source.Uri));
        Assert.True(store.CountDocuments() < 1000);
    }
}
