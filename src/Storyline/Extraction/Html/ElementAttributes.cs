using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// The attributes the block reader and the page index ask of every element, read in one pass over the element's
/// attribute list. Each <c>GetAttribute</c> lower-cases the name it is given and searches the list, and these ask
/// up to eight names of each of a page's thousands of elements, most of which have one attribute or none. The first
/// attribute of a name wins, as with <c>GetAttribute</c>.
/// </summary>
internal readonly record struct ElementAttributes(string? Class, string? Id, string? ItemProp, string? Rel, string? Role, string? Style, string? AriaHidden, bool Hidden)
{
    public static ElementAttributes Of(IElement e)
    {
        var list = e.Attributes;
        if (list.Length == 0)
            return default;
        string? cls = null, id = null, itemprop = null, rel = null, role = null, style = null, ariaHidden = null;
        bool hidden = false;
        for (int i = 0; i < list.Length; i++)
        {
            var a = list[i];
            if (a is null)
                continue;
            switch (a.Name)
            {
                case "class":
                    cls ??= a.Value;
                    break;
                case "id":
                    id ??= a.Value;
                    break;
                case "itemprop":
                    itemprop ??= a.Value;
                    break;
                case "rel":
                    rel ??= a.Value;
                    break;
                case "role":
                    role ??= a.Value;
                    break;
                case "style":
                    style ??= a.Value;
                    break;
                case "aria-hidden":
                    ariaHidden ??= a.Value;
                    break;
                case "hidden":
                    hidden = true;
                    break;
            }
        }
        return new(cls, id, itemprop, rel, role, style, ariaHidden, hidden);
    }
}
