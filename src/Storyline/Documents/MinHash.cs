namespace Storyline.Documents;

/// <summary>
/// MinHash signatures over word 3-shingles: the share of equal signature entries estimates the Jaccard similarity of
/// two texts' shingle sets, so the same wire story republished with a new headline, byline or closing line is
/// recognised as one text while two stories on the same subject are not. Signatures are indexed by
/// <see cref="Bands"/> band keys of <see cref="Rows"/> entries each (locality-sensitive hashing): texts with
/// similarity 0.8 share a band with probability above 0.999, texts at 0.3 about one time in ten, and those
/// candidates are then checked against <see cref="Threshold"/>.
/// </summary>
public static class MinHash
{
    public const int Hashes = 64;

    public const int Bands = 16;

    public const int Rows = Hashes / Bands;

    /// <summary>Estimated shingle overlap at or above which two texts are the same story.</summary>
    public const double Threshold = 0.6;

    /// <summary>Below this many words a signature says too little; such texts are matched only exactly.</summary>
    public const int MinWords = 40;

    private const int Shingle = 3;

    public static uint[]? Of(string text)
    {
        var words = Words(text);
        if (words.Count < MinWords)
            return null;
        var signature = new uint[Hashes];
        Array.Fill(signature, uint.MaxValue);
        for (int i = 0; i + Shingle <= words.Count; i++)
        {
            ulong h = 14695981039346656037UL;
            for (int w = i; w < i + Shingle; w++)
                h = (h ^ words[w]) * 1099511628211UL;
            // One well-mixed base hash per shingle, and from it the 64 independent-enough hash functions.
            for (int k = 0; k < Hashes; k++)
            {
                var v = (uint)(Mix(h + (ulong)k * 0x9E3779B97F4A7C15UL) >> 32);
                if (v < signature[k])
                    signature[k] = v;
            }
        }
        return signature;
    }

    public static double Similarity(uint[] a, uint[] b)
    {
        int same = 0;
        for (int k = 0; k < Hashes; k++)
        {
            if (a[k] == b[k])
                same++;
        }
        return same / (double)Hashes;
    }

    /// <summary>One key per band: a hash of that band's <see cref="Rows"/> entries.</summary>
    public static long[] BandKeys(uint[] signature)
    {
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b;
            for (int r = 0; r < Rows; r++)
                h = Mix(h ^ signature[b * Rows + r]);
            keys[b] = unchecked((long)h);
        }
        return keys;
    }

    public static byte[] ToBytes(uint[] signature)
    {
        var bytes = new byte[signature.Length * 4];
        for (int k = 0; k < signature.Length; k++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(k * 4), signature[k]);
        return bytes;
    }

    public static uint[]? FromBytes(byte[]? bytes)
    {
        if (bytes is null || bytes.Length != Hashes * 4)
            return null;
        var signature = new uint[Hashes];
        for (int k = 0; k < Hashes; k++)
            signature[k] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(k * 4));
        return signature;
    }

    /// <summary>Words as hashes of their lower-case letters and digits; punctuation and case do not matter.</summary>
    private static List<ulong> Words(string text)
    {
        var words = new List<ulong>(text.Length / 6);
        ulong h = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                    h = 14695981039346656037UL;
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                inWord = true;
            }
            else if (inWord)
            {
                words.Add(h);
                inWord = false;
            }
        }
        if (inWord)
            words.Add(h);
        return words;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
