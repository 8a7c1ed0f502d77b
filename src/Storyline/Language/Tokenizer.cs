using System.Globalization;
using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Splits text into words, numbers, punctuation, quotes, symbols and URLs, in the style of the Penn Treebank
/// (and so of CoNLL-2003, which the recogniser is trained on): possessives and contractions are split off
/// ("Putin", "'s"; "do", "n't"), while abbreviations (U.S., Dec., Mr.), initials, hyphenated words and numbers
/// with separators (1,000.50, 10:30) stay whole. Tokens are spans into the text; no strings are made.
/// Linear in the input: every character is looked at a bounded number of times.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes the whole text.</summary>
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5 + 1);
        Tokenize(text, new Span(0, text.Length), tokens);
        return tokens;
    }

    /// <summary>Appends the tokens of <paramref name="range"/> of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, Span range, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(range.Start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(range.End, text.Length);
        ReadOnlySpan<char> s = text;
        int end = range.End;
        int i = range.Start;
        while (i < end)
        {
            char c = s[i];
            if (IsSpace(c))
            {
                i++;
                continue;
            }
            int next = ScanUrl(s, i, end);
            TokenKind kind = TokenKind.Url;
            if (next == i)
                next = ScanOne(s, i, end, out kind);
            tokens.Add(new Token(Span.FromBounds(i, next), kind));
            i = next;
        }
    }

    /// <summary>Whitespace, control and invisible format characters separate tokens and are never part of one.</summary>
    internal static bool IsSpace(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u00AD');

    /// <summary>Letters, digits and combining marks (so "é" written as e + ◌́ stays in its word).</summary>
    internal static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
            return true;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || c == '\u00AD';
    }

    internal static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    internal static bool IsQuote(char c) => c is '"' or '\'' or '`' or '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u201C'
        or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\u300C' or '\u300D' or '\u2032' or '\u2033';

    internal static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    internal static bool IsDash(char c) => c is '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';

    private static int ScanOne(ReadOnlySpan<char> s, int i, int end, out TokenKind kind)
    {
        char c = s[i];
        if (IsWordChar(c))
            return ScanWord(s, i, end, out kind);
        if (IsApostrophe(c) && i > 0 && IsWordChar(s[i - 1]) && ContractionLength(s, i, end) is > 0 and var length)
        {
            kind = TokenKind.Word;
            return i + length;
        }
        if (IsQuote(c))
        {
            kind = TokenKind.Quote;
            // `` and '' are how ASCII text writes curly double quotes.
            return i + 1 < end && (c is '`' or '\'') && s[i + 1] == c ? i + 2 : i + 1;
        }
        kind = TokenKind.Punctuation;
        if (c == '.' || c == '-')
            return RunOf(s, i, end, c);
        if (c is '?' or '!')
        {
            int j = i + 1;
            while (j < end && s[j] is '?' or '!')
                j++;
            return j;
        }
        if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(s[i + 1]))
        {
            kind = TokenKind.Symbol;
            return i + 2;
        }
        if (IsDash(c) || c == '\u2026')
            return i + 1;
        kind = CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol
            || c is '%' or '&' or '@' or '#' or '*' or '\u2030'
            ? TokenKind.Symbol
            : TokenKind.Punctuation;
        return i + 1;
    }

    private static int RunOf(ReadOnlySpan<char> s, int i, int end, char c)
    {
        int j = i + 1;
        while (j < end && s[j] == c)
            j++;
        return j;
    }

    /// <summary>
    /// A word: letters and digits, joined by hyphens, by dots and commas between digits, by dots in acronyms
    /// (U.S.), by ampersands in acronyms (AT&amp;T) and by apostrophes in names (O'Brien); contractions stop it.
    /// </summary>
    private static int ScanWord(ReadOnlySpan<char> s, int start, int end, out TokenKind kind)
    {
        // "n't" after a split-off stem ("do|n't") is a token of its own.
        if (start > 0 && IsWordChar(s[start - 1]) && ContractionLength(s, start, end) is > 0 and var nt)
        {
            kind = TokenKind.Word;
            return start + nt;
        }
        int j = start;
        int segmentStart = start;
        bool dotted = false;
        while (true)
        {
            while (j < end && IsWordChar(s[j]))
                j++;
            if (j + 1 >= end || !IsWordChar(s[j + 1]))
                break;
            char c = s[j];
            bool digitsAround = char.IsDigit(s[j - 1]) && char.IsDigit(s[j + 1]);
            if (IsHyphen(c) || (digitsAround && c is '.' or ',' or ':'))
            {
                j++;
                segmentStart = j;
                continue;
            }
            if (c == '.' && j - segmentStart <= 2 && IsLetters(s[segmentStart..j]) && char.IsLetter(s[j + 1]) && ShortSegmentFollows(s, j + 1, end))
            {
                dotted = true;
                j++;
                segmentStart = j;
                continue;
            }
            if (c == '&' && char.IsUpper(s[j - 1]) && char.IsUpper(s[j + 1]))
            {
                j++;
                continue;
            }
            if (IsApostrophe(c))
            {
                if (ContractionLength(s, j, end) > 0)
                    break;
                // "can't", "won't": the stem ends before the n.
                if (j - 1 > start && (s[j - 1] is 'n' or 'N') && ContractionLength(s, j - 1, end) > 0)
                {
                    j--;
                    break;
                }
                j++;
                continue;
            }
            break;
        }
        kind = IsNumber(s[start..j]) ? TokenKind.Number : TokenKind.Word;
        if (j < end && s[j] == '.' && (j + 1 >= end || s[j + 1] != '.'))
        {
            var word = s[start..j];
            bool initial = word.Length == 1 && char.IsUpper(word[0]);
            if (dotted || initial || (kind == TokenKind.Word && Abbreviations.IsKnown(word, NumberFollows(s, j + 1, end))))
                return j + 1;
        }
        return j;
    }

    private static bool ShortSegmentFollows(ReadOnlySpan<char> s, int i, int end)
    {
        int j = i;
        while (j < end && char.IsLetter(s[j]))
            j++;
        return j - i <= 2 && j < end && s[j] == '.';
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsLetter(c))
                return false;
        }
        return s.Length > 0;
    }

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsDigit(c) && c is not ('.' or ',' or ':'))
                return false;
        }
        return true;
    }

    private static bool NumberFollows(ReadOnlySpan<char> s, int i, int end)
    {
        while (i < end && s[i] == ' ')
            i++;
        return i < end && char.IsDigit(s[i]);
    }

    /// <summary>Length of a contraction or possessive starting at <paramref name="i"/> ('s, 're, 've, 'll, 'd, 'm, n't), or 0.</summary>
    internal static int ContractionLength(ReadOnlySpan<char> s, int i, int end)
    {
        int j = i;
        if (s[j] is 'n' or 'N')
        {
            if (j + 2 >= end || !IsApostrophe(s[j + 1]) || s[j + 2] is not ('t' or 'T'))
                return 0;
            j += 3;
        }
        else
        {
            if (!IsApostrophe(s[j]))
                return 0;
            j++;
            int k = j;
            while (k < end && char.IsLetter(s[k]) && k - j < 3)
                k++;
            var suffix = s[j..k];
            if (!(suffix.Equals("s", StringComparison.OrdinalIgnoreCase) || suffix.Equals("re", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("ve", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ll", StringComparison.OrdinalIgnoreCase)
                || suffix.Equals("d", StringComparison.OrdinalIgnoreCase) || suffix.Equals("m", StringComparison.OrdinalIgnoreCase)))
                return 0;
            j = k;
        }
        return j < end && IsWordChar(s[j]) ? 0 : j - i;
    }

    private static readonly string[] UrlStarts = ["https://", "http://", "www."];

    /// <summary>End of a URL starting at <paramref name="i"/>, or <paramref name="i"/> when there is none.</summary>
    private static int ScanUrl(ReadOnlySpan<char> s, int i, int end)
    {
        var rest = s[i..end];
        bool found = false;
        foreach (var start in UrlStarts)
            found |= rest.StartsWith(start, StringComparison.OrdinalIgnoreCase) && rest.Length > start.Length;
        if (!found || (i > 0 && IsWordChar(s[i - 1])))
            return i;
        int j = i;
        int open = 0;
        while (j < end && !IsSpace(s[j]) && s[j] is not ('<' or '>' or '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB'))
        {
            if (s[j] == '(')
                open++;
            else if (s[j] == ')')
                open--;
            j++;
        }
        // Sentence punctuation after a URL is not part of it; a closing bracket is when the URL opened one.
        while (j > i && (s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '\u2019' || (s[j - 1] == ')' && open < 0)))
        {
            if (s[j - 1] == ')')
                open++;
            j--;
        }
        return j;
    }
}
