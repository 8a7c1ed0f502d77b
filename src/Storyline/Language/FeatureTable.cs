using System.Numerics;

namespace Storyline.Language;

/// <summary>
/// Feature hash → weight row, as an open-addressing table with linear probing: the recogniser looks up about a
/// hundred features a token, and one probe into a flat array of (key, row) pairs is several times cheaper than a
/// <see cref="Dictionary{TKey, TValue}"/> lookup. The keys are already well-mixed 64-bit hashes, so their low
/// bits index the table directly. Immutable once built.
/// </summary>
internal sealed class FeatureTable
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public FeatureTable(IReadOnlyDictionary<ulong, int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // At most half full, so a miss (most lookups: most feature values were never seen in training) ends fast.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 2));
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        Array.Fill(_entries, new Entry(0, -1));
        foreach (var (key, row) in rows)
        {
            int i = (int)key & _mask;
            while (_entries[i].Row >= 0)
                i = (i + 1) & _mask;
            _entries[i] = new Entry(key, row);
        }
    }

    /// <summary>The row of <paramref name="feature"/>, or -1 when the model has none.</summary>
    public int this[ulong feature]
    {
        get
        {
            int i = (int)feature & _mask;
            while (true)
            {
                ref readonly var entry = ref _entries[i];
                if (entry.Key == feature && entry.Row >= 0)
                    return entry.Row;
                if (entry.Row < 0)
                    return -1;
                i = (i + 1) & _mask;
            }
        }
    }

    private readonly record struct Entry(ulong Key, int Row);
}
