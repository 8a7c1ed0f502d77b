using Storyline.Documents;
using Storyline.Statements;

namespace Storyline.Tests.Statements;

/// <summary>
/// Attributions the rules once missed: a second verb sharing the sentence's subject, groups and things as speakers,
/// a name seen only at a sentence start, a quotation followed by a cue with more words after it, and appositions
/// with a parenthesis, a preposition or a possessive between the name and its cue.
/// </summary>
public class RecallPhenomenaTests
{
    private static Document Annotate(string text)
    {
        var document = new Document(text);
        new StatementStage().Apply(document);
        return document;
    }

    private static void AssertSingle(string text, string content, string speakerPhrase)
    {
        var d = Annotate(text);
        var found = Assert.Single(d.Statements);
        Assert.Equal(content, d.Slice(found.Content));
        Assert.NotNull(found.SpeakerSpan);
        Assert.Equal(speakerPhrase, d.Slice(found.SpeakerSpan.Value));
    }

    public static TheoryData<string, string, string> Coordinated => new()
    {
        { "Mayor Ivo Brandt toured the harbour on Monday and said the pier would be rebuilt.",   "the pier would be rebuilt.",        "Mayor Ivo Brandt" },
        { "Senator Rosa Quint voted against the bill but said she would support a new draft.",  "she would support a new draft.",    "Senator Rosa Quint" },
        { "Coach Mara Lind praised her players and later said they had earned the title.",      "they had earned the title.",        "Coach Mara Lind" },
    };

    [Theory]
    [MemberData(nameof(Coordinated))]
    public void A_second_verb_shares_the_sentences_subject(string text, string content, string speaker) => AssertSingle(text, content, speaker);

    public static TheoryData<string, string, string> Groups => new()
    {
        { "The organisers said the march would go ahead despite the rain.",          "the march would go ahead despite the rain.",   "The organisers" },
        { "Most of the farmers said they would sell their land.",                    "they would sell their land.",                  "Most of the farmers" },
        { "Owners of the boats argued that the new pier was unsafe.",               "Owners of the boats argued that the new pier was unsafe.",     "Owners of the boats" },
        { "The survey found that rents rose sharply in the north.",                   "rents rose sharply in the north.",             "The survey" },
        { "The new road is unsafe at night, police said.",                           "The new road is unsafe at night",              "police" },
        { "“The rules are clear,” said the ruling.",                                  "The rules are clear,",                         "the ruling" },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void A_group_or_a_document_speaks_as_written(string text, string content, string speaker) => AssertSingle(text, content, speaker);

    [Theory]
    [InlineData("The farmers found their cattle in the woods.")]
    [InlineData("The old show ended at nine.")]
    [InlineData("The police report was published on Friday.")]
    [InlineData("Many of the boats state their home port on the stern.")]
    public void A_noun_phrase_before_a_word_that_is_not_plainly_a_reporting_verb_is_no_speaker(string text) =>
        Assert.Empty(Annotate(text).Statements);

    [Fact]
    public void A_name_seen_only_at_a_sentence_start_is_a_speaker_before_its_cue()
    {
        AssertSingle("Okonkwo said the bridge would reopen in May.", "the bridge would reopen in May.", "Okonkwo");
        Assert.Equal("Okonkwo", Assert.Single(Annotate("Okonkwo said the bridge would reopen in May.").Statements).Speaker);
    }

    [Fact]
    public void A_quotation_before_its_cue_is_the_content_whatever_follows_the_cue()
    {
        AssertSingle("“We never gave up,” Captain Lena Moss said several weeks after the final.", "We never gave up,", "Captain Lena Moss");
        AssertSingle("“Is that all?” the judge asked the court twice.", "Is that all?", "the judge");
    }

    [Fact]
    public void A_long_lead_and_the_clause_after_an_interrupting_attribution_are_one_statement()
    {
        const string text = "If the river rises again this spring, Mayor Ivo Brandt said, the town will close the bridge.";
        AssertSingle(text, text, "Mayor Ivo Brandt");
        // An introductory phrase is not part of the report.
        AssertSingle("In a speech on Friday, Mayor Ivo Brandt said the town will close the bridge.", "the town will close the bridge.", "Mayor Ivo Brandt");
    }

    [Fact]
    public void A_phrase_between_said_and_its_clause_is_skipped()
    {
        AssertSingle("Senator Rosa Quint said after the vote she would resign in June.", "she would resign in June.", "Senator Rosa Quint");
        Assert.Empty(Annotate("Senator Rosa Quint said after the vote.").Statements);
    }

    public static TheoryData<string, string> Appositions => new()
    {
        { "“The bill is dead,” Rep. Carla Diaz (D-Ore.), a member of the panel, said in an interview.", "Carla Diaz" },
        { "Governor Tim Hale, in a statement on Friday, said the dam was safe.",                         "Tim Hale" },
        { "Brevik Steel, Norland’s largest exporter, said it would cut prices.",                       "Brevik Steel" },
    };

    [Theory]
    [MemberData(nameof(Appositions))]
    public void An_apposition_between_the_name_and_its_cue_is_skipped(string text, string speaker)
    {
        var found = Assert.Single(Annotate(text).Statements);
        Assert.Equal(speaker, found.Speaker);
    }
}
