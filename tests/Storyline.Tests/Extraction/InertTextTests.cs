using Storyline.Extraction.Html;

namespace Storyline.Tests.Extraction;

public class InertTextTests
{
    [Fact]
    public void Script_and_style_text_is_removed_and_their_tags_kept()
    {
        var html = "<head><style>p { color: red }</style><script src=a.js>var x = '<p>no</p>';</script></head><body><p>Kept text.</p></body>";
        Assert.Equal("<head><style></style><script src=a.js></script></head><body><p>Kept text.</p></body>", InertText.Remove(html));
    }

    [Fact]
    public void Json_ld_and_escaped_scripts_are_kept_whole()
    {
        var html = """<script type="application/ld+json">{"headline": "A"}</script><script><!-- document.write("<script></script>") --></script>""";
        Assert.Same(html, InertText.Remove(html));
    }

    [Theory]
    [InlineData("<!-- <script>hidden</script> -->")]
    [InlineData("<textarea><script>typed</script></textarea>")]
    [InlineData("<title>a <style>b</style></title>")]
    [InlineData("<div data-x=\"<script>quoted</script>\">text</div>")]
    [InlineData("</ <script>bogus comment</script>")]
    [InlineData("<script>never closed")]
    [InlineData("<p>no scripts at all</p>")]
    public void Script_tags_the_parser_does_not_see_as_tags_are_left_alone(string html) =>
        Assert.Same(html, InertText.Remove(html));

    [Fact]
    public void End_tag_needs_the_whole_name()
    {
        var html = "<script>a</scripts>b</script ><p>c</p>";
        Assert.Equal("<script></script ><p>c</p>", InertText.Remove(html));
    }

    [Fact]
    public void Extraction_reads_the_same_article_with_and_without_inline_scripts()
    {
        const string body = "<article><p>The council approved the new river bridge on Monday, ending a debate that has divided the district for years.</p>"
            + "<p>Construction will start in spring, and the crossing should open to traffic in 2028, officials said.</p></article>";
        var plain = new Storyline.Extraction.HtmlArticleExtractor().Extract(new Storyline.Ingest.SourceDocument("a", $"<html><body>{body}</body></html>", Storyline.Ingest.ContentKind.Html));
        var scripted = new Storyline.Extraction.HtmlArticleExtractor().Extract(new Storyline.Ingest.SourceDocument("a",
            $"<html><head><style>article {{ margin: 0 }}</style></head><body><script>window.ads = ['<div>ad</div>'];</script>{body}<script>track('</p>');</script></body></html>",
            Storyline.Ingest.ContentKind.Html));
        Assert.Equal(plain.Text, scripted.Text);
        Assert.NotEmpty(plain.Text);
    }
}
