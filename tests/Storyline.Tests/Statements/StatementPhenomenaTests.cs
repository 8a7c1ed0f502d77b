using Storyline.Documents;
using Storyline.Evaluation;
using Storyline.Statements;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Statements;

/// <summary>Verbs of belief, doubled-apostrophe quotes, appositions before the cue, and the confidence of each statement.</summary>
public class StatementPhenomenaTests
{
    private static Document Annotate(string text)
    {
        var document = new Document(text);
        new StatementStage().Apply(document);
        return document;
    }

    public static TheoryData<string, string, string> Beliefs => new()
    {
        // sentence                                                                     content                                          speaker
        { "Senator Rosa Quint believes that the tax will pass before the summer.",     "the tax will pass before the summer.",          "Rosa Quint" },
        { "Mayor Ivo Brandt thinks the stadium will never be finished.",               "the stadium will never be finished.",           "Ivo Brandt" },
        { "Economist Lara Voss expects that prices will fall in the spring.",          "prices will fall in the spring.",               "Lara Voss" },
        { "A survey by the Civic Institute found that most voters oppose the plan.",   "most voters oppose the plan.",                  "Civic Institute" },
        { "Governor Tim Hale fears the reservoir could run dry by August.",            "the reservoir could run dry by August.",        "Tim Hale" },
        { "Coach Mara Lind knows that her team must win on Sunday.",                   "her team must win on Sunday.",                  "Mara Lind" },
        { "Professor Eli Stone concluded that the bridge had been badly designed.",    "the bridge had been badly designed.",           "Eli Stone" },
        { "Councillor Petra Holm hopes the library will reopen next year.",            "the library will reopen next year.",            "Petra Holm" },
        { "Chairman Otto Reyes doubts that the merger will be approved.",              "the merger will be approved.",                  "Otto Reyes" },
        { "Inspector Dana Frey suspects the fire was started on purpose.",             "the fire was started on purpose.",              "Dana Frey" },
        { "Minister Sven Alder wondered whether the treaty would survive.",            "whether the treaty would survive.",             "Sven Alder" },
    };

    [Theory]
    [MemberData(nameof(Beliefs))]
    public void A_verb_of_belief_with_its_clause_is_a_statement(string sentence, string content, string speaker)
    {
        var d = Annotate(sentence);
        var found = Assert.Single(d.Statements);
        Assert.Equal(content, d.Slice(found.Content));
        Assert.Equal(speaker, found.Speaker);
    }

    [Theory]
    [InlineData("Mayor Ivo Brandt thinks so.")]
    [InlineData("Senator Rosa Quint knew about the plan for years.")]
    [InlineData("Governor Tim Hale hopes to win a second term.")]
    [InlineData("Coach Mara Lind expects to start on Sunday.")]
    [InlineData("The team found its rhythm in the second half.")]
    [InlineData("Professor Eli Stone felt tired after the long flight.")]
    [InlineData("“The vote is lost,” thought Councillor Petra Holm.")]
    [InlineData("Inspector Dana Frey believes in second chances.")]
    [InlineData("Chairman Otto Reyes showed up late to the meeting.")]
    [InlineData("The minister thought about it for a long time.")]
    public void A_verb_of_belief_without_a_clause_is_not(string sentence) => Assert.Empty(Annotate(sentence).Statements);

    public static TheoryData<string, string, string> DoubledApostrophes => new()
    {
        { "''We will rebuild the pier,'' said Mayor Anna Kowalski.",                        "We will rebuild the pier,",                 "Anna Kowalski" },
        { "''The budget is balanced,'' Finance Minister Tomas Berg said on Monday.",        "The budget is balanced,",                   "Tomas Berg" },
        { "Chancellor Ilse Brandt said: ''Nobody here wants a war.''",                      "Nobody here wants a war.",                  "Ilse Brandt" },
        { "``The plan is dead,'' said Senator Mark Ellis.",                                 "The plan is dead,",                         "Mark Ellis" },
        { "''Prices will fall. Wages will not,'' the economist Rita Hale said.",            "Prices will fall. Wages will not,",         "Rita Hale" },
        { "''It is over,'' Governor Lena Park told reporters.",                             "It is over,",                               "Lena Park" },
        { "''We lost,'' said Coach Mara Lind, who had led the team for a decade.",          "We lost,",                                  "Mara Lind" },
        { "''The road is closed,'' Inspector Dana Frey said Friday.",                       "The road is closed,",                       "Dana Frey" },
        { "''Nothing has changed,'' said Chairman Otto Reyes.",                             "Nothing has changed,",                      "Otto Reyes" },
        { "Professor Eli Stone wrote: ''The bridge was badly designed.''",                  "The bridge was badly designed.",            "Eli Stone" },
    };

    [Theory]
    [MemberData(nameof(DoubledApostrophes))]
    public void Doubled_apostrophes_quote_like_double_marks(string sentence, string content, string speaker)
    {
        var d = Annotate(sentence);
        var found = Assert.Single(d.Statements);
        Assert.Equal(content, d.Slice(found.Content));
        Assert.Equal(speaker, found.Speaker);
        Assert.Equal(StatementKind.Direct, found.Kind);
    }

    [Fact]
    public void Doubled_apostrophes_split_sentences_and_continue_the_speaker()
    {
        var d = Annotate("''We lost,'' said Coach Mara Lind. ''We will be back next year.''");
        Assert.Equal(2, d.Statements.Count);
        Assert.All(d.Statements, s => Assert.Equal("Mara Lind", s.Speaker));
        Assert.Equal("We will be back next year.", d.Slice(d.Statements[1].Content));
    }

    public static TheoryData<string, string, string> Appositions => new()
    {
        { "Rita Hale, a senior economist at the bank, said the rates would rise.",                       "the rates would rise.",                 "Rita Hale" },
        { "Tomas Berg, the finance minister, said the budget was balanced.",                            "the budget was balanced.",              "Tomas Berg" },
        { "Anna Kowalski, 54, said the pier would be rebuilt.",                                         "the pier would be rebuilt.",            "Anna Kowalski" },
        { "Mark Ellis, who chairs the committee, said the hearing would go ahead.",                     "the hearing would go ahead.",           "Mark Ellis" },
        { "Lena Park, for example, said the schools needed more money.",                                "the schools needed more money.",        "Lena Park" },
        { "Otto Reyes, also a candidate for the seat, said the count was flawed.",                      "the count was flawed.",                 "Otto Reyes" },
        { "Dana Frey, whose office ran the inquiry, said the fire was deliberate.",                     "the fire was deliberate.",              "Dana Frey" },
        { "Eli Stone, an engineer who worked on the bridge for a decade, said it was badly designed.",  "it was badly designed.",                "Eli Stone" },
        { "Petra Holm, her party’s candidate in the district, said the library would reopen.",          "the library would reopen.",             "Petra Holm" },
        { "Sven Alder, the former ambassador to Norway, told reporters that the treaty would survive.", "the treaty would survive.",             "Sven Alder" },
    };

    [Theory]
    [MemberData(nameof(Appositions))]
    public void An_apposition_between_the_speaker_and_the_cue_keeps_the_speaker(string sentence, string content, string speaker)
    {
        var d = Annotate(sentence);
        var found = Assert.Single(d.Statements);
        Assert.Equal(content, d.Slice(found.Content));
        Assert.Equal(speaker, found.Speaker);
        Assert.Equal(speaker, d.Slice(found.SpeakerSpan!.Value));
    }

    [Fact]
    public void The_speaker_before_a_relative_who_said_is_the_antecedent()
    {
        var d = Annotate("The plan was attacked by Senator Mark Ellis, who said that it would ruin the farmers.");
        var found = Assert.Single(d.Statements);
        Assert.Equal("it would ruin the farmers.", d.Slice(found.Content));
        Assert.Equal("Mark Ellis", found.Speaker);
    }

    public static TheoryData<string, string> GenderedPronouns => new()
    {
        // The man is the more recent subject; only the title tells that "she" is the woman.
        { "Mrs. Ana Silva lost the vote. Mr. Tomas Berg won it. “It was unfair,” she said.",                       "Ana Silva" },
        { "Ms. Rita Hale left the hall. Mr. Otto Reyes stayed behind. She said the count was flawed.",              "Rita Hale" },
        { "Mr. Otto Reyes stayed behind. Mrs. Ana Silva left the hall. He said the count was flawed.",              "Otto Reyes" },
        { "Congresswoman Lena Park voted no. Congressman Mark Ellis voted yes. She said the bill was rushed.",          "Lena Park" },
        { "Spokesman Ivo Brandt arrived late. Councilwoman Dana Frey spoke first. He said the plan was sound.",     "Ivo Brandt" },
        { "Mrs. Petra Holm chaired the meeting. Mr. Sven Alder took notes. “We are done,” she told reporters.",    "Petra Holm" },
        { "Ms. Mara Lind coached the team. Mr. Eli Stone owned it. She said the season was a success.",             "Mara Lind" },
        { "Mr. Karl Weber signed the deal. Ms. Ilse Brandt opposed it. He said it would create jobs.",              "Karl Weber" },
        // No evidence either way: the most recent person, as before.
        { "Anna Kowalski lost the vote. Tomas Berg won it. “It was unfair,” she said.",                            "Tomas Berg" },
        { "Mrs. Ana Silva lost the vote. Tomas Berg won it. “It was unfair,” she said.",                           "Tomas Berg" },
    };

    [Theory]
    [MemberData(nameof(GenderedPronouns))]
    public void A_gendered_pronoun_skips_people_titled_otherwise(string text, string speaker)
    {
        var d = Annotate(text);
        Assert.Equal(speaker, Assert.Single(d.Statements).Speaker);
    }

    public static TheoryData<string, string, string> UnnamedAndParticipleSources => new()
    {
        { "According to the latest poll, most voters oppose the plan.",                    "most voters oppose the plan.",               "the latest poll" },
        { "The bridge will close in May, according to court records.",                     "The bridge will close in May",               "court records" },
        { "According to her lawyers, the contract was never signed.",                      "the contract was never signed.",             "her lawyers" },
        { "Turnout fell by a third, according to figures from the election office.",       "Turnout fell by a third",                    "the election office" },
        { "According to local reports, the mine flooded overnight.",                       "the mine flooded overnight.",                "local reports" },
        { "Senator Mark Ellis attacked the plan, saying it would ruin the farmers.",       "it would ruin the farmers.",                 "Mark Ellis" },
        { "Mayor Anna Kowalski defended the budget, saying the city had no choice.",       "the city had no choice.",                    "Anna Kowalski" },
        { "Coach Mara Lind praised the team, adding they had earned the title.",           "they had earned the title.",                 "Mara Lind" },
        { "Professor Eli Stone left the panel, saying there was nothing left to discuss.", "there was nothing left to discuss.",         "Eli Stone" },
    };

    [Theory]
    [MemberData(nameof(UnnamedAndParticipleSources))]
    public void Unnamed_sources_and_speech_participles_are_attributed(string sentence, string content, string speaker)
    {
        var d = Annotate(sentence);
        var found = Assert.Single(d.Statements);
        Assert.Equal(content, d.Slice(found.Content));
        Assert.Equal(speaker, found.Speaker);
    }

    [Theory]
    [InlineData("Senator Mark Ellis left the room, saying goodbye to nobody.")]
    [InlineData("Mayor Anna Kowalski closed the meeting, adding nothing.")]
    [InlineData("The team lost, according to plan.")]
    public void A_participle_or_according_to_without_a_report_is_not_a_statement(string sentence) => Assert.Empty(Annotate(sentence).Statements);

    [Fact]
    public void Every_statement_carries_a_confidence_and_a_said_quote_outranks_a_belief()
    {
        var d = Annotate("“We will rebuild the pier,” Mayor Anna Kowalski said. “It will take a year.” She thinks the council will pay for it.");
        Assert.Equal(3, d.Statements.Count);
        Assert.All(d.Statements, s => Assert.InRange(s.Confidence!.Value, 0.01, 0.99));
        Assert.True(d.Statements[0].Confidence > d.Statements[2].Confidence);
    }

    [Fact]
    public void The_confidence_is_stored_and_read_back()
    {
        using var dir = new TempDir();
        using var store = new SqliteStore(dir.File("s.db"));
        var d = Annotate("“We will rebuild the pier,” Mayor Anna Kowalski said on Monday.");
        store.Save(d);

        var loaded = store.Load(d.Id)!;
        var record = Assert.Single(store.QueryStatements(new StatementQuery(null, null, null, null, null, 0, 10)));

        Assert.Equal(d.Statements[0].Confidence, loaded.Statements[0].Confidence);
        Assert.Equal(d.Statements[0].Confidence, record.Confidence);
    }

    [Fact]
    public void PolNeAR_convention_drops_the_subject_and_joins_a_continuing_quote()
    {
        var speaker = new Span(10, 5);
        var statements = new List<Statement>
        {
            new(Span.FromBounds(10, 60), StatementKind.Indirect, "Hale", speaker, new Span(16, 6)),   // "Hale warned that …"
            new(Span.FromBounds(100, 130), StatementKind.Direct, "Berg", new Span(131, 4), new Span(136, 4)),
            new(Span.FromBounds(145, 170), StatementKind.Direct, "Berg", new Span(131, 4)),          // continues Berg
            new(Span.FromBounds(180, 200), StatementKind.Direct, "Lind", new Span(201, 4)),          // another speaker
        };

        var mapped = AttributionScorer.ToPolnearConvention(new string('x', 220), statements);

        Assert.Equal(3, mapped.Count);
        Assert.Equal(Span.FromBounds(22, 60), mapped[0].Content);
        Assert.Equal(Span.FromBounds(100, 170), mapped[1].Content);
        Assert.Equal(Span.FromBounds(180, 200), mapped[2].Content);
    }
}
