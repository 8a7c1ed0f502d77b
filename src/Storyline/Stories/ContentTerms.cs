using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>The content words of a passage, stemmed, in order, and whether the passage is negated.</summary>
internal readonly record struct TermList(IReadOnlyList<string> Terms, bool Negated);

/// <summary>
/// Turns a passage into the terms clustering compares: lower-cased words and numbers, stopwords and negations
/// dropped, suffixes stripped and cut to <see cref="MaxStemLength"/> characters so "annexed", "annexation" and
/// "annex" or "Crimea" and "Crimean" meet. Crude on purpose: it is language-light and needs no model.
/// </summary>
internal static class ContentTerms
{
    /// <summary>Long enough to keep words apart, short enough to join inflections and derivations.</summary>
    public const int MaxStemLength = 6;

    /// <summary>Longer passages are cut: a statement longer than this is a transcript, and its start says enough.</summary>
    public const int MaxPassageCharacters = 4000;

    public static TermList Of(string text, TermLexicon lexicon)
    {
        var terms = new List<string>();
        bool negated = false;
        var s = text.AsSpan(0, Math.Min(text.Length, MaxPassageCharacters));
        Span<char> buffer = stackalloc char[64];
        foreach (var run in new WordRuns(s))
        {
            int i = run.End, length = run.Length;
            // "didn’t", "don't": the n't clitic negates the clause (the "t" after it is a one-letter run, dropped below).
            if (i + 1 < s.Length && s[i] is '\'' or '’' && (s[i + 1] is 't' or 'T') && s[i - 1] is 'n' or 'N'
                && (i + 2 == s.Length || !char.IsLetterOrDigit(s[i + 2])))
            {
                negated = true;
                continue;
            }
            if (length > buffer.Length)
                continue;   // not a word: a hash, a URL fragment
            var word = buffer[..length];
            s.Slice(run.Start, length).ToLowerInvariant(word);
            var w = word.ToString();
            if (lexicon.Negations.Contains(w))
            {
                negated = true;
                continue;
            }
            if ((length == 1 && !char.IsDigit(w[0])) || lexicon.Stopwords.Contains(w))
                continue;
            terms.Add(Stem(w));
        }
        return new TermList(terms, negated);
    }

    /// <summary>Strips one common English suffix, then cuts to <see cref="MaxStemLength"/>. Numbers stay whole.</summary>
    public static string Stem(string word)
    {
        if (char.IsDigit(word[0]))
            return word;
        string w = word;
        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
            w = w[..^3] + "y";
        else if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
            w = w[..^3];
        else if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
            w = w[..^2];
        else if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3)
            w = w[..^1];
        return w.Length > MaxStemLength ? w[..MaxStemLength] : w;
    }
}
