using Storyline.Documents;
using Storyline.Entities;

namespace Storyline.Tests.Entities;

public class EntityStageTests
{
    [Fact]
    public void Full_name_surname_and_title_plus_name_are_one_entity_with_a_stable_id()
    {
        var d = Annotate.Entities("Finnish President Aino Virtanen arrived on Monday. President Virtanen said the talks went well. Virtanen left early.");
        var e = d.EntityAt("Aino Virtanen");
        Assert.NotNull(e);
        Assert.Equal("person:aino-virtanen", e.Id);
        Assert.Equal("PERSON", e.Type);
        Assert.Same(e, d.EntityAt("President Virtanen"));
        Assert.Same(e, d.EntityAt("Virtanen left"));
    }

    [Theory]
    [InlineData("Finnish President Aino Virtanen met the press. The Finnish leader said little.", "The Finnish leader")]
    [InlineData("Finnish President Aino Virtanen met the press. Later the Finnish president said little.", "the Finnish president")]
    [InlineData("Russian President Pavel Orlov met the press. Later the Kremlin leader said little.", "the Kremlin leader")]
    [InlineData("Russian President Pavel Orlov met the press. The Russian also said little.", "The Russian")]
    public void Descriptions_are_learned_from_the_words_before_a_name(string text, string description)
    {
        var d = Annotate.Entities(text);
        var named = d.Entities.Single(e => e.Type == "PERSON");
        Assert.Equal(named, d.EntityAt(description));
    }

    [Fact]
    public void A_metonym_inside_a_description_names_the_person_not_the_institution()
    {
        var d = Annotate.Entities("Russian President Pavel Orlov spoke. The Kremlin leader said the Kremlin would answer.");
        Assert.Equal("Pavel Orlov", d.EntityAt("The Kremlin leader")?.Name);
        Assert.Equal("org:kremlin", d.EntityAt("the Kremlin would")?.Id);
    }

    [Fact]
    public void An_unnamed_nationality_description_goes_to_the_nearby_person_without_one()
    {
        var d = Annotate.Entities("US President Tom Baker criticised the Finnish leader, saying Aino Virtanen was slow.");
        Assert.Equal("Aino Virtanen", d.EntityAt("the Finnish leader")?.Name);
    }

    [Fact]
    public void He_and_she_go_to_the_subject_of_their_sentence_or_the_previous_one()
    {
        var d = Annotate.Entities("Aino Virtanen arrived in Oslo. She said the talks were useful. Pavel Orlov said he disagreed.");
        Assert.Equal("Aino Virtanen", d.EntityAt("She")?.Name);
        Assert.Equal("Pavel Orlov", d.EntityAt("he disagreed")?.Name);
    }

    [Fact]
    public void Pronouns_inside_quotes_are_not_resolved()
    {
        var d = Annotate.Entities("Pavel Orlov spoke first. “He is wrong,” Aino Virtanen said.");
        Assert.Null(d.EntityAt("He is"));
    }

    [Fact]
    public void Honorific_gender_keeps_she_off_a_mister()
    {
        var d = Annotate.Entities("Mr. Pavel Orlov met Aino Virtanen. She said the meeting was short.");
        Assert.Equal("Aino Virtanen", d.EntityAt("She")?.Name);
    }

    [Fact]
    public void Spelling_variants_with_the_same_first_name_are_merged_with_evidence()
    {
        var d = Annotate.Entities("Special envoy Mark Delaney flew in. Later, envoys Mark Delanney and Tom Baker met officials.");
        var e = d.EntityAt("Mark Delanney");
        Assert.NotNull(e);
        Assert.Equal("Mark Delaney", e.Name);
        Assert.Contains("Mark Delanney", e.Aliases);
        Assert.NotNull(e.Evidence);
        Assert.Contains(e.Evidence, x => x.Contains("Delanney", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_people_who_share_a_surname_stay_apart_and_a_bare_surname_goes_to_the_last_named()
    {
        var d = Annotate.Entities("Maria Lopez met Carlos Lopez in Madrid. Carlos Lopez spoke first. Lopez said the plan was fair.");
        Assert.NotEqual(d.EntityAt("Maria Lopez"), d.EntityAt("Carlos Lopez"));
        Assert.Equal("Carlos Lopez", d.EntityAt("Lopez said")?.Name);
    }

    [Theory]
    [InlineData("Officials in Kiev said so.", "Kiev", "place:kyiv")]
    [InlineData("Fighting in the Donbass continued.", "Donbass", "place:donbas")]
    [InlineData("The shelling hit Zaporozhye overnight.", "Zaporozhye", "place:zaporizhzhia")]
    [InlineData("Talks with the U.S. resumed.", "U.S.", "place:united-states")]
    [InlineData("A spokesman for the Kremlin said so.", "Kremlin", "org:kremlin")]
    [InlineData("Delegates from NATO said so.", "NATO", "org:nato")]
    public void Curated_aliases_resolve_to_one_canonical_entity(string text, string form, string id)
    {
        Assert.Equal(id, Annotate.Entities(text).EntityAt(form)?.Id);
    }

    [Fact]
    public void Metonyms_say_what_they_stand_for()
    {
        var d = Annotate.Entities("The Kremlin and Washington both said so, and Moscow agreed.");
        Assert.Equal("place:russia", d.EntityAt("Kremlin")?.StandsFor);
        Assert.Equal("place:united-states", d.EntityAt("Washington")?.StandsFor);
        Assert.Equal("place:russia", d.EntityAt("Moscow")?.StandsFor);
    }

    [Fact]
    public void An_acronym_joins_the_name_it_abbreviates()
    {
        var d = Annotate.Entities("The Northern Fisheries Council (NFC) met on Monday. Later the NFC said quotas would fall.");
        var e = d.EntityAt("Northern Fisheries Council");
        Assert.NotNull(e);
        Assert.Same(e, d.EntityAt("NFC said"));
        Assert.Equal("ORG", e.Type);
    }

    [Theory]
    [InlineData("Throughout the day, prices rose.", "Throughout")]
    [InlineData("Talks have stalled, and talks may resume.", "Talks")]
    [InlineData("On Wednesday the market fell.", "Wednesday")]
    public void Sentence_initial_ordinary_words_and_calendar_words_are_not_entities(string text, string form)
    {
        Assert.Null(Annotate.Entities(text).EntityAt(form));
    }

    [Fact]
    public void Title_case_headlines_only_yield_names_seen_in_the_body()
    {
        var d = Annotate.Entities("Virtanen Slams Rival Over Fishing Quotas\nFinnish President Aino Virtanen spoke on Monday.");
        Assert.Equal("Aino Virtanen", d.EntityAt("Virtanen Slams")?.Name);
        Assert.DoesNotContain(d.Entities, e => e.Name.Contains("Slams", StringComparison.Ordinal));
    }

    [Fact]
    public void An_outlet_is_what_the_publication_refers_back_to()
    {
        var d = Annotate.Entities("The Daily Ledger newspaper reported the plan on Monday. Sources told the publication that talks had failed.");
        Assert.Equal("Daily Ledger", d.EntityAt("the publication")?.Name);
    }

    [Fact]
    public void Ner_mentions_are_linked_in_place_and_curated_names_they_miss_are_added()
    {
        const string text = "Aino Virtanen met officials in Kiev. Virtanen said the talks were useful.";
        var d = new Document(text)
        {
            Mentions = [new EntityMention(new Span(0, 13), "PER"), new EntityMention(new Span(text.IndexOf("Virtanen said", StringComparison.Ordinal), 8), "PER")],
        };
        new EntityStage().Apply(d);
        Assert.Equal("person:aino-virtanen", d.Mentions[0].EntityId);
        Assert.Equal("PER", d.Mentions[0].Type);
        Assert.Equal("place:kyiv", d.EntityAt("Kiev")?.Id);
        Assert.Equal("person:aino-virtanen", d.EntityAt("Virtanen said")?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\u0000\u0001\u0002 binary \uFFFD\uFFFD")]
    [InlineData("lower case text with no names at all.")]
    public void Empty_or_odd_input_gives_no_entities_and_no_error(string text)
    {
        var d = Annotate.Events(text);
        Assert.Empty(d.Entities);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void A_long_document_is_handled()
    {
        var text = string.Concat(Enumerable.Repeat("Aino Virtanen met Pavel Orlov in Oslo on Monday. She said he agreed. ", 2000));
        var d = Annotate.Events(text);
        Assert.Equal(2, d.Entities.Count(e => e.Type == "PERSON"));
    }
}
