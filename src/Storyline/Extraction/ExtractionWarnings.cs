namespace Storyline.Extraction;

/// <summary>The warnings extraction leaves in <see cref="Documents.DocumentMetadata.Warnings"/>.</summary>
public static class ExtractionWarnings
{
    /// <summary>The input held no article text: the document is empty (HTML) or all furniture (text).</summary>
    public const string NoArticle = "no article found";
}
