using System.IO.Compression;
using System.Text;
using Storyline.Language;

namespace Storyline.Statements;

/// <summary>
/// A trained attribution tagger: a linear model over hashed features (an averaged perceptron's weights, one row of
/// <see cref="RoleLabels.Count"/> scores per feature), decoded greedily left to right over well-formed BIO sequences.
/// Its word clusters are the recogniser's (models/ner.bin), so they ship once. Immutable; one instance serves every thread.
/// </summary>
internal sealed class RoleModel(Dictionary<ulong, int> rows, float[] weights, float temperature)
{
    private const string Magic = "StorylineRoles";
    private const int Version = 1;

    /// <summary>Softmax temperature that turns a step's scores into the probabilities confidences are made of (fitted on dev).</summary>
    public float Temperature { get; } = temperature;

    public Dictionary<ulong, int> Rows { get; } = rows;

    public float[] Weights { get; } = weights;

    public FeatureTable Table { get; } = new(rows);

    /// <summary>Labels for every token of the paragraph, and the probability of each.</summary>
    public (byte[] Labels, float[] Probabilities) Tag(RoleSequence sequence)
    {
        sequence.Resolve(Table);
        var labels = new byte[sequence.Count];
        var probabilities = new float[sequence.Count];
        RoleDecoder.Decode(sequence, Weights, Table, labels, probabilities, default, null, Temperature);
        sequence.Release();
        return (labels, probabilities);
    }

    public void Save(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(RoleLabels.Count);
        w.Write(Temperature);
        HashedWeights.Write(w, Rows, Weights, RoleLabels.Count);
    }

    public static RoleModel Load(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic || r.ReadInt32() != Version || r.ReadInt32() != RoleLabels.Count)
            throw new InvalidDataException("Not a Storyline attribution model of this version.");
        float temperature = r.ReadSingle();
        var (rows, weights) = HashedWeights.Read(r, RoleLabels.Count);
        return new RoleModel(rows, weights, temperature);
    }
}

/// <summary>
/// Greedy BIO decoding, shared by inference and training so both see exactly the same features: each token's label
/// is the best-scoring one allowed after the previous label; training corrects each wrong token as it goes.
/// </summary>
internal static class RoleDecoder
{
    public static void Decode(RoleSequence sequence, float[] weights, FeatureTable table, Span<byte> labels, Span<float> probabilities,
        ReadOnlySpan<byte> gold, IPerceptronUpdate? update, float temperature = 1)
    {
        Span<ulong> features = stackalloc ulong[RoleSequence.MaxDynamic];
        Span<int> dynamicRows = stackalloc int[RoleSequence.MaxDynamic];
        Span<float> scores = stackalloc float[RoleLabels.Count];
        int[] rowsBuffer = update is null ? [] : new int[RoleSequence.MaxStatic + RoleSequence.MaxDynamic];
        int seen = 0;
        for (int i = 0; i < sequence.Count; i++)
        {
            if (sequence.StartsSentence(i))
                seen = 0;
            byte y1 = i > 0 ? labels[i - 1] : RoleSequence.NoLabel;
            byte y2 = i > 1 ? labels[i - 2] : RoleSequence.NoLabel;
            scores.Clear();
            var staticRows = sequence.StaticIds(i);
            foreach (int row in staticRows)
                Add(scores, weights, row);
            int nd = 0;
            foreach (ulong feature in features[..sequence.DynamicFeatures(i, y1, y2, seen, features)])
            {
                int row = table[feature];
                if (row >= 0)
                    dynamicRows[nd++] = row;
            }
            foreach (int row in dynamicRows[..nd])
                Add(scores, weights, row);
            byte previous = i > 0 ? labels[i - 1] : RoleLabels.Outside;
            float max = float.NegativeInfinity;
            byte argmax = RoleLabels.Outside;
            for (byte l = 0; l < RoleLabels.Count; l++)
            {
                if (!RoleLabels.Allowed(previous, l))
                    scores[l] = float.NaN;
                else if (scores[l] > max)
                    (max, argmax) = (scores[l], l);
            }
            if (update is not null)
            {
                // After a wrong label the gold one may be ill-formed (I-Content after O): the right choice from
                // here is then to begin the gold role anew, and that is what the model is taught.
                byte target = RoleLabels.Allowed(previous, gold[i]) ? gold[i] : RoleLabels.Begin(RoleLabels.RoleOf(gold[i]));
                if (argmax != target)
                {
                    staticRows.CopyTo(rowsBuffer);
                    dynamicRows[..nd].CopyTo(rowsBuffer.AsSpan(staticRows.Length));
                    update.Update(rowsBuffer.AsSpan(0, staticRows.Length + nd), target, argmax);
                }
                update.Next();
            }
            labels[i] = argmax;
            if (!probabilities.IsEmpty)
            {
                double z = 0;
                foreach (float x in scores)
                {
                    if (!float.IsNaN(x))
                        z += Math.Exp((x - max) / temperature);
                }
                probabilities[i] = (float)(1 / z);
            }
            seen |= 1 << (int)RoleLabels.RoleOf(argmax);
        }
    }

    private static void Add(Span<float> scores, float[] weights, int row)
    {
        var w = weights.AsSpan(row * RoleLabels.Count, RoleLabels.Count);
        for (int l = 0; l < RoleLabels.Count; l++)
            scores[l] += w[l];
    }
}
