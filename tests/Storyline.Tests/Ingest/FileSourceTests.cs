using System.Text;
using Storyline.Ingest;
using Storyline.Tests.Support;

namespace Storyline.Tests.Ingest;

public class FileSourceTests
{
    [Fact]
    public void Bad_files_are_reported_by_name_and_good_ones_read()
    {
        using var dir = new TempDir();
        dir.Write("good.txt", "Putin said on Thursday that talks would go on.");
        dir.Write("empty.txt", "");
        dir.Write("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]);
        dir.Write("latin1.txt", Encoding.Latin1.GetBytes("Zelensky a déclaré à la presse."));
        var warnings = new List<IngestWarning>();
        var docs = new FileSource(warnings.Add).Read([dir.Path]).ToList();

        Assert.Single(docs);
        Assert.Contains("talks", docs[0].Content, StringComparison.Ordinal);
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, w => w.Source.EndsWith("empty.txt", StringComparison.Ordinal) && w.Message.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Source.EndsWith("binary.txt", StringComparison.Ordinal) && w.Message.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Source.EndsWith("latin1.txt", StringComparison.Ordinal) && w.Message.Contains("UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_lines_give_one_document_per_line_and_warn_on_broken_lines()
    {
        using var dir = new TempDir();
        dir.Write("feed.jsonl", """
            {"url": "https://example.org/a", "text": "One.", "published": "2025-12-04", "outlet": "Example"}
            not json
            {"url": "https://example.org/b", "html": "<html><body><p>Two.</p></body></html>"}
            {"url": "https://example.org/c"}
            """);
        var warnings = new List<IngestWarning>();
        var docs = new FileSource(warnings.Add).Read([dir.Path]).ToList();

        Assert.Equal(2, docs.Count);
        Assert.Equal(ContentKind.Text, docs[0].Kind);
        Assert.Equal(new DateOnly(2025, 12, 4), docs[0].Published);
        Assert.Equal("Example", docs[0].Outlet);
        Assert.Equal(ContentKind.Html, docs[1].Kind);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Source.EndsWith(":2", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Source.EndsWith(":4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_path_is_a_warning_not_a_crash()
    {
        var warnings = new List<IngestWarning>();
        var docs = new FileSource(warnings.Add).Read(["/no/such/place"]).ToList();
        Assert.Empty(docs);
        Assert.Single(warnings);
    }

    [Fact]
    public void The_same_content_has_the_same_identity()
    {
        var a = new SourceDocument("file:///a", "same text", ContentKind.Text);
        var b = new SourceDocument("file:///b", "same text", ContentKind.Text);
        var c = new SourceDocument("file:///c", "other text", ContentKind.Text);
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
    }
}
