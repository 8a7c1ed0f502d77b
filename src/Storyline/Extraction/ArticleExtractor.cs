using Storyline.Documents;
using Storyline.Ingest;

namespace Storyline.Extraction;

/// <summary>Turns a source (HTML page or scraped text) into a <see cref="Document"/> with labelled lines and metadata.</summary>
public sealed class ArticleExtractor
{
    private readonly TextArticleExtractor _text = new();
    private readonly HtmlArticleExtractor _html = new();

    public Document Extract(SourceDocument source)
    {
        var document = source.Kind == ContentKind.Html ? _html.Extract(source) : _text.Extract(source);
        document.Metadata.SourceUri ??= source.Uri;
        // The page's own declaration wins; otherwise the article text tells.
        document.Metadata.Language ??= LanguageDetector.Default.Detect(document.BodyText);
        if (source.Published is { } published)
        {
            document.Metadata.Published = published;
            document.Metadata.PublishedInferred = false;
            document.Metadata.PublishedNote = "given by the source";
        }
        if (source.Outlet is { } outlet)
            document.Metadata.Outlet = outlet;
        return document;
    }
}
