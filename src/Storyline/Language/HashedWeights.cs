namespace Storyline.Language;

/// <summary>
/// The weights of a linear model over hashed features (feature hash → one row of per-label scores), as the
/// models in models/ store them: 16-bit fixed point and only where non-zero, since most features speak for few
/// labels. Shared by the named-entity recogniser and the attribution tagger, so both files read the same way.
/// </summary>
internal static class HashedWeights
{
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
