using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>The choice both stores make among the candidates their band index returns.</summary>
internal static class NearDuplicates
{
    /// <summary>The most similar candidate at or above <see cref="MinHash.Threshold"/> (ties to the smaller id), or null.</summary>
    public static string? Nearest(uint[] signature, IEnumerable<(string Id, byte[] Signature)> candidates) =>
        candidates
            .Select(c => (c.Id, Other: MinHash.FromBytes(c.Signature)))
            .Where(c => c.Other is not null)
            .Select(c => (c.Id, Similarity: MinHash.Similarity(signature, c.Other!)))
            .Where(c => c.Similarity >= MinHash.Threshold)
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id)
            .FirstOrDefault();

    /// <summary>The SQL condition matching any of a signature's band keys, with parameters named by <paramref name="parameter"/>.</summary>
    public static string BandCondition(Func<int, string> parameter) =>
        string.Join(" OR ", Enumerable.Range(0, MinHash.Bands).Select(b => $"(b.band = {b} AND b.key = {parameter(b)})"));
}
