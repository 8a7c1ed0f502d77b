namespace Storyline.Stories;

/// <summary>
/// Online single-link clustering: each new item joins the existing cluster holding its most similar member, when
/// that similarity reaches the threshold, else it founds a cluster. Nothing already placed moves, so adding
/// documents costs time for the new items only. Items are compared only within a block (same speaker, same event
/// family); ties go to the older cluster, so the result depends only on the order items arrive in.
/// </summary>
internal sealed class IncrementalClusterer<T>(Func<T, string?> block, Func<T, T, double> similarity, Func<T, string> key, double threshold)
    where T : class
{
    private readonly List<Cluster> _clusters = [];
    private readonly Dictionary<string, Cluster> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Cluster>> _byBlock = new(StringComparer.Ordinal);

    internal sealed class Cluster(string id, string? block)
    {
        public string Id { get; } = id;
        public string? Block { get; } = block;
        public List<T> Members { get; } = [];
    }

    public IReadOnlyList<Cluster> Clusters => _clusters;

    /// <summary>Places the item and returns its cluster.</summary>
    public Cluster Add(T item)
    {
        var blockKey = block(item);
        Cluster? best = null;
        double bestScore = threshold;
        if (blockKey is not null && _byBlock.TryGetValue(blockKey, out var candidates))
        {
            foreach (var cluster in candidates)
            {
                double score = 0;
                foreach (var member in cluster.Members)
                    score = Math.Max(score, similarity(item, member));
                if (score >= bestScore && (best is null || score > bestScore))
                {
                    best = cluster;
                    bestScore = score;
                }
            }
        }
        best ??= Found(IdFor(item), blockKey);
        best.Members.Add(item);
        return best;
    }

    /// <summary>Puts an item back into the cluster it was stored in, without deciding anything.</summary>
    public Cluster Restore(T item, string clusterId)
    {
        var cluster = _byId.GetValueOrDefault(clusterId) ?? Found(clusterId, block(item));
        cluster.Members.Add(item);
        return cluster;
    }

    private Cluster Found(string id, string? blockKey)
    {
        var cluster = new Cluster(id, blockKey);
        _clusters.Add(cluster);
        _byId[id] = cluster;
        if (blockKey is not null)
        {
            if (!_byBlock.TryGetValue(blockKey, out var list))
                _byBlock[blockKey] = list = [];
            list.Add(cluster);
        }
        return cluster;
    }

    /// <summary>A cluster is named after its founding member, so its id survives a rebuild in the same order.</summary>
    private string IdFor(T item)
    {
        var id = Documents.ContentHash.Of(key(item))[..16];
        // Two founders cannot share a key, but a restored id may already be taken: fall back to a counter.
        return _byId.ContainsKey(id) ? $"{id}-{_clusters.Count}" : id;
    }
}
