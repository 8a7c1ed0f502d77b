using Storyline.Documents;
using Storyline.Time;

namespace Storyline.Tests.Time;

public class DatingStageTests
{
    private static Span Find(string text, string part) => new(text.IndexOf(part, StringComparison.Ordinal), part.Length);

    private static Document Dated(string text, DateOnly published, params (string Content, string Cue)[] statements)
    {
        var d = TimeStageTests.Annotate(text, published);
        d.Statements = statements.Select(s => new Statement(Find(text, s.Content), StatementKind.Indirect, "X", Cue: Find(text, s.Cue))).ToList();
        new DatingStage().Apply(d);
        return d;
    }

    private static readonly DateOnly Thursday = new(2025, 12, 4);

    [Fact]
    public void A_statement_takes_the_date_of_its_own_clause()
    {
        var d = Dated("Trump told reporters on Wednesday that the meeting went well.", Thursday, ("the meeting went well", "told"));
        Assert.Equal(new DateOnly(2025, 12, 3), d.Statements[0].SaidOn);
        Assert.False(d.Statements[0].SaidOnIsPublication);
    }

    [Fact]
    public void A_date_inside_what_was_said_is_not_when_it_was_said()
    {
        var d = Dated("Ushakov confirmed that territory was discussed at Tuesday's meeting.", Thursday, ("territory was discussed at Tuesday's meeting", "confirmed"));
        Assert.Equal(Thursday, d.Statements[0].SaidOn);
        Assert.True(d.Statements[0].SaidOnIsPublication);
    }

    [Fact]
    public void A_later_quote_in_the_same_paragraph_keeps_the_occasion()
    {
        const string text = "Trump told reporters on Wednesday that it went well. “It takes two to tango,” he said.\nLater, Rubio said talks were useful.";
        var d = Dated(text, Thursday, ("it went well", "told"), ("It takes two to tango", "he said"), ("talks were useful", "Rubio said"));
        Assert.Equal(new DateOnly(2025, 12, 3), d.Statements[1].SaidOn);
        Assert.False(d.Statements[1].SaidOnIsPublication);
        Assert.True(d.Statements[2].SaidOnIsPublication);
    }

    [Fact]
    public void Events_take_the_date_in_their_sentence_or_none()
    {
        const string text = "Russia declared the annexation in September 2022. Putin gave an interview to a channel.";
        var d = TimeStageTests.Annotate(text, Thursday);
        d.Events = [new Event(Find(text, "declared the annexation"), "annexation", ["Russia"]), new Event(Find(text, "gave an interview"), "interview", ["Putin"])];
        new DatingStage().Apply(d);
        Assert.Equal("2022-09", d.Events[0].Date);
        Assert.Null(d.Events[1].Date);
    }

    [Fact]
    public void A_day_after_publication_is_a_plan_not_the_occasion()
    {
        var d = Dated("Officials, who will fly to Miami on Saturday, said the talks were useful.", Thursday, ("the talks were useful", "said"));
        Assert.Equal(Thursday, d.Statements[0].SaidOn);
        Assert.True(d.Statements[0].SaidOnIsPublication);
    }

    [Fact]
    public void A_statement_takes_the_day_the_paragraph_has_reached()
    {
        var d = Dated("On Tuesday, the envoys met Putin in Moscow. Ushakov called the talks useful.", Thursday, ("the talks useful", "called"));
        Assert.Equal(new DateOnly(2025, 12, 2), d.Statements[0].SaidOn);
    }

    [Fact]
    public void A_transcript_answer_takes_the_day_its_speaker_last_spoke()
    {
        const string text = "Putin said on Wednesday that a deal was possible.\nOn the ceasefire\nThey must withdraw first.";
        var d = TimeStageTests.Annotate(text, Thursday);
        d.Statements =
        [
            new Statement(Find(text, "a deal was possible"), StatementKind.Indirect, "Vladimir Putin", Cue: Find(text, "said")),
            new Statement(Find(text, "They must withdraw first."), StatementKind.Direct, "Vladimir Putin"),
        ];
        new DatingStage().Apply(d);
        Assert.Equal(new DateOnly(2025, 12, 3), d.Statements[1].SaidOn);
        Assert.False(d.Statements[1].SaidOnIsPublication);
    }
}
