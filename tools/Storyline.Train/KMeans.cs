using System.Numerics;

namespace Storyline.Train;

/// <summary>Spherical k-means (cosine similarity over unit vectors), seeded, parallel over points.</summary>
internal static class KMeans
{
    /// <summary>Fits <paramref name="k"/> centroids on the first <paramref name="fitRows"/> rows; returns the cluster of every row.</summary>
    public static int[] Cluster(float[] data, int dimensions, int fitRows, int k, int iterations, int seed)
    {
        int rows = data.Length / dimensions;
        var random = new Random(seed);
        var centroids = new float[k * dimensions];
        var chosen = new HashSet<int>();
        for (int c = 0; c < k; c++)
        {
            int r;
            do
                r = random.Next(fitRows);
            while (!chosen.Add(r));
            Array.Copy(data, r * dimensions, centroids, c * dimensions, dimensions);
        }
        var assignment = new int[rows];
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Assign(data, dimensions, fitRows, centroids, k, assignment);
            var sums = new double[k * dimensions];
            for (int r = 0; r < fitRows; r++)
            {
                int c = assignment[r];
                for (int d = 0; d < dimensions; d++)
                    sums[c * dimensions + d] += data[r * dimensions + d];
            }
            for (int c = 0; c < k; c++)
            {
                double norm = 0;
                for (int d = 0; d < dimensions; d++)
                    norm += sums[c * dimensions + d] * sums[c * dimensions + d];
                norm = Math.Sqrt(norm);
                if (norm == 0)
                    continue;
                for (int d = 0; d < dimensions; d++)
                    centroids[c * dimensions + d] = (float)(sums[c * dimensions + d] / norm);
            }
        }
        Assign(data, dimensions, rows, centroids, k, assignment);
        return assignment;
    }

    private static void Assign(float[] data, int dimensions, int rows, float[] centroids, int k, int[] assignment)
    {
        Parallel.For(0, rows, new ParallelOptions { MaxDegreeOfParallelism = 2 }, r =>
        {
            var x = data.AsSpan(r * dimensions, dimensions);
            int best = 0;
            float bestScore = float.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                float score = Dot(x, centroids.AsSpan(c * dimensions, dimensions));
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }
            assignment[r] = best;
        });
    }

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        float total = Vector.Dot(sum, Vector<float>.One);
        for (; i < a.Length; i++)
            total += a[i] * b[i];
        return total;
    }
}
