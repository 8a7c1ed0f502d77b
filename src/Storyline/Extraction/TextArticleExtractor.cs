using Storyline.Documents;
using Storyline.Ingest;

namespace Storyline.Extraction;

/// <summary>
/// Scraped text, one paragraph per line: the document text is the file as is; each line gets a label
/// (<see cref="LineLabeller"/>), the title line becomes the title, and an outlet named by the page furniture the outlet.
/// </summary>
public sealed class TextArticleExtractor
{
    public Document Extract(SourceDocument source)
    {
        var document = new Document(source.Content, id: source.Id);
        var spans = LineSplitter.Split(source.Content);
        var texts = spans.Select(s => s.Of(source.Content)).ToList();
        var labels = LineLabeller.Default.Label(texts);
        document.Lines = spans.Select((span, i) => new Line(span, labels[i])).ToList();
        int title = Array.IndexOf(labels, LineLabel.Title);
        document.Metadata.Title = title < 0 ? null : texts[title];
        document.Metadata.Outlet = OutletFinder.FromFurniture(texts.Where((_, i) => labels[i] == LineLabel.Boilerplate));
        if (!labels.Any(l => l is LineLabel.Body or LineLabel.Heading))
            document.Metadata.Warnings.Add(ExtractionWarnings.NoArticle);
        return document;
    }
}

public static class LineSplitter
{
    /// <summary>The non-empty lines of a text (trimmed of surrounding whitespace), as spans.</summary>
    public static List<Span> Split(string text)
    {
        var lines = new List<Span>();
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0)
                end = text.Length;
            int s = start, e = end;
            while (s < e && char.IsWhiteSpace(text[s]))
                s++;
            while (e > s && char.IsWhiteSpace(text[e - 1]))
                e--;
            if (e > s)
                lines.Add(Span.FromBounds(s, e));
            start = end + 1;
        }
        return lines;
    }
}
