using System.Buffers;

namespace Storyline.Language;

/// <summary>Writes the static features of one token of a sequence into <paramref name="into"/> and returns how many.</summary>
internal delegate int StaticFeatureWriter(int token, Span<ulong> into);

/// <summary>Writes the known weight rows of one token's static features into <paramref name="into"/> and returns how many.</summary>
internal delegate int StaticRowWriter(int token, Span<int> into);

/// <summary>
/// The weight rows of every token's static features (those that do not depend on the labels chosen so far), looked
/// up once per sequence rather than once per beam entry. The rows live in an array rented from the shared pool, as a
/// document's run to tens of thousands of entries; <see cref="Release"/> hands it back. Shared by the recogniser and
/// the attribution tagger.
/// </summary>
internal sealed class StaticRows
{
    private int[] _ids = [];
    private int[] _offsets = [];

    /// <summary>Resolves the features of tokens 0 … <paramref name="count"/>−1 to rows of <paramref name="table"/>; unknown features are dropped.</summary>
    public void Resolve(int count, FeatureTable table, StaticFeatureWriter write, int maxPerToken, int expectedPerToken)
    {
        var features = new ulong[maxPerToken];
        Resolve(count, (token, rows) =>
        {
            int n = write(token, features);
            table.Lookup(features.AsSpan(0, n), rows[..n]);
            int known = 0;
            foreach (int id in rows[..n])
            {
                if (id >= 0)
                    rows[known++] = id;
            }
            return known;
        }, maxPerToken, expectedPerToken);
    }

    /// <summary>Takes the rows of tokens 0 … <paramref name="count"/>−1 from <paramref name="write"/>, which finds them itself.</summary>
    public void Resolve(int count, StaticRowWriter write, int maxPerToken, int expectedPerToken)
    {
        Release();
        var ids = ArrayPool<int>.Shared.Rent(Math.Max(maxPerToken, count * expectedPerToken));
        int used = 0;
        _offsets = ArrayPool<int>.Shared.Rent(count + 1);
        Span<int> found = stackalloc int[maxPerToken];
        for (int i = 0; i < count; i++)
        {
            _offsets[i] = used;
            int n = write(i, found);
            if (used + n > ids.Length)
            {
                var larger = ArrayPool<int>.Shared.Rent(Math.Max(2 * ids.Length, used + n));
                ids.AsSpan(0, used).CopyTo(larger);
                ArrayPool<int>.Shared.Return(ids);
                ids = larger;
            }
            found[..n].CopyTo(ids.AsSpan(used));
            used += n;
        }
        _offsets[count] = used;
        _ids = ids;
    }

    /// <summary>Returns the rows to the pool; the sequence must be resolved again before decoding.</summary>
    public void Release()
    {
        if (_ids.Length > 0)
            ArrayPool<int>.Shared.Return(_ids);
        if (_offsets.Length > 0)
            ArrayPool<int>.Shared.Return(_offsets);
        (_ids, _offsets) = ([], []);
    }

    public ReadOnlySpan<int> Of(int token) => _ids.AsSpan(_offsets[token], _offsets[token + 1] - _offsets[token]);
}
