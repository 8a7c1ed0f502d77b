using System.IO.Compression;
using System.Text;

namespace Storyline.Language;

/// <summary>
/// A trained recogniser: a linear model over hashed features (an averaged perceptron's weights, one row of
/// <see cref="NerLabels.Count"/> scores per feature) plus the clusters and gazetteer its features read.
/// Decoding is greedy, left to right, restricted to well-formed BILOU sequences. Immutable once built, so one
/// instance serves every thread.
/// </summary>
internal sealed class NerModel(NerResources resources, Dictionary<ulong, int> rows, float[] weights)
{
    private const string Magic = "StorylineNER";
    private const int Version = 1;

    public NerResources Resources { get; } = resources;

    /// <summary>Feature hash → row of <see cref="Weights"/>.</summary>
    public Dictionary<ulong, int> Rows { get; } = rows;

    public float[] Weights { get; } = weights;

    public int Row(ulong feature) => Rows.TryGetValue(feature, out int row) ? row : -1;

    /// <summary>Labels for every token of the document.</summary>
    public byte[] Tag(NerDocument document)
    {
        document.Resolve(Row);
        var labels = new byte[document.Count];
        NerDecoder.Decode(document, Weights, Row, labels, default, null);
        return labels;
    }

    public void Save(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(NerLabels.Count);
        w.Write(Resources.Clusters.Count);
        foreach (var (key, value) in Resources.Clusters.OrderBy(p => p.Key))
        {
            w.Write(key);
            w.Write(value);
        }
        w.Write(Resources.Gazetteer.Count);
        foreach (var (key, value) in Resources.Gazetteer.OrderBy(p => p.Key))
        {
            w.Write(key);
            w.Write(value);
        }
        // Weights are stored as 16-bit fixed point and only where non-zero: most features speak for few labels.
        float max = Weights.Length == 0 ? 1 : Weights.Max(Math.Abs);
        float scale = max == 0 ? 1 : max / short.MaxValue;
        w.Write(Rows.Count);
        w.Write(scale);
        Span<short> q = stackalloc short[NerLabels.Count];
        foreach (var (key, row) in Rows.OrderBy(p => p.Key))
        {
            int nonZero = 0;
            for (int l = 0; l < NerLabels.Count; l++)
            {
                q[l] = (short)Math.Round(Weights[row * NerLabels.Count + l] / scale);
                nonZero += q[l] != 0 ? 1 : 0;
            }
            w.Write(key);
            w.Write((byte)nonZero);
            for (int l = 0; l < NerLabels.Count; l++)
            {
                if (q[l] == 0)
                    continue;
                w.Write((byte)l);
                w.Write(q[l]);
            }
        }
    }

    public static NerModel Load(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic || r.ReadInt32() != Version || r.ReadInt32() != NerLabels.Count)
            throw new InvalidDataException("Not a Storyline NER model of this version.");
        int clusterCount = r.ReadInt32();
        var clusters = new Dictionary<ulong, uint>(clusterCount);
        for (int i = 0; i < clusterCount; i++)
            clusters[r.ReadUInt64()] = r.ReadUInt32();
        int nameCount = r.ReadInt32();
        var names = new Dictionary<ulong, byte>(nameCount);
        for (int i = 0; i < nameCount; i++)
            names[r.ReadUInt64()] = r.ReadByte();
        int rowCount = r.ReadInt32();
        float scale = r.ReadSingle();
        var rows = new Dictionary<ulong, int>(rowCount);
        var weights = new float[rowCount * NerLabels.Count];
        for (int row = 0; row < rowCount; row++)
        {
            rows[r.ReadUInt64()] = row;
            int nonZero = r.ReadByte();
            for (int k = 0; k < nonZero; k++)
            {
                int label = r.ReadByte();
                weights[row * NerLabels.Count + label] = r.ReadInt16() * scale;
            }
        }
        return new NerModel(new NerResources(clusters, names), rows, weights);
    }
}

/// <summary>Receives the perceptron's corrections during training.</summary>
internal interface INerUpdate
{
    /// <summary>The decoder chose <paramref name="predicted"/> where <paramref name="gold"/> was right, on these feature rows.</summary>
    void Update(ReadOnlySpan<int> rows, byte gold, byte predicted);

    /// <summary>Called once per token, after any update: the clock of the averaged perceptron.</summary>
    void Next();
}

/// <summary>Greedy BILOU decoding, shared by inference and training so both see exactly the same features.</summary>
internal static class NerDecoder
{
    public static void Decode(NerDocument document, float[] weights, Func<ulong, int> row, Span<byte> labels, ReadOnlySpan<byte> gold, INerUpdate? update)
    {
        var history = new NerDocument.History();
        Span<ulong> dynamicFeatures = stackalloc ulong[NerDocument.MaxDynamic];
        Span<float> scores = stackalloc float[NerLabels.Count];
        int[] rowsBuffer = new int[NerDocument.MaxStatic + NerDocument.MaxDynamic];
        foreach (var (first, count) in document.Sentences)
        {
            for (int i = first; i < first + count; i++)
            {
                var staticRows = document.StaticIds(i);
                staticRows.CopyTo(rowsBuffer);
                int n = staticRows.Length;
                int dynamicCount = document.DynamicFeatures(i, labels, history, dynamicFeatures);
                for (int f = 0; f < dynamicCount; f++)
                {
                    int id = row(dynamicFeatures[f]);
                    if (id >= 0)
                        rowsBuffer[n++] = id;
                }
                var rows = rowsBuffer.AsSpan(0, n);
                scores.Clear();
                foreach (int id in rows)
                {
                    var w = weights.AsSpan(id * NerLabels.Count, NerLabels.Count);
                    for (int l = 0; l < NerLabels.Count; l++)
                        scores[l] += w[l];
                }
                byte previous = i > first ? labels[i - 1] : NerLabels.Outside;
                bool last = i == first + count - 1;
                byte best = NerLabels.Outside;
                float bestScore = float.NegativeInfinity;
                for (byte l = 0; l < NerLabels.Count; l++)
                {
                    if (!NerLabels.Allowed(previous, l) || (last && !NerLabels.CanEnd(l)))
                        continue;
                    if (scores[l] > bestScore)
                    {
                        bestScore = scores[l];
                        best = l;
                    }
                }
                if (update is not null)
                {
                    if (best != gold[i])
                        update.Update(rows, gold[i], best);
                    update.Next();
                }
                labels[i] = best;
                document.Remember(i, best, history);
            }
        }
    }
}
