using Storyline.Documents;
using Storyline.Entities;
using Storyline.Events;
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

    [Fact]
    public void The_subject_is_who_holds_the_figure_when_the_clause_names_one()
    {
        var claim = Assert.Single(Annotate.Events("Troops loyal to Pavel Orlov now control 19.2% of Vell.").Claims);
        Assert.Equal("Pavel Orlov", claim.Subject);
    }

    [Fact]
    public void A_figure_in_an_including_list_is_part_of_the_claim_before_it()
    {
        var claim = Assert.Single(Annotate.Events("Ruritania controls 19.2% of Vell, including more than 80% of its coast.").Claims);
        Assert.Equal("19.2%", claim.Quantity);
    }

    [Fact]
    public void A_duration_is_about_the_event_it_measures()
    {
        var claim = Assert.Single(Annotate.Events("Pavel Orlov spoke at his annual press conference, which stretched more than four hours.").Claims);
        Assert.Equal("press conference", claim.Subject);
    }

    [Fact]
    public void A_deadline_in_a_forecast_is_a_claim_with_the_date_as_quantity()
    {
        var d = WithDate("Rebels would only be able to take Vell by August 2027, analysts said.", "August 2027", "2027-08");
        var claim = Assert.Single(d.Claims);
        Assert.Equal("2027-08", claim.Quantity);
        Assert.Equal("date", claim.Unit);
    }

    [Fact]
    public void A_date_after_by_without_a_forecast_is_not_a_claim()
    {
        Assert.Empty(WithDate("The plan was signed by August 2027 delegates.", "August 2027", "2027-08").Claims);
    }

    /// <summary>The entity and event stages over a text with one date the time layer would have found.</summary>
    private static Document WithDate(string text, string form, string value)
    {
        var d = new Document(text);
        new EntityStage().Apply(d);
        d.TimeExpressions = [new TimeExpression(new Span(text.IndexOf(form, StringComparison.Ordinal), form.Length), TimexType.Date, value)];
        new EventStage().Apply(d);
        return d;
    }
}
