using System.Text;
using AngleSharp.Html.Parser;
using Storyline.Documents;
using Storyline.Ingest;

namespace Storyline.Extraction;

/// <summary>HTML page → article text (one paragraph per line) and metadata.</summary>
public sealed class HtmlArticleExtractor
{
    private readonly HtmlParser _parser = new();

    public Document Extract(SourceDocument source)
    {
        using var page = _parser.ParseDocument(source.Content);
        var text = new StringBuilder();
        var lines = new List<Line>();
        foreach (var block in page.QuerySelectorAll("h1, h2, h3, p"))
        {
            var content = string.Join(' ', block.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (content.Length == 0)
                continue;
            lines.Add(new Line(new Span(text.Length, content.Length), block.LocalName == "p" ? LineLabel.Body : LineLabel.Heading));
            text.Append(content).Append('\n');
        }
        var document = new Document(text.ToString(), id: source.Id)
        {
            Lines = lines,
        };
        document.Metadata.Title = page.Title;
        document.Metadata.Language = page.DocumentElement?.GetAttribute("lang");
        return document;
    }
}
