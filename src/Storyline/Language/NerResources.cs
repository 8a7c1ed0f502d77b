namespace Storyline.Language;

/// <summary>
/// What the recogniser knows about words beyond its weights: word clusters (k-means over GloVe vectors, at three
/// granularities) and a gazetteer of names seen in training, keyed by feature hashes of lower-cased tokens.
/// </summary>
internal sealed class NerResources(Dictionary<ulong, uint> clusters, Dictionary<ulong, byte> gazetteer)
{
    public const int MaxNameLength = 6;
    public const int ClusterLevels = 3;

    public static NerResources Empty { get; } = new([], []);

    /// <summary>Lower-cased word hash → cluster ids packed 10 bits a level, coarsest first.</summary>
    public Dictionary<ulong, uint> Clusters { get; } = clusters;

    /// <summary>Hash of a lower-cased token sequence → bit mask of the entity types it was seen as.</summary>
    public Dictionary<ulong, byte> Gazetteer { get; } = gazetteer;

    public static uint Pack(ReadOnlySpan<int> ids)
    {
        uint packed = 0;
        for (int level = 0; level < ids.Length; level++)
            packed |= (uint)ids[level] << (10 * level);
        return packed;
    }

    public static int Unpack(uint packed, int level) => (int)((packed >> (10 * level)) & 0x3FF);

    /// <summary>Hash of a token sequence, extended one token at a time.</summary>
    public static ulong ExtendName(ulong name, ulong token) => FeatureHash.Mix(name ^ (token * 0x9E3779B97F4A7C15UL));

    public const ulong NameSeed = 0x243F6A8885A308D3UL;
}
