using System.Text;

namespace Storyline.Storage;

/// <summary>
/// Text as the full-text index sees it: lower case, Latin diacritics removed ("securite" finds "Sécurité"), the folding
/// SQLite's <c>unicode61 remove_diacritics</c> tokenizer applies, so both stores find the same rows. A table rather than
/// Unicode decomposition, because the product runs with invariant globalization, where normalisation is not available.
/// </summary>
public static class SearchText
{
    /// <summary>Lower-case base letter of each code point from U+00C0 to U+024F (itself when it has no diacritic).</summary>
    private const string Latin = "aaaaaaæceeeeiiiiðnooooo×øuuuuyþßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþyaaaaaaccccccccddđđeeeeeeeeeegggggggghhħħiiiiiiiiiıĳĳjjkkĸllllllŀŀłłnnnnnnŉŋŋooooooœœrrrrrrssssssssttttŧŧuuuuuuuuuuuuwwyyyzzzzzzſƀɓƃƃƅƅɔƈƈɖɗƌƌƍǝəɛƒƒɠɣƕɩɨƙƙƚƛɯɲƞɵooƣƣƥƥʀƨƨʃƪƫƭƭʈuuʊʋƴƴƶƶʒƹƹƺƻƽƽƾƿǀǁǂǃǆǆǆǉǉǉǌǌǌaaiioouuuuuuuuuuǝaaaaǣǣǥǥggkkooooǯǯjǳǳǳggƕƿnnaaǽǽǿǿaaaaeeeeiiiioooorrrruuuussttȝȝhhƞȡȣȣȥȥaaeeooooooooyyȴȵȶȷȸȹⱥȼȼƚⱦȿɀɂɂƀʉʌɇɇɉɉɋɋɍɍɏɏ";

    /// <summary>The same for Latin Extended Additional, U+1E00 to U+1EFF (Vietnamese and others).</summary>
    private const string LatinAdditional = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyẚẛẜẝßẟaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyỻỻỽỽỿỿ";

    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0300' and <= '\u036F')
                continue; // a combining mark of already decomposed text
            sb.Append(c switch
            {
                < '\u00C0' => char.ToLowerInvariant(c),
                <= '\u024F' => Latin[c - 0xC0],
                >= '\u1E00' and <= '\u1EFF' => LatinAdditional[c - 0x1E00],
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString();
    }
}
