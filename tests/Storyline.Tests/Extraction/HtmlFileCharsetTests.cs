using System.Text;
using Storyline.Extraction;
using Storyline.Ingest;
using Storyline.Tests.Support;

namespace Storyline.Tests.Extraction;

public class HtmlFileCharsetTests
{
    static HtmlFileCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void An_html_file_in_its_declared_legacy_charset_is_read_and_extracted()
    {
        const string Body = "Мэр города заявил в четверг, что новый мост через реку откроют весной, после трёх лет споров о его цене и месте.";
        var page = $"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>Мост откроют весной</title></head>"
            + $"<body><article><p>{Body}</p><p>{Body}</p></article></body></html>";
        using var dir = new TempDir();
        dir.Write("page.html", Encoding.GetEncoding(1251).GetBytes(page));
        var warnings = new List<IngestWarning>();

        var source = Assert.Single(new FileSource(warnings.Add).Read([dir.Path]));
        var d = new ArticleExtractor().Extract(source);

        Assert.Empty(warnings);
        Assert.Equal(ContentKind.Html, source.Kind);
        Assert.Contains("новый мост через реку", d.Text, StringComparison.Ordinal);
        Assert.Equal("ru", d.Metadata.Language);
    }

    [Fact]
    public void A_text_file_that_is_not_utf8_is_still_refused()
    {
        using var dir = new TempDir();
        dir.Write("note.txt", Encoding.GetEncoding(1251).GetBytes("Мэр города заявил в четверг."));
        var warnings = new List<IngestWarning>();

        Assert.Empty(new FileSource(warnings.Add).Read([dir.Path]));
        Assert.Contains(warnings, w => w.Message.Contains("UTF-8", StringComparison.Ordinal));
    }
}
