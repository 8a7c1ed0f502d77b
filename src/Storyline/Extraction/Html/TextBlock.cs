using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// One run of text a page shows as a unit: a paragraph, heading or list item, with the characters that sit inside
/// links. <see cref="Order"/> is its position in document order; <see cref="Containers"/> are its nearest
/// enclosing elements, innermost first, which collect its score.
/// </summary>
internal sealed record TextBlock(string Text, int LinkCharacters, string Tag, int Order, IReadOnlyList<IElement> Containers)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkCharacters / Text.Length;

    public bool IsHeading => Tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public int Commas => Text.AsSpan().Count(',') + Text.AsSpan().Count('，') + Text.AsSpan().Count('、');
}
