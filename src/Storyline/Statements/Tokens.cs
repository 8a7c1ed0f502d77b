using System.Collections.Frozen;
using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>A word or punctuation mark of a paragraph, with its lower-case form for lexicon look-ups.</summary>
internal readonly record struct Tok(int Start, int End, string Text, bool IsWord)
{
    /// <summary>Lower-cased once at tokenisation: every lexicon look-up uses it.</summary>
    public string Lower { get; } = IsWord ? Text.ToLowerInvariant() : Text;

    public bool IsCapitalised => IsWord && char.IsUpper(Text[0]);

    public bool IsPossessive => IsWord && Text.Length > 2 && (Text.EndsWith("’s", StringComparison.Ordinal) || Text.EndsWith("'s", StringComparison.Ordinal));

    /// <summary>The word without a possessive ending: "Putin’s" → "Putin".</summary>
    public string Bare => IsPossessive ? Text[..^2] : Text;

    /// <summary>The punctuation mark this token stands for; doubled apostrophes and backticks stand for '"'.</summary>
    private char Mark => Text.Length == 1 ? Text[0] : Text is "''" or "``" ? '"' : '\0';

    public bool Is(char c) => !IsWord && Mark == c;

    public bool IsAny(string chars) => !IsWord && Mark != '\0' && chars.Contains(Mark, StringComparison.Ordinal);

    public Span Span => Span.FromBounds(Start, End);
}

/// <summary>Splits a paragraph into words and punctuation, keeping abbreviations ("Mr.", "U.S.") whole.</summary>
internal static class WordTokenizer
{
    // Abbreviations whose period does not end a sentence.
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "prof", "jr", "sr",
        "inc", "co", "corp", "ltd", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "no", "mt", "ft", "rev",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<Tok> Tokenize(string text, Span span)
    {
        var tokens = new List<Tok>();
        int i = span.Start, end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
            {
                int width = QuoteFinder.IsDoubledMark(text, i, span) ? 2 : 1;
                tokens.Add(new Tok(i, i + width, text.Substring(i, width), false));
                i += width;
                continue;
            }
            int start = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || (IsJoiner(text[i]) && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))))
                i++;
            if (i < end && text[i] == '.' && (IsInitialism(text, start, i) || Abbreviations.Contains(text[start..i].ToLowerInvariant())))
                i++;
            tokens.Add(new Tok(start, i, text[start..i], true));
        }
        return tokens;
    }

    private static bool IsJoiner(char c) => c is '’' or '\'' or '-' or '.' or '&' or '‑';

    // "U.S", "U.N", single capital initials ("J" in "J. Smith").
    private static bool IsInitialism(string text, int start, int end)
    {
        if (end - start == 1)
            return char.IsUpper(text[start]);
        for (int k = start; k < end; k++)
        {
            bool letterSlot = (k - start) % 2 == 0;
            if (letterSlot ? !char.IsUpper(text[k]) : text[k] != '.')
                return false;
        }
        return true;
    }
}
