using Storyline.Documents;
using Storyline.Entities;
using Storyline.Events;
using Storyline.Tests.Entities;

namespace Storyline.Tests.Events;

public class EventStageTests
{
    public static TheoryData<string, string> OneEvent => new()
    {
        // sentence                                                                   type
        { "Pavel Orlov met with Aino Virtanen in Vienna on Monday.",                  "meet" },
        { "Finnish and Swedish officials will hold talks in Geneva on Friday.",       "meet" },
        { "Aino Virtanen visited Warsaw last year.",                                  "visit" },
        { "Finnish officials traveled to Geneva on Wednesday to present a plan.",     "travel" },
        { "Swedish officials are traveling to Oslo on Thursday for talks with Finnish officials.", "meet" },
        { "Leaders gathered in Oslo for a NATO summit.",                              "summit" },
        { "Pavel Orlov held a phone call with Aino Virtanen.",                        "phone_call" },
        { "Aino Virtanen gave an interview to the Daily Ledger.",                     "interview" },
        { "Pavel Orlov spoke at his annual press conference.",                        "press_conference" },
        { "Both sides agreed to a three-day truce.",                                  "ceasefire" },
        { "The European Union imposed new sanctions on Acme Steel.",                  "sanction" },
        { "Ruritania annexed the island of Vell in 1999.",                            "annexation" },
        { "Rebels seized the airport at dawn.",                                       "seizure" },
        { "Drones attacked the port of Odesa.",                                       "attack" },
        { "Finland and Sweden signed an agreement on fishing rights.",                "agreement" },
        { "Pavel Orlov threatened to leave the alliance.",                            "threat" },
    };

    [Theory]
    [MemberData(nameof(OneEvent))]
    public void Finds_each_event_type(string sentence, string type)
    {
        var d = Annotate.Events(sentence);
        var e = Assert.Single(d.Events);
        Assert.Equal(type, e.Type);
        Assert.False(e.Negated);
        Assert.False(e.Hypothetical);
    }

    [Fact]
    public void Participants_are_canonical_names_and_the_place_is_kept_apart()
    {
        var e = Assert.Single(Annotate.Events("Pavel Orlov met with Aino Virtanen in Kiev on Monday.").Events);
        Assert.Equal(["Pavel Orlov", "Aino Virtanen"], e.Participants);
        Assert.Equal("Kyiv", e.Place);
    }

    [Fact]
    public void A_nationality_before_officials_is_the_country_acting()
    {
        var e = Assert.Single(Annotate.Events("Finnish officials traveled to Geneva on Wednesday.").Events);
        Assert.Contains("Finland", e.Participants);
        Assert.Equal("Geneva", e.Place);
    }

    [Fact]
    public void A_negated_event_is_marked()
    {
        var e = Assert.Single(Annotate.Events("Pavel Orlov did not meet with Aino Virtanen in Vienna.").Events);
        Assert.True(e.Negated);
    }

    [Fact]
    public void A_conditional_event_is_marked_hypothetical()
    {
        var e = Assert.Single(Annotate.Events("Talks will end if Ruritania refuses to accept a ceasefire.").Events);
        Assert.Equal("ceasefire", e.Type);
        Assert.True(e.Hypothetical);
    }

    [Fact]
    public void Negation_does_not_cross_into_the_next_clause()
    {
        var d = Annotate.Events("Pavel Orlov voiced frustration at the refusal to agree to a truce and has imposed sanctions since 2024.");
        Assert.True(d.Events.Single(e => e.Type == "ceasefire").Negated);
        Assert.False(d.Events.Single(e => e.Type == "sanction").Negated);
    }

    [Fact]
    public void A_definite_reference_to_a_reported_event_is_not_a_second_event()
    {
        var d = Annotate.Events("Pavel Orlov met with Aino Virtanen in Vienna on Monday. The meeting lasted two hours. After Monday’s meeting, both left.");
        Assert.Single(d.Events);
    }

    [Theory]
    [InlineData("The negotiations are a topic of endless debate.")]
    [InlineData("Sanctions are a blunt tool, economists say.")]
    [InlineData("He refused to meet Ukraine halfway.")]
    [InlineData("“We had a very good meeting in Vienna on Monday,” Pavel Orlov said.")]
    public void Topics_idioms_and_quotes_are_not_events(string sentence)
    {
        Assert.Empty(Annotate.Events(sentence).Events);
    }

    [Theory]
    [InlineData("Before the summit in Oslo, Pavel Orlov spoke to reporters.")]
    [InlineData("Pavel Orlov spoke to reporters after his visit to Warsaw.")]
    [InlineData("Ahead of the Oslo summit, Pavel Orlov spoke to reporters.")]
    public void A_known_event_used_as_a_time_landmark_is_not_reported(string sentence)
    {
        Assert.Empty(Annotate.Events(sentence).Events);
    }

    [Fact]
    public void An_indefinite_event_before_the_main_clause_is_reported()
    {
        var e = Assert.Single(Annotate.Events("Speaking in Oslo after a Nordic Council of Ministers summit, Pavel Orlov praised the hosts.").Events);
        Assert.Equal("summit", e.Type);
    }

    [Theory]
    [InlineData("Vell, which Ruritania annexed in 1999, voted on Sunday.")]
    [InlineData("Ruritania demands all territory seized by rebels.")]
    [InlineData("Ruritania has illegally annexed the island.")]
    public void Descriptions_and_undated_perfects_are_background_not_events(string sentence)
    {
        Assert.Empty(Annotate.Events(sentence).Events);
    }

    [Fact]
    public void A_passive_with_an_auxiliary_is_still_an_event()
    {
        var e = Assert.Single(Annotate.Events("The airport was seized by rebels at dawn.").Events);
        Assert.Equal("seizure", e.Type);
    }

    [Fact]
    public void Two_mentions_of_one_occurrence_are_one_event_and_the_fuller_stays()
    {
        var d = new Document("Finnish officials will hold talks with Swedish officials on Thursday. "
            + "Finnish negotiators will hold talks in Oslo on Thursday.");
        new EntityStage().Apply(d);
        d.TimeExpressions = [.. AllSpans(d.Text, "Thursday").Select(s => new TimeExpression(s, TimexType.Date, "2025-12-04"))];
        new EventStage().Apply(d);
        var e = Assert.Single(d.Events);
        Assert.Equal("meet", e.Type);
        Assert.Equal("Oslo", e.Place);
    }

    private static IEnumerable<Span> AllSpans(string text, string form)
    {
        for (int i = text.IndexOf(form, StringComparison.Ordinal); i >= 0; i = text.IndexOf(form, i + 1, StringComparison.Ordinal))
            yield return new Span(i, form.Length);
    }

    [Fact]
    public void A_place_in_a_gerund_clause_does_not_anchor_the_trigger()
    {
        Assert.Empty(Annotate.Events("Ongoing negotiations for ending the war in Vell center on recognition.").Events);
    }

    [Fact]
    public void The_source_after_according_to_is_not_the_place()
    {
        var e = Assert.Single(Annotate.Events("According to Helsinki, Pavel Orlov met with Aino Virtanen.").Events);
        Assert.Null(e.Place);
    }
}
