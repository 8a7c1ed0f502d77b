namespace Storyline.Stories;

/// <summary>
/// A compact sentence vector by the hashing trick: each term and each pair of neighbouring terms (which keeps
/// quoted fragments such as "force … arms" together) counts in one of <see cref="Dimensions"/> buckets.
/// Sparse and sorted by bucket, so comparing two is one merge.
/// </summary>
internal sealed class ContentVector
{
    /// <summary>Enough buckets that collisions between the few hundred terms of a story are rare.</summary>
    public const int Dimensions = 1 << 16;

    private ContentVector(int[] buckets, float[] weights)
    {
        Buckets = buckets;
        Weights = weights;
    }

    public int[] Buckets { get; }

    public float[] Weights { get; }

    public static ContentVector From(IReadOnlyList<string> terms, double bigramWeight)
    {
        var counts = new SortedDictionary<int, float>();
        for (int i = 0; i < terms.Count; i++)
        {
            Bump(counts, Bucket(terms[i]), 1f);
            if (i > 0 && bigramWeight > 0)
                Bump(counts, Bucket(terms[i - 1] + " " + terms[i]), (float)bigramWeight);
        }
        return new ContentVector([.. counts.Keys], [.. counts.Values]);
    }

    /// <summary>The sum of several vectors: the centroid of a cluster, up to scale (cosine ignores scale).</summary>
    public static ContentVector Sum(IEnumerable<ContentVector> vectors)
    {
        var counts = new SortedDictionary<int, float>();
        foreach (var v in vectors)
        {
            for (int i = 0; i < v.Buckets.Length; i++)
                Bump(counts, v.Buckets[i], v.Weights[i]);
        }
        return new ContentVector([.. counts.Keys], [.. counts.Values]);
    }

    private static void Bump(SortedDictionary<int, float> counts, int bucket, float by) =>
        counts[bucket] = counts.GetValueOrDefault(bucket) + by;

    /// <summary>FNV-1a over the characters: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int Bucket(string term)
    {
        uint h = 2166136261;
        foreach (char c in term)
        {
            h ^= c;
            h *= 16777619;
        }
        return (int)(h % Dimensions);
    }
}

/// <summary>
/// How many vectors each bucket occurs in, updated as mentions arrive: a bucket shared by few mentions (a rare
/// word, a number, a quoted phrase) weighs more than one every statement has.
/// </summary>
internal sealed class BucketFrequencies
{
    private readonly Dictionary<int, int> _documentFrequency = [];

    public int Count { get; private set; }

    public void Add(ContentVector v)
    {
        Count++;
        foreach (int b in v.Buckets)
            _documentFrequency[b] = _documentFrequency.GetValueOrDefault(b) + 1;
    }

    public double Idf(int bucket) => Math.Log((Count + 1.0) / (_documentFrequency.GetValueOrDefault(bucket) + 1.0)) + 1.0;

    /// <summary>Cosine of the two vectors weighted by current inverse frequencies; 0 when either is empty.</summary>
    public double Cosine(ContentVector a, ContentVector b)
    {
        double dot = 0, na = 0, nb = 0;
        int i = 0, j = 0;
        while (i < a.Buckets.Length || j < b.Buckets.Length)
        {
            int ba = i < a.Buckets.Length ? a.Buckets[i] : int.MaxValue;
            int bb = j < b.Buckets.Length ? b.Buckets[j] : int.MaxValue;
            if (ba == bb)
            {
                double idf = Idf(ba), wa = a.Weights[i] * idf, wb = b.Weights[j] * idf;
                dot += wa * wb;
                na += wa * wa;
                nb += wb * wb;
                i++;
                j++;
            }
            else if (ba < bb)
            {
                double wa = a.Weights[i] * Idf(ba);
                na += wa * wa;
                i++;
            }
            else
            {
                double wb = b.Weights[j] * Idf(bb);
                nb += wb * wb;
                j++;
            }
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
