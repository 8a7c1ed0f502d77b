using Storyline.Language;

namespace Storyline.Tests.Language;

public class FeatureTableTests
{
    [Fact]
    public void Finds_every_row_and_no_absent_feature()
    {
        var random = new Random(7);
        var rows = new Dictionary<ulong, int>();
        while (rows.Count < 5_000)
            rows.TryAdd((ulong)random.NextInt64() * 2654435761UL, rows.Count);
        var table = new FeatureTable(rows);
        Assert.All(rows, p => Assert.Equal(p.Value, table[p.Key]));
        for (int i = 0; i < 5_000; i++)
        {
            ulong absent = (ulong)random.NextInt64() | 1UL << 63;
            if (!rows.ContainsKey(absent))
                Assert.Equal(-1, table[absent]);
        }
    }

    [Fact]
    public void Keeps_apart_features_that_share_a_slot_and_the_check()
    {
        // Same high 32 bits (the check) and same low bits (the slot): only an exact comparison tells them apart.
        ulong a = 0xABCD_1234_0000_0005UL, b = 0xABCD_1234_1000_0005UL, c = 0x1111_2222_0000_0005UL;
        var table = new FeatureTable(new Dictionary<ulong, int> { [a] = 3, [b] = 9, [c] = 4 });
        Assert.Equal(3, table[a]);
        Assert.Equal(9, table[b]);
        Assert.Equal(4, table[c]);
        Assert.Equal(-1, table[0xABCD_1234_2000_0005UL]);
        Assert.Equal(-1, table[0x9999_2222_0000_0005UL]);
    }

    [Fact]
    public void Looks_up_many_features_at_once_as_one_by_one()
    {
        // Present, absent, colliding (same slot and check: the exact map) and probed-past (same slot, other check) keys.
        ulong a = 0xABCD_1234_0000_0005UL, b = 0xABCD_1234_1000_0005UL, c = 0x1111_2222_0000_0005UL;
        var random = new Random(11);
        var rows = new Dictionary<ulong, int> { [a] = 3, [b] = 9, [c] = 4 };
        while (rows.Count < 2_000)
            rows.TryAdd((ulong)random.NextInt64() * 2654435761UL, rows.Count);
        var table = new FeatureTable(rows);
        var features = rows.Keys.Concat([0xABCD_1234_2000_0005UL, 0x9999_2222_0000_0005UL])
            .Concat(Enumerable.Range(0, 2_000).Select(_ => (ulong)random.NextInt64())).ToArray();
        foreach (int length in new[] { 0, 1, 7, 256, features.Length })
        {
            var found = new int[length];
            table.Lookup(features.AsSpan(0, length), found);
            Assert.Equal(features.Take(length).Select(f => table[f]), found);
        }
        Assert.Contains(-1, features.Select(f => table[f]));
    }
}
