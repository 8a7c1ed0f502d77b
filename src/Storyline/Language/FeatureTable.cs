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
    private const int Empty = -1, Overflow = -2;

    // An entry holds its key's high 32 bits as a check and its row; the key's low bits chose the slot. Eight-byte
    // entries keep the table half the size of (key, row) pairs, and since lookups are cache misses, size is speed.
    // A key absent from the model is mistaken for one present only if its run of probes meets an entry with the
    // same 32-bit check (about one lookup in a billion: the cost is one feature's weights added by mistake).
    // Two model keys that would be confused are both kept in a small exact map instead.
    private readonly Entry[] _entries;
    private readonly Dictionary<ulong, int> _overflow = [];
    private readonly int _mask;

    public FeatureTable(IReadOnlyDictionary<ulong, int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        // At most two-thirds full, so a miss (most feature values were never seen in training) ends within a cache
        // line or two; emptier tables only spread the lookups over more memory.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, rows.Count * 3 / 2));
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        Array.Fill(_entries, new Entry(0, Empty));
        foreach (var (key, row) in rows.OrderBy(p => p.Key))
        {
            uint check = (uint)(key >> 32);
            int i = (int)key & _mask;
            while (_entries[i].Row != Empty && _entries[i].Check != check)
                i = (i + 1) & _mask;
            if (_entries[i].Row == Empty)
            {
                _entries[i] = new Entry(check, row);
                continue;
            }
            if (_entries[i].Row != Overflow)
            {
                var earlier = rows.First(p => p.Value == _entries[i].Row && (uint)(p.Key >> 32) == check);
                _overflow[earlier.Key] = earlier.Value;
                _entries[i] = new Entry(check, Overflow);
            }
            _overflow[key] = row;
        }
    }

    /// <summary>The row of <paramref name="feature"/>, or -1 when the model has none.</summary>
    public int this[ulong feature]
    {
        get
        {
            uint check = (uint)(feature >> 32);
            for (int i = (int)feature & _mask; ; i = (i + 1) & _mask)
            {
                var entry = _entries[i];
                if (entry.Check == check && entry.Row != Empty)
                    return entry.Row == Overflow ? _overflow.GetValueOrDefault(feature, -1) : entry.Row;
                if (entry.Row == Empty)
                    return -1;
            }
        }
    }

    /// <summary>
    /// The rows of many features at once (-1 where the model has none), the same as asking the indexer for each in
    /// turn. Every feature's first slot is read before any is examined: those reads do not wait on one another, so
    /// their cache misses overlap, instead of each lookup's branches (a miss or a hit, unpredictably) holding up the next.
    /// </summary>
    public void Lookup(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        const int OnStack = 256;
        Span<Entry> first = features.Length <= OnStack ? stackalloc Entry[features.Length] : new Entry[features.Length];
        for (int f = 0; f < features.Length; f++)
            first[f] = _entries[(int)features[f] & _mask];
        for (int f = 0; f < features.Length; f++)
        {
            var entry = first[f];
            if (entry.Row == Empty)
                rows[f] = -1;
            else if (entry.Check == (uint)(features[f] >> 32))
                rows[f] = entry.Row == Overflow ? _overflow.GetValueOrDefault(features[f], -1) : entry.Row;
            else
                rows[f] = this[features[f]];
        }
    }

    /// <summary>Writes the rows of the features the model knows to <paramref name="rows"/>, in order, leaving the others out; returns how many.</summary>
    public int KnownRows(ReadOnlySpan<ulong> features, Span<int> rows)
    {
        int n = 0;
        foreach (ulong feature in features)
        {
            int row = this[feature];
            if (row >= 0)
                rows[n++] = row;
        }
        return n;
    }

    private readonly record struct Entry(uint Check, int Row);
}
