namespace Storyline.Language;

/// <summary>
/// 64-bit hashes of feature strings, computed from characters without making strings, so the recogniser
/// allocates nothing per token. At 64 bits, collisions among a few million features are negligible.
/// </summary>
internal static class FeatureHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>What a feature reads past the start or the end of the sequence, and where the fact it reads is missing.</summary>
    public static readonly ulong SequenceStart = Chars("<S>"), SequenceEnd = Chars("</S>"), Missing = Chars("<none>");

    public static ulong Chars(ReadOnlySpan<char> s)
    {
        ulong h = FnvOffset;
        foreach (char c in s)
            h = (h ^ c) * FnvPrime;
        return Mix(h);
    }

    /// <summary>SplitMix64 finaliser: spreads every input bit over the whole word.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    // Each template's seed, mixed once rather than for every feature (templates are small numbers; see NerDocument).
    private static readonly ulong[] Seeds = [.. Enumerable.Range(0, 128).Select(t => Mix((ulong)t * 0x100000001B3UL))];

    public static ulong Of(int template, ulong value) => Mix(value ^ Seeds[template]);

    public static ulong Of(int template, ulong a, ulong b) => Of(template, Mix(a) ^ (b * 0xC2B2AE3D27D4EB4FUL));

    public static ulong Of(int template, ulong a, ulong b, ulong c) => Of(template, Mix(Mix(a) ^ b) ^ (c * 0xC2B2AE3D27D4EB4FUL));
}
