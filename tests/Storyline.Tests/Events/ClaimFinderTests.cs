using Storyline.Tests.Entities;

namespace Storyline.Tests.Events;

public class ClaimFinderTests
{
    public static TheoryData<string, string, string> Claims => new()
    {
        // sentence                                                              claim text                            quantity
        { "Ruritania now controls about 20% of the country, officials said.",    "about 20%",                          "20%" },
        { "Rebels hold 19.2 percent of Vell.",                                   "19.2 percent",                       "19.2%" },
        { "The fund will receive $50 billion next year.",                       "$50 billion",                        "50000000000 USD" },
        { "The loan was 300 million euros.",                                     "300 million euros",                  "300000000 EUR" },
        { "About 5 thousand square kilometers of Vell remain contested.",        "About 5 thousand square kilometers", "5000 km2" },
        { "The front moved 12 kilometers in a week.",                            "12 kilometers",                      "12 km" },
        { "At least 14 civilians were killed in the strike.",                    "At least 14 civilians",              "14 civilians" },
        { "Both sides agreed to a 30-day pause on attacks.",                     "30-day pause",                       "30 days" },
        { "The session stretched more than four and a half hours.",              "more than four and a half hours",    "4.5 hours" },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void Finds_each_claim_shape_with_a_normalised_quantity(string sentence, string text, string quantity)
    {
        var d = Annotate.Events(sentence);
        var claim = Assert.Single(d.Claims);
        Assert.Equal(text, d.Slice(claim.Span));
        Assert.Equal(quantity, claim.Quantity);
    }

    [Fact]
    public void The_subject_is_the_entity_after_of_and_the_claimant_the_source_after_according_to()
    {
        var d = Annotate.Events("According to Aino Virtanen, rebels hold 19.2% of Ruritania.");
        var claim = Assert.Single(d.Claims);
        Assert.Equal("Ruritania", claim.Subject);
        Assert.Equal("Aino Virtanen", claim.Claimant);
    }

    [Theory]
    [InlineData("Talks on the 28-point plan continued.")]
    [InlineData("He attended the 34th congress of the party.")]
    [InlineData("All five regions voted in 2014.")]
    public void Ordinals_years_and_bare_counts_are_not_claims(string sentence)
    {
        Assert.Empty(Annotate.Events(sentence).Claims);
    }
}
