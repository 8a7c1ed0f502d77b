using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Storyline.Language;

/// <summary>
/// The weights of a linear model over hashed features (feature hash → one row of per-label scores), as the
/// models in models/ store them: 16-bit fixed point and only where non-zero, since most features speak for few
/// labels. Shared by the named-entity recogniser and the attribution tagger, so both files read the same way.
/// </summary>
internal static class HashedWeights
{
    /// <summary>
    /// Adds the weight rows to <paramref name="scores"/> (one score per label), in the order given. It works a vector of
    /// labels at a time over all the rows, keeping the running sums in registers rather than loading and storing the
    /// scores once per row, so the rows' loads (cache misses, mostly: the table is tens of megabytes) overlap. Each
    /// label still adds the rows in the same order, so every score is the same float as when adding row after row.
    /// </summary>
    public static void AddRows(Span<float> scores, float[] weights, ReadOnlySpan<int> rows)
    {
        int labels = scores.Length;
        int rowCount = weights.Length / Math.Max(1, labels);
        foreach (int row in rows)
        {
            if ((uint)row >= (uint)rowCount)
                throw new ArgumentOutOfRangeException(nameof(rows), row, "no such weight row");
        }
        ref float first = ref MemoryMarshal.GetArrayDataReference(weights);
        // The recogniser's labels, two 8-wide vectors and one more, take one pass over the rows: the three running
        // sums then add in parallel instead of one after another, each still over the rows in the same order.
        if (labels == 2 * Vector256<float>.Count + 1 && Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.Create(scores[..Vector256<float>.Count]);
            var high = Vector256.Create(scores.Slice(Vector256<float>.Count, Vector256<float>.Count));
            float last = scores[labels - 1];
            foreach (int row in rows)
            {
                nuint at = (nuint)(row * labels);
                low += Vector256.LoadUnsafe(ref first, at);
                high += Vector256.LoadUnsafe(ref first, at + (nuint)Vector256<float>.Count);
                last += Unsafe.Add(ref first, at + (nuint)(labels - 1));
            }
            low.CopyTo(scores);
            high.CopyTo(scores[Vector256<float>.Count..]);
            scores[labels - 1] = last;
            return;
        }
        // A tag set of five to eight labels (the attribution tagger's 7) takes one pass with two 4-wide vectors that
        // overlap in the middle: each label still sums the rows in the same order, so the labels both vectors hold
        // come out as the same float from either.
        if (labels > Vector128<float>.Count && labels <= 2 * Vector128<float>.Count && labels < Vector<float>.Count && Vector128.IsHardwareAccelerated)
        {
            int upper = labels - Vector128<float>.Count;
            var low = Vector128.Create(scores[..Vector128<float>.Count]);
            var high = Vector128.Create(scores.Slice(upper, Vector128<float>.Count));
            foreach (int row in rows)
            {
                nuint at = (nuint)(row * labels);
                low += Vector128.LoadUnsafe(ref first, at);
                high += Vector128.LoadUnsafe(ref first, at + (nuint)upper);
            }
            low.CopyTo(scores);
            high.CopyTo(scores[upper..]);
            return;
        }
        int l = 0;
        for (; l <= labels - Vector<float>.Count; l += Vector<float>.Count)
        {
            var sum = new Vector<float>(scores[l..]);
            foreach (int row in rows)
                sum += Vector.LoadUnsafe(ref first, (nuint)(row * labels + l));
            sum.CopyTo(scores[l..]);
        }
        // A tag set narrower than the machine's vector (the attribution tagger's 7 labels) still takes 4 at a time;
        // each label's sum runs over the rows in the same order either way, so the floats are the same.
        for (; l <= labels - Vector128<float>.Count; l += Vector128<float>.Count)
        {
            var sum = Vector128.Create(scores.Slice(l, Vector128<float>.Count));
            foreach (int row in rows)
                sum += Vector128.LoadUnsafe(ref first, (nuint)(row * labels + l));
            sum.CopyTo(scores[l..]);
        }
        for (; l < labels; l++)
        {
            float sum = scores[l];
            foreach (int row in rows)
                sum += weights[row * labels + l];
            scores[l] = sum;
        }
    }

    public static void Write(BinaryWriter w, IReadOnlyDictionary<ulong, int> rows, float[] weights, int labels)
    {
        float max = weights.Length == 0 ? 1 : weights.Max(Math.Abs);
        float scale = max == 0 ? 1 : max / short.MaxValue;
        w.Write(rows.Count);
        w.Write(scale);
        Span<short> q = stackalloc short[labels];
        foreach (var (key, row) in rows.OrderBy(p => p.Key))
        {
            int nonZero = 0;
            for (int l = 0; l < labels; l++)
            {
                q[l] = (short)Math.Round(weights[row * labels + l] / scale);
                nonZero += q[l] != 0 ? 1 : 0;
            }
            w.Write(key);
            w.Write((byte)nonZero);
            for (int l = 0; l < labels; l++)
            {
                if (q[l] == 0)
                    continue;
                w.Write((byte)l);
                w.Write(q[l]);
            }
        }
    }

    public static (Dictionary<ulong, int> Rows, float[] Weights) Read(BinaryReader r, int labels)
    {
        int rowCount = r.ReadInt32();
        float scale = r.ReadSingle();
        var rows = new Dictionary<ulong, int>(rowCount);
        var weights = new float[rowCount * labels];
        for (int row = 0; row < rowCount; row++)
        {
            rows[r.ReadUInt64()] = row;
            int nonZero = r.ReadByte();
            for (int k = 0; k < nonZero; k++)
            {
                int label = r.ReadByte();
                if (label >= labels)
                    throw new InvalidDataException($"Weight for label {label} of a {labels}-label model.");
                weights[row * labels + label] = r.ReadInt16() * scale;
            }
        }
        return (rows, weights);
    }
}

/// <summary>Receives a perceptron's corrections during training (the decoders call it; the trainer implements it).</summary>
internal interface IPerceptronUpdate
{
    /// <summary>The decoder chose <paramref name="predicted"/> where <paramref name="gold"/> was right, on these feature rows.</summary>
    void Update(ReadOnlySpan<int> rows, byte gold, byte predicted);

    /// <summary>Called once per token, after any update: the clock of the averaged perceptron.</summary>
    void Next();
}
