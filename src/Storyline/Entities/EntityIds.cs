using System.Globalization;
using System.Text;

namespace Storyline.Entities;

/// <summary>
/// Canonical entity ids: <c>type:slug</c> of the canonical name ("person:vladimir-putin"), so the same name gives
/// the same id in every document and the store's entities table links the corpus without a lookup.
/// </summary>
public static class EntityIds
{
    public static string For(string type, string name) => $"{type.ToLowerInvariant()}:{Slug(name)}";

    /// <summary>Lower-case ASCII words joined by hyphens; diacritics dropped ("Zelenskyy Volodymyr" → "zelenskyy-volodymyr").</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder(name.Length);
        bool hyphen = false;
        foreach (char raw in name)
        {
            // Invariant globalization has no Unicode normalisation, so Latin diacritics are folded by table.
            char c = Fold(raw);
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '’')
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (hyphen && slug.Length > 0)
                    slug.Append('-');
                slug.Append(char.ToLowerInvariant(c));
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }
        return slug.ToString();
    }

    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįıľłñńňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżžđðþß";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeiiiiiiillnnnoooooooorrsssttuuuuuuuuyyzzzddts";

    private static char Fold(char c)
    {
        int i = Accented.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
        return i < 0 ? c : Plain[i];
    }
}
