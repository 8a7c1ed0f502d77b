using Storyline.Documents;
using Storyline.Statements;

namespace Storyline.Tests.Statements;

public class StatementStageTests
{
    private static Document Annotate(string text, IReadOnlyList<Line>? lines = null)
    {
        var document = new Document(text);
        if (lines is not null)
            document.Lines = lines;
        new StatementStage().Apply(document);
        return document;
    }

    private static string Content(Document d, Statement s) => d.Slice(s.Content);

    public static TheoryData<string, string, string, StatementKind> Attributed => new()
    {
        // sentence                                                                                content                                                     speaker
        { "“We will rebuild the bridge by spring,” Mayor Anna Kowalski said on Monday.",           "We will rebuild the bridge by spring,",                    "Anna Kowalski", StatementKind.Direct },
        { "\"The budget is balanced,\" said Finance Minister Tomas Berg.",                         "The budget is balanced,",                                  "Tomas Berg", StatementKind.Direct },
        { "Chancellor Ilse Brandt said: ‘Nobody here doesn’t want peace.’",                        "Nobody here doesn’t want peace.",                          "Ilse Brandt", StatementKind.Direct },
        { "'We can't accept it,' said Senator Mark Ellis.",                                        "We can't accept it,",                                      "Mark Ellis", StatementKind.Direct },
        { "Minister Jean Morel said: «The project is on track.»",                                   "The project is on track.",                                 "Jean Morel", StatementKind.Direct },
        { "Minister Karl Weber declared: „We will not pay.“",                                       "We will not pay.",                                         "Karl Weber", StatementKind.Direct },
        { "The economist Rita Hale said: “Prices will fall. Wages will not. That is the problem.”", "Prices will fall. Wages will not. That is the problem.",   "Rita Hale", StatementKind.Direct },
        { "“The [new] plan … will work,” said Governor Lena Park.",                                "The [new] plan … will work,",                              "Lena Park", StatementKind.Direct },
        { "Prime Minister Ana Silva warned that the deficit would grow next year.",                "Prime Minister Ana Silva warned that the deficit would grow next year.", "Ana Silva", StatementKind.Indirect },
        { "According to the Statistics Office, unemployment rose to 7 percent in May.",            "unemployment rose to 7 percent in May.",                   "Statistics Office", StatementKind.Indirect },
        { "The factory will close in June, according to union leader Pavel Novak.",               "The factory will close in June",                           "Pavel Novak", StatementKind.Indirect },
        { "On Tuesday, the Foreign Ministry confirmed that the ambassador had been recalled.",     "the Foreign Ministry confirmed that the ambassador had been recalled.", "Foreign Ministry", StatementKind.Indirect },
        { "Mayor Anna Kowalski said the plan was “a gift to developers” and would be scrapped.",   "the plan was “a gift to developers” and would be scrapped.", "Anna Kowalski", StatementKind.Mixed },
        { "A senior official familiar with the talks said the deal was close.",                    "the deal was close.",                                      "A senior official", StatementKind.Indirect },
        { "The new rules will cost farmers dearly, the Farmers Union said in a statement.",        "The new rules will cost farmers dearly",                   "Farmers Union", StatementKind.Indirect },
        { "But the deal will collapse by winter, a diplomatic source said.",                       "But the deal will collapse by winter",                     "a diplomatic source", StatementKind.Indirect },
        { "“The vote was rigged,” Rep. Sara Lunde (D-Ore.) said Friday.",                          "The vote was rigged,",                                     "Sara Lunde", StatementKind.Direct },
        { "Rural mayors and local lawmakers said the clinic must stay open.",                        "the clinic must stay open.",                               "Rural mayors and local lawmakers", StatementKind.Indirect },
    };

    [Theory]
    [MemberData(nameof(Attributed))]
    public void Finds_content_speaker_and_kind(string sentence, string content, string speaker, StatementKind kind)
    {
        var d = Annotate(sentence);
        var found = Assert.Single(d.Statements);
        Assert.Equal(content, Content(d, found));
        Assert.Equal(speaker, found.Speaker);
        Assert.Equal(kind, found.Kind);
        Assert.NotNull(found.Cue);
        Assert.Null(found.SaidOn); // the dating stage's job
    }

    [Theory]
    [InlineData("Read more\nMayor says “the bridge will open soon”\nMinister vows to cut taxes")]
    [InlineData("The so-called “peace plan” was published on Friday.")]
    [InlineData("She starred in “The Long Night” last year.")]
    [InlineData("The claim was rejected by the court.")]
    [InlineData("The minister repeated many of the usual talking points.")]
    [InlineData("Officials from both countries met in the United States on Thursday.")]
    [InlineData("")]
    [InlineData("“")]
    [InlineData("\"\"\"\"")]
    public void Ignores_headlines_scare_quotes_titles_and_noise(string text)
    {
        Assert.Empty(Annotate(text).Statements);
    }

    [Fact]
    public void A_split_quote_is_one_statement()
    {
        var d = Annotate("“We will not,” Commander Lisa Grant said, “give up an inch.”");
        var found = Assert.Single(d.Statements);
        Assert.StartsWith("We will not,", Content(d, found), StringComparison.Ordinal);
        Assert.EndsWith("give up an inch.", Content(d, found), StringComparison.Ordinal);
        Assert.Equal("Lisa Grant", found.Speaker);
        Assert.Equal(StatementKind.Direct, found.Kind);
    }

    [Fact]
    public void A_quote_after_its_attribution_continues_the_same_speaker()
    {
        var d = Annotate("“The issue is money,” Mayor Anna Kowalski said. “The rest is detail.”");
        Assert.Equal(2, d.Statements.Count);
        Assert.Equal("The rest is detail.", Content(d, d.Statements[1]));
        Assert.Equal("Anna Kowalski", d.Statements[1].Speaker);
        Assert.Null(d.Statements[1].Cue);
    }

    [Fact]
    public void A_quote_running_over_paragraphs_is_one_statement()
    {
        var d = Annotate("“The first part is the hardest,” said coach Dana Reyes. “We start at dawn.\n“Then we rest, and then we start again.”");
        Assert.Equal(2, d.Statements.Count);
        var second = d.Statements[1];
        Assert.StartsWith("We start at dawn.", Content(d, second), StringComparison.Ordinal);
        Assert.EndsWith("start again.", Content(d, second), StringComparison.Ordinal);
        Assert.Equal("Dana Reyes", second.Speaker);
    }

    [Fact]
    public void A_participle_continues_the_speaker_with_its_own_content()
    {
        var d = Annotate("“We have no choice,” Mayor Anna Kowalski said, adding that taxes would rise.");
        Assert.Equal(2, d.Statements.Count);
        Assert.Equal("taxes would rise.", Content(d, d.Statements[1]));
        Assert.Equal("Anna Kowalski", d.Statements[1].Speaker);
        Assert.Equal(StatementKind.Indirect, d.Statements[1].Kind);
    }

    [Fact]
    public void The_addressee_of_told_is_kept_apart_from_the_content()
    {
        var d = Annotate("Senator Joan Miles told Radio Nord on Friday that the bill had enough votes.");
        var found = Assert.Single(d.Statements);
        Assert.Equal("the bill had enough votes.", Content(d, found));
        Assert.Equal("Radio Nord", found.Addressee);
        Assert.Equal("told", d.Slice(found.Cue!.Value));
    }

    [Theory]
    [InlineData("Finance Minister Tomas Berg presented the budget on Monday. “It is fair to everyone,” he said.", "Tomas Berg")]
    [InlineData("Brazilian President Luiz Costa met farmers on Monday. The Brazilian leader said prices would be protected.", "Luiz Costa")]
    [InlineData("The economist Rita Hale spoke at the forum. Hale said inflation had peaked.", "Rita Hale")]
    [InlineData("The Daily Courier ran the story first. “The mayor knew,” the newspaper wrote.", "Daily Courier")]
    public void Resolves_pronouns_descriptions_and_surnames_from_the_document(string text, string speaker)
    {
        var d = Annotate(text);
        var found = Assert.Single(d.Statements);
        Assert.Equal(speaker, found.Speaker);
    }

    [Fact]
    public void Uses_the_entity_stage_name_when_a_mention_covers_the_speaker()
    {
        const string text = "“We are ready,” the envoy said.";
        var document = new Document(text)
        {
            Mentions = [new EntityMention(new Span(text.IndexOf("the envoy", StringComparison.Ordinal), 9), "PERSON", "e1")],
            Entities = [new Entity("e1", "Steve Carver", "PERSON", ["the envoy"])],
        };
        new StatementStage().Apply(document);
        Assert.Equal("Steve Carver", Assert.Single(document.Statements).Speaker);
    }

    [Fact]
    public void Transcript_answers_under_topic_headings_belong_to_the_interviewee()
    {
        const string text = "Chancellor Ilse Brandt gave a long interview on Sunday. Brandt said the coalition would survive. Below are her main answers.\n"
            + "On the coalition\nWe have our differences, but we will finish the job.\nOn taxes\nI will not raise them this year.\n";
        var d = Annotate(text);
        var answers = d.Statements.Where(s => s.Cue is null).ToList();
        Assert.Equal(["We have our differences, but we will finish the job.", "I will not raise them this year."], answers.Select(s => Content(d, s)));
        Assert.All(answers, a => Assert.Equal("Ilse Brandt", a.Speaker));
        Assert.All(answers, a => Assert.Equal(StatementKind.Direct, a.Kind));
    }

    [Fact]
    public void Labelled_transcript_turns_go_to_their_labels()
    {
        var d = Annotate("Q: Will you run again?\nMarta Lind: Yes, I will run again.\nQ: When?\nMarta Lind: Next spring, I think.\n");
        Assert.Equal(4, d.Statements.Count);
        Assert.Equal("Yes, I will run again.", Content(d, d.Statements[1]));
        Assert.Equal("Marta Lind", d.Statements[1].Speaker);
        Assert.Equal("interviewer", d.Statements[0].Speaker);
    }

    [Fact]
    public void Only_body_lines_are_read()
    {
        const string text = "“We will win,” said Mayor Anna Kowalski.\n“Subscribe today,” said the editor Paul Grey.";
        int second = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var d = Annotate(text, [new Line(new Span(0, second - 1), LineLabel.Body), new Line(Span.FromBounds(second, text.Length), LineLabel.Boilerplate)]);
        Assert.Equal("Anna Kowalski", Assert.Single(d.Statements).Speaker);
    }

    [Fact]
    public void A_huge_unbalanced_text_finishes()
    {
        var text = string.Concat(Enumerable.Repeat("“He said that “it is” so, ", 4000));
        var d = Annotate(text);
        Assert.All(d.Statements, s => Assert.True(s.Content.End <= text.Length));
    }
}
