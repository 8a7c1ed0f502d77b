using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Tests.Entities;
using Storyline.Tests.Support;

namespace Storyline.Tests;

/// <summary>Revising a stored corpus once new documents are in, against a real SQLite file.</summary>
public class CorpusRevisionTests
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

        Assert.Equal(1, CorpusRevision.Apply(store).Relinked);
        Assert.Equal(new CorpusRevisionResult(0, 0, 0, 0), CorpusRevision.Apply(store));

        var reloaded = store.Load(variant.Id)!;
        Assert.Equal("person:mark-delaney", reloaded.EntityAt("Mark Delanney")?.Id);
        var meeting = Assert.Single(reloaded.Events);
        Assert.Contains("Mark Delaney", meeting.Participants);
        Assert.DoesNotContain("Mark Delanney", meeting.Participants);
    }

    private const string Budget = "the new budget would halve fuel taxes and raise pensions for dairy farmers in the northern provinces";

    [Fact]
    public void A_stored_weekday_only_article_is_dated_from_a_stored_report_of_the_same_statement_once()
    {
        var pipeline = Pipeline.CreateDefault();
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        // Friday 14 March 2031: "on Thursday" is the 13th there.
        store.Save(pipeline.Process(new SourceDocument("test:dated",
            $"Finance minister Anna Berg said on Thursday that {Budget}. The opposition called the plan reckless.", ContentKind.Text, new DateOnly(2031, 3, 14))));
        var undated = pipeline.Process(new SourceDocument("test:undated",
            $"Finance minister Anna Berg said on Thursday that {Budget}. Critics in parliament were unconvinced.", ContentKind.Text));
        store.Save(undated);
        Assert.Null(store.Load(undated.Id)!.Metadata.Published);

        var first = CorpusRevision.Apply(store);

        Assert.Equal(1, first.Dated);
        Assert.Equal(1, first.Rewritten);
        var reloaded = store.Load(undated.Id)!;
        Assert.Equal(new DateOnly(2031, 3, 13), reloaded.Metadata.Published);
        Assert.True(reloaded.Metadata.PublishedInferred);
        Assert.Contains("13 March 2031", reloaded.Metadata.PublishedNote);
        Assert.All(reloaded.Statements, s => Assert.Equal(new DateOnly(2031, 3, 13), s.SaidOn));
        Assert.Contains(store.QueryStatements(new StatementQuery()), s => s.DocumentId == undated.Id && s.SaidOn == new DateOnly(2031, 3, 13));

        Assert.Equal(new CorpusRevisionResult(0, 0, 0, 0), CorpusRevision.Apply(store));
    }
}
