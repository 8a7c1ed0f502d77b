using Storyline.Tests.Entities;

namespace Storyline.Tests.Events;

public class DisputeFinderTests
{
    [Theory]
    [InlineData("Moscow said its troops captured the town of Vell.", "Kyiv rejects this and says fighting goes on.")]
    [InlineData("The ministry claimed that 300 soldiers had surrendered.", "Independent monitors have disputed those claims.")]
    public void A_denial_that_points_back_disputes_the_sentence_before(string claim, string denial)
    {
        var d = Annotate.Events(claim + " " + denial);
        var dispute = Assert.Single(d.Disputes);
        Assert.Equal(claim, d.Slice(dispute.Claim));
        Assert.Equal(denial, d.Slice(dispute.DisputedBy));
    }

    [Fact]
    public void A_reported_denial_disputes_the_earlier_sentence_it_repeats()
    {
        const string claim = "Pavel Orlov is pushing Aino Virtanen to recognize the border treaty, the Daily Ledger reported.";
        const string other = "Fishing quotas were also discussed.";
        const string denial = "On Wednesday, the ministry said Orlov and Virtanen did not discuss recognizing the border treaty.";
        var d = Annotate.Events($"{claim} {other} {denial}");
        var dispute = Assert.Single(d.Disputes);
        Assert.Equal(claim, d.Slice(dispute.Claim));
        Assert.Equal(denial, d.Slice(dispute.DisputedBy));
    }

    [Fact]
    public void A_denial_inside_a_quote_is_the_speaker_s_claim_not_a_dispute()
    {
        var d = Annotate.Events("Pavel Orlov spoke on Monday. “We rejected nothing,” he said.");
        Assert.Empty(d.Disputes);
    }
}
