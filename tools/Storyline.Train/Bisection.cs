namespace Storyline.Train;

/// <summary>
/// A binary hierarchy of words by recursive spherical 2-means, a cheap stand-in for Brown clusters: each word's
/// path from the root is a bit string whose prefixes name ever finer clusters, so the recogniser can read the
/// same word class at several granularities (4,096 leaves at depth 12, where k-means over all of them would cost
/// hours). Deterministic for a seed.
/// </summary>
internal static class Bisection
{
    /// <summary>
    /// The node of every row in a heap numbering (root 1, children 2n and 2n+1), at most <paramref name="depth"/>
    /// levels down; a cluster smaller than <paramref name="minSize"/> is not split further.
    /// </summary>
    public static int[] Paths(float[] data, int dimensions, int depth, int minSize, int seed)
    {
        int rows = data.Length / dimensions;
        var node = new int[rows];
        Array.Fill(node, 1);
        var random = new Random(seed);
        var members = new List<int[]> { Enumerable.Range(0, rows).ToArray() };
        for (int level = 0; level < depth; level++)
        {
            var next = new List<int[]>();
            foreach (var group in members)
            {
                if (group.Length < 2 * minSize)
                    continue;
                var (left, right) = Split(data, dimensions, group, random);
                foreach (int r in left)
                    node[r] = 2 * node[r];
                foreach (int r in right)
                    node[r] = 2 * node[r] + 1;
                next.Add(left);
                next.Add(right);
            }
            members = next;
        }
        return node;
    }

    private static (int[] Left, int[] Right) Split(float[] data, int dimensions, int[] group, Random random)
    {
        var a = data.AsSpan(group[random.Next(group.Length)] * dimensions, dimensions).ToArray();
        var b = data.AsSpan(group[random.Next(group.Length)] * dimensions, dimensions).ToArray();
        var side = new bool[group.Length];
        for (int iteration = 0; iteration < 6; iteration++)
        {
            var sumA = new double[dimensions];
            var sumB = new double[dimensions];
            for (int i = 0; i < group.Length; i++)
            {
                var x = data.AsSpan(group[i] * dimensions, dimensions);
                side[i] = KMeans.Dot(x, b) > KMeans.Dot(x, a);
                var sum = side[i] ? sumB : sumA;
                for (int d = 0; d < dimensions; d++)
                    sum[d] += x[d];
            }
            Normalize(sumA, a);
            Normalize(sumB, b);
        }
        var left = group.Where((_, i) => !side[i]).ToArray();
        var right = group.Where((_, i) => side[i]).ToArray();
        // Identical vectors cannot be told apart: split such a group arbitrarily rather than leave one side empty.
        return left.Length == 0 || right.Length == 0 ? (group[..(group.Length / 2)], group[(group.Length / 2)..]) : (left, right);
    }

    private static void Normalize(double[] sum, float[] into)
    {
        double norm = Math.Sqrt(sum.Sum(x => x * x));
        if (norm == 0)
            return;
        for (int d = 0; d < sum.Length; d++)
            into[d] = (float)(sum[d] / norm);
    }
}
