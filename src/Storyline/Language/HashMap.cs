using System.Numerics;

namespace Storyline.Language;

/// <summary>
/// An immutable map from well-mixed 64-bit hashes to values, as one flat array of keys probed linearly: the
/// recogniser asks its gazetteer six times a token, and nearly every answer is "no", which here costs one read
/// of the key array where a <see cref="Dictionary{TKey, TValue}"/> reads a bucket and then an entry. Keys are
/// compared in full, so the answers are exactly the dictionary's.
/// </summary>
internal sealed class HashMap<TValue>
    where TValue : struct
{
    // Key 0 marks an empty slot; a real key 0 (possible, if unlikely, for a hash) is held on the side.
    private readonly ulong[] _keys;
    private readonly TValue[] _values;
    private readonly int _mask;
    private readonly bool _hasZero;
    private readonly TValue _zero;

    public HashMap(IReadOnlyDictionary<ulong, TValue> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        // At most half full, so a miss usually ends at its first slot.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, map.Count * 2));
        _keys = new ulong[capacity];
        _values = new TValue[capacity];
        _mask = capacity - 1;
        Count = map.Count;
        foreach (var (key, value) in map)
        {
            if (key == 0)
            {
                (_hasZero, _zero) = (true, value);
                continue;
            }
            int i = (int)key & _mask;
            while (_keys[i] != 0)
                i = (i + 1) & _mask;
            (_keys[i], _values[i]) = (key, value);
        }
    }

    public int Count { get; }

    public bool TryGetValue(ulong key, out TValue value)
    {
        if (key == 0)
        {
            value = _zero;
            return _hasZero;
        }
        for (int i = (int)key & _mask; ; i = (i + 1) & _mask)
        {
            ulong k = _keys[i];
            if (k == key)
            {
                value = _values[i];
                return true;
            }
            if (k == 0)
            {
                value = default;
                return false;
            }
        }
    }
}
