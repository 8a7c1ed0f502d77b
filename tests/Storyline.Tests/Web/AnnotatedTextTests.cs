using Storyline.Web.Api;
using Storyline.Web.Pages;

namespace Storyline.Tests.Web;

public class AnnotatedTextTests
{
    [Fact]
    public void The_linked_passage_is_cut_at_annotation_boundaries_and_only_its_first_piece_is_the_target()
    {
        var d = DocumentDetail.From(AnnotatedSamples.Gazette());
        var statement = d.Statements.Single(s => s.Speaker == AnnotatedSamples.Mayor);
        var lines = AnnotatedText.Lines(d, statement.Start, statement.Length);

        var pieces = lines.SelectMany(l => l.Pieces).ToList();
        Assert.Equal(d.Text.Replace("\n", "", StringComparison.Ordinal), string.Concat(pieces.Select(p => p.Text)));
        Assert.Equal("will open before the summer", string.Concat(pieces.Where(p => p.IsTarget).Select(p => p.Text)));
        Assert.Single(pieces, p => p.IsFirstTarget);
        Assert.Contains(pieces, p => p.Text == "Elena Varga" && p.Classes!.Contains("an-speaker", StringComparison.Ordinal));
        Assert.Equal(["title", "body"], lines.Select(l => l.Label));
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(0, 0)]
    [InlineData(10, 100_000)]
    public void A_span_outside_the_text_marks_nothing(int start, int length)
    {
        var d = DocumentDetail.From(AnnotatedSamples.Gazette());
        Assert.DoesNotContain(AnnotatedText.Lines(d, start, length).SelectMany(l => l.Pieces), p => p.IsTarget);
    }
}
