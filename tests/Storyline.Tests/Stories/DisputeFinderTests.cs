using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Tests.Stories;

public class DisputeFinderTests
{
    private static readonly DateOnly Day = new(2031, 5, 5);

    private static StoryGraph Graph(params Document[] documents)
    {
        var index = new StoryIndex();
        foreach (var d in documents)
            index.Add(d);
        return index.Build();
    }

    private static Document Plain(string text, int days) => new(text, new DocumentMetadata { Published = Day.AddDays(days) });

    [Fact]
    public void A_denial_in_one_outlet_disputes_the_report_in_another()
    {
        var denial = StoryIndexTests.Article("“We never sold the ferry company. That is clear,” Berg said.", Day, "Gazette",
            ("We never sold the ferry company. That is clear,", "Anna Berg"));
        var report = Plain("Records show the city sold the ferry company in 2029.", 1);
        var dispute = Assert.Single(Graph(denial, report).Disputes);
        Assert.Equal(DisputeReason.Negation, dispute.Reason);
        Assert.Equal(denial.Id, dispute.ClaimDocumentId);
        Assert.Equal("Records show the city sold the ferry company in 2029.", dispute.DisputedText);
    }

    [Fact]
    public void A_denial_and_its_claim_in_one_document_are_not_a_cross_document_dispute()
    {
        const string text = "“We never sold the ferry company,” Berg said. Records show the city sold the ferry company in 2029.";
        var d = StoryIndexTests.Article(text, Day, "Gazette", ("We never sold the ferry company,", "Anna Berg"));
        Assert.Empty(Graph(d).Disputes);
    }

    [Fact]
    public void Two_outlets_giving_one_thing_different_numbers_are_a_dispute()
    {
        var a = Plain("The city’s nearly three-year-long strike ended on Monday.", 0);
        var b = Plain("The city’s nearly four-year strike is over.", 3);
        var dispute = Assert.Single(Graph(a, b).Disputes);
        Assert.Equal(DisputeReason.Quantity, dispute.Reason);
        Assert.Equal(a.Id, dispute.ClaimDocumentId);
    }

    [Fact]
    public void Different_years_of_different_events_are_no_dispute()
    {
        Assert.Empty(Graph(Plain("The bridge opened in 1998 after a long wait.", 0), Plain("The bridge opened in 2004 after a long wait.", 1)).Disputes);
    }
}
