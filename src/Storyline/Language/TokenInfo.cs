namespace Storyline.Language;

/// <summary>
/// The word-level facts the recogniser's features are made of, as hashes: the normalised form (curly quotes
/// and dashes as in the ASCII training text), its lower case with digits as 0, its shapes, affixes and clusters.
/// </summary>
internal struct TokenInfo
{
    public const int Affixes = 4;

    public ulong Word, Lower, LowerRaw, Shape, ShortShape;
    public ulong Clusters;
    public bool HasCluster, HasLetter, Capitalized, AllUpper;
    private Affix _prefixes, _suffixes;

    [System.Runtime.CompilerServices.InlineArray(Affixes)]
    private struct Affix
    {
        private ulong _element;
    }

    public readonly ulong Prefix(int k) => _prefixes[k];

    public readonly ulong Suffix(int k) => _suffixes[k];

    /// <summary>Scratch characters <see cref="Of"/> needs: the word, its lower case and its shape, up to 32 characters each.</summary>
    public const int BufferLength = 3 * 32;

    /// <param name="token">the token's characters</param>
    /// <param name="buffer">scratch space of <see cref="BufferLength"/> characters</param>
    /// <param name="resources">clusters to look the word up in</param>
    public static TokenInfo Of(ReadOnlySpan<char> token, Span<char> buffer, NerResources resources)
    {
        int max = buffer.Length / 3;
        var word = buffer[..max];
        var lower = buffer.Slice(max, max);
        var shape = buffer.Slice(2 * max, max);
        int length = Normalize(token, word);
        var info = new TokenInfo();
        int upper = 0, letters = 0, shapeLength = 0, shortLength = 0, run = 0;
        char last = '\0';
        Span<char> shortShape = stackalloc char[max];
        for (int i = 0; i < length; i++)
        {
            char c = word[i];
            char l = char.ToLowerInvariant(c);
            lower[i] = l;
            char kind = char.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (char.IsLetter(c))
            {
                letters++;
                upper += char.IsUpper(c) ? 1 : 0;
            }
            run = kind == last ? run + 1 : 1;
            if (run <= 4)
                shape[shapeLength++] = kind;
            if (run == 1)
                shortShape[shortLength++] = kind;
            last = kind;
        }
        info.HasLetter = letters > 0;
        info.Capitalized = length > 0 && char.IsUpper(word[0]);
        info.AllUpper = letters > 0 && upper == letters;
        info.Word = FeatureHash.Chars(word[..length]);
        info.LowerRaw = FeatureHash.Chars(lower[..length]);
        info.HasCluster = resources.ClusterLookup.TryGetValue(info.LowerRaw, out info.Clusters);
        for (int k = 0; k < Affixes; k++)
        {
            // Affixes of short words are the word itself, which the Lower feature already says.
            if (length > k + 2)
            {
                info._prefixes[k] = FeatureHash.Chars(lower[..(k + 1)]);
                info._suffixes[k] = FeatureHash.Chars(lower[(length - k - 1)..length]);
            }
        }
        for (int i = 0; i < length; i++)
        {
            if (char.IsDigit(lower[i]))
                lower[i] = '0';
        }
        info.Lower = FeatureHash.Chars(lower[..length]);
        info.Shape = FeatureHash.Chars(shape[..shapeLength]);
        info.ShortShape = FeatureHash.Chars(shortShape[..shortLength]);
        return info;
    }

    /// <summary>
    /// Template numbers of the features every tagger over these tokens writes the same way (the recogniser and the
    /// attribution tagger): a tagger's own templates start at <see cref="FirstOwn"/>. The numbers are part of the
    /// shipped models' hashes, so they never change.
    /// </summary>
    internal enum Shared
    {
        Bias = 1, Word, Lower, Shape, ShortShape,
        Prefix = 10, Suffix = 20,
        LowerPrev = 30, LowerNext, LowerPrev2, LowerNext2, BigramPrev, BigramNext, ShapePrev, ShapeNext,
    }

    /// <summary>The first template number a tagger may use for its own features.</summary>
    public const int FirstOwn = (int)Shared.ShapeNext + 1;

    /// <summary>
    /// Writes the token's features by itself (bias, word, lower case, shapes, affixes) and those of its word window
    /// (lower-cased words at ±1 and ±2, the bigrams with them, shapes at ±1), the neighbours being what the caller's
    /// bounds give (a sentence for the recogniser, a paragraph for the attribution tagger); returns how many.
    /// </summary>
    public readonly int WordFeatures(Span<ulong> f, ulong prev, ulong next, ulong prev2, ulong next2, ulong prevShape, ulong nextShape)
    {
        int n = 0;
        f[n++] = FeatureHash.Of((int)Shared.Bias, 0);
        f[n++] = FeatureHash.Of((int)Shared.Word, Word);
        f[n++] = FeatureHash.Of((int)Shared.Lower, Lower);
        f[n++] = FeatureHash.Of((int)Shared.Shape, Shape);
        f[n++] = FeatureHash.Of((int)Shared.ShortShape, ShortShape);
        for (int k = 0; k < Affixes; k++)
        {
            if (_prefixes[k] != 0)
                f[n++] = FeatureHash.Of((int)Shared.Prefix + k, _prefixes[k]);
            if (_suffixes[k] != 0)
                f[n++] = FeatureHash.Of((int)Shared.Suffix + k, _suffixes[k]);
        }
        f[n++] = FeatureHash.Of((int)Shared.LowerPrev, prev);
        f[n++] = FeatureHash.Of((int)Shared.LowerNext, next);
        f[n++] = FeatureHash.Of((int)Shared.LowerPrev2, prev2);
        f[n++] = FeatureHash.Of((int)Shared.LowerNext2, next2);
        f[n++] = FeatureHash.Of((int)Shared.BigramPrev, prev, Lower);
        f[n++] = FeatureHash.Of((int)Shared.BigramNext, Lower, next);
        f[n++] = FeatureHash.Of((int)Shared.ShapePrev, prevShape);
        f[n++] = FeatureHash.Of((int)Shared.ShapeNext, nextShape);
        return n;
    }

    /// <summary>Writes the token as the ASCII-punctuated training text would spell it; returns its length.</summary>
    private static int Normalize(ReadOnlySpan<char> token, Span<char> output)
    {
        if (token is "``" or "''" or "\u201C" or "\u201D" or "\u201E" or "\u00AB" or "\u00BB")
        {
            output[0] = '"';
            return 1;
        }
        if (token is "\u2026")
        {
            "...".CopyTo(output);
            return 3;
        }
        int n = Math.Min(token.Length, output.Length);
        for (int i = 0; i < n; i++)
        {
            output[i] = token[i] switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u00A0' => ' ',
                var c => c,
            };
        }
        return n;
    }
}
