using System.Globalization;
using System.Text;

namespace Storyline.Storage;

/// <summary>
/// Text as the full-text index sees it: lower case, diacritics removed ("Zelenskyy" matches "Zelenskýy"),
/// the same folding SQLite's <c>unicode61 remove_diacritics</c> tokenizer applies, so both stores find the same rows.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
