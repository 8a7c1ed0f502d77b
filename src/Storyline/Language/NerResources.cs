namespace Storyline.Language;

/// <summary>
/// What the recogniser knows about words beyond its weights: word clusters (k-means over GloVe vectors, at three
/// granularities) and a gazetteer of names seen in training or on open name lists, keyed by feature hashes of lower-cased tokens.
/// </summary>
internal sealed class NerResources(Dictionary<ulong, ulong> clusters, Dictionary<ulong, byte> gazetteer, WordVectors? vectors = null)
{
    public const int MaxNameLength = 6;
    public const int ClusterLevels = 3;
    public const int ListShift = 4;

    public static NerResources Empty { get; } = new([], []);

    /// <summary>
    /// Lower-cased word hash → k-means cluster ids packed 10 bits a level, coarsest first, in the low 32 bits, and
    /// the word's node in a binary hierarchy of words (heap numbering: root 1, children 2n and 2n+1) in the high 32.
    /// </summary>
    public Dictionary<ulong, ulong> Clusters { get; } = clusters;

    /// <summary>
    /// Hash of a lower-cased token sequence → bit mask of the entity types it was seen as in training (low four
    /// bits) and of the types of the open name lists it is on (high four bits, from <see cref="ListShift"/>).
    /// </summary>
    public Dictionary<ulong, byte> Gazetteer { get; } = gazetteer;

    /// <summary><see cref="Clusters"/> and <see cref="Gazetteer"/> laid out for the recogniser's lookups, a few every token.</summary>
    public HashMap<ulong> ClusterLookup { get; } = new(clusters);

    /// <inheritdoc cref="ClusterLookup"/>
    public HashMap<byte> GazetteerLookup { get; } = new(gazetteer);

    /// <summary>Word vectors of the most frequent lower-cased words, read as real-valued features (none in older models).</summary>
    public WordVectors Vectors { get; } = vectors ?? WordVectors.None;

    public static uint Pack(ReadOnlySpan<int> ids)
    {
        uint packed = 0;
        for (int level = 0; level < ids.Length; level++)
            packed |= (uint)ids[level] << (10 * level);
        return packed;
    }

    public static int Unpack(ulong packed, int level) => (int)((packed >> (10 * level)) & 0x3FF);

    public static ulong WithPath(uint clusters, int path) => clusters | ((ulong)(uint)path << 32);

    /// <summary>The word's ancestor <paramref name="length"/> levels below the root of the hierarchy (the word's own node when it sits higher).</summary>
    public static uint PathPrefix(ulong packed, int length)
    {
        uint path = (uint)(packed >> 32);
        int depth = 31 - System.Numerics.BitOperations.LeadingZeroCount(path | 1);
        return depth <= length ? path : path >> (depth - length);
    }

    /// <summary>Hash of a token sequence, extended one token at a time.</summary>
    public static ulong ExtendName(ulong name, ulong token) => FeatureHash.Mix(name ^ (token * 0x9E3779B97F4A7C15UL));

    public const ulong NameSeed = 0x243F6A8885A308D3UL;
}

/// <summary>
/// Word vectors quantised to one signed byte a dimension, keyed like <see cref="TokenInfo.LowerRaw"/>: the
/// recogniser reads a word's vector as <see cref="Dimensions"/> real-valued features, each with a weight per label,
/// so that words it never saw in training still score like the words they resemble.
/// </summary>
internal sealed class WordVectors(Dictionary<ulong, int> rows, sbyte[] values)
{
    public const int Dimensions = 100;

    /// <summary>A stored byte times this is the feature's value (unit vectors scaled by 4: values mostly within ±1).</summary>
    public const float Scale = 1f / 32;

    public static WordVectors None { get; } = new([], []);

    /// <summary>Word hash → row of <see cref="Values"/> (<see cref="Dimensions"/> bytes a row).</summary>
    public Dictionary<ulong, int> Rows { get; } = rows;

    public sbyte[] Values { get; } = values;

    public int Count => Rows.Count;

    /// <summary>Quantises a unit-length vector as stored.</summary>
    public static void Quantize(ReadOnlySpan<float> unit, Span<sbyte> into)
    {
        for (int d = 0; d < Dimensions; d++)
            into[d] = (sbyte)Math.Clamp(Math.Round(unit[d] * 4 / Scale), sbyte.MinValue + 1, sbyte.MaxValue);
    }

    public ReadOnlySpan<sbyte> Of(int row) => Values.AsSpan(row * Dimensions, Dimensions);
}
