using System.IO.Compression;
using System.Text;

namespace Storyline.Language;

/// <summary>
/// A trained recogniser: a linear model over hashed features (an averaged perceptron's weights, one row of
/// <see cref="NerLabels.Count"/> scores per feature) plus the clusters and gazetteer its features read.
/// Decoding is a beam search, left to right, restricted to well-formed BILOU sequences. Immutable once built, so one
/// instance serves every thread.
/// </summary>
internal sealed class NerModel(NerResources resources, Dictionary<ulong, int> rows, float[] weights, float temperature = 1, float[]? dense = null)
{
    private const string Magic = "StorylineNER";
    // Version 4 adds word vectors and their weights; version 3 files (without them) still load.
    private const int Version = 4;

    /// <summary>Softmax temperature of each decoding step's scores, tuned on dev; 0 sums the raw scores (a model trained on whole sequences).</summary>
    public float Temperature { get; } = temperature;

    public NerResources Resources { get; } = resources;

    /// <summary>Feature hash → row of <see cref="Weights"/>.</summary>
    public Dictionary<ulong, int> Rows { get; } = rows;

    public float[] Weights { get; } = weights;

    /// <summary>Weights of the word vectors' dimensions (<see cref="WordVectors.Dimensions"/> rows of one per label; empty without vectors).</summary>
    public float[] Dense { get; } = dense ?? [];

    private FeatureTable? _table;

    /// <summary>The same map as <see cref="Rows"/>, laid out for fast lookups (built on first use: decoding reads <see cref="Decoding"/>).</summary>
    public FeatureTable Table => _table ??= new FeatureTable(Rows);

    /// <summary>
    /// The rows <see cref="Tag"/> decodes with: only those with a non-zero weight. Most of a trained model's features
    /// quantise to all-zero rows (three in four of the shipped model's), and adding a zero leaves every score the same
    /// float (a sum that starts at +0 never becomes −0), so leaving them out changes no label. It makes the table and
    /// the weights small enough to stay in the processor's caches, where the whole map missed them on nearly every lookup.
    /// </summary>
    private (FeatureTable Table, float[] Weights) Decoding => _decoding.Value;

    // Built on first use: the trainer makes models it never decodes with (one without weights, as a placeholder).
    private readonly Lazy<(FeatureTable, float[])> _decoding = new(() => NonZero(rows, weights), LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static NerDocument.FormCache? t_forms;

    /// <summary>The calling thread's cache of word forms for decoding with this model (see <see cref="NerDocument.FormCache"/>).</summary>
    public NerDocument.FormCache Forms
    {
        get
        {
            var table = Decoding.Table;
            return t_forms is { } forms && forms.Table == table ? forms : t_forms = new NerDocument.FormCache(Resources, table);
        }
    }

    /// <summary>Labels for every token of the document.</summary>
    public byte[] Tag(NerDocument document)
    {
        var (table, decodeWeights) = Decoding;
        document.Resolve(table);
        var labels = new byte[document.Count];
        NerDecoder.Decode(document, decodeWeights, table, labels, default, null, NerDecoder.DefaultBeam, Temperature, Dense);
        document.Release();
        return labels;
    }

    private static (FeatureTable, float[]) NonZero(Dictionary<ulong, int> rows, float[] weights)
    {
        const int Labels = NerLabels.Count;
        var kept = new Dictionary<ulong, int>();
        var compact = new List<float>();
        foreach (var (feature, row) in rows.OrderBy(p => p.Value))
        {
            var w = weights.AsSpan(row * Labels, Labels);
            if (!w.ContainsAnyExcept(0f))
                continue;
            kept[feature] = kept.Count;
            compact.AddRange(w);
        }
        return (new FeatureTable(kept), [.. compact]);
    }

    public void Save(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionLevel.Optimal, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        // A model without word vectors is written as version 3, byte for byte what it was before they existed.
        bool vectors = Dense.Length > 0 || Resources.Vectors.Count > 0;
        w.Write(Magic);
        w.Write(vectors ? Version : 3);
        w.Write(NerLabels.Count);
        w.Write(Temperature);
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
        HashedWeights.Write(w, Rows, Weights, NerLabels.Count);
        if (!vectors)
            return;
        w.Write(Resources.Vectors.Count);
        foreach (var (key, row) in Resources.Vectors.Rows.OrderBy(p => p.Key))
        {
            w.Write(key);
            w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Resources.Vectors.Of(row)));
        }
        w.Write(Dense.Length);
        foreach (float x in Dense)
            w.Write(x);
    }

    public static NerModel Load(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
        int version = r.ReadString() == Magic ? r.ReadInt32() : -1;
        if (version is not (3 or Version) || r.ReadInt32() != NerLabels.Count)
            throw new InvalidDataException("Not a Storyline NER model of this version.");
        float temperature = r.ReadSingle();
        int clusterCount = r.ReadInt32();
        var clusters = new Dictionary<ulong, ulong>(clusterCount);
        for (int i = 0; i < clusterCount; i++)
            clusters[r.ReadUInt64()] = r.ReadUInt64();
        int nameCount = r.ReadInt32();
        var names = new Dictionary<ulong, byte>(nameCount);
        for (int i = 0; i < nameCount; i++)
            names[r.ReadUInt64()] = r.ReadByte();
        var (rows, weights) = HashedWeights.Read(r, NerLabels.Count);
        if (version == 3)
            return new NerModel(new NerResources(clusters, names), rows, weights, temperature);
        int vectorCount = r.ReadInt32();
        var vectorRows = new Dictionary<ulong, int>(vectorCount);
        var values = new sbyte[vectorCount * WordVectors.Dimensions];
        for (int i = 0; i < vectorCount; i++)
        {
            vectorRows[r.ReadUInt64()] = i;
            var row = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan(i * WordVectors.Dimensions, WordVectors.Dimensions));
            for (int read = 0; read < row.Length;)
            {
                int n = r.Read(row[read..]);
                read += n > 0 ? n : throw new EndOfStreamException("The NER model's word vectors are cut short.");
            }
        }
        var dense = new float[r.ReadInt32()];
        if (dense.Length is not 0 && dense.Length != WordVectors.Dimensions * NerLabels.Count)
            throw new InvalidDataException($"{dense.Length} vector weights in a model of {NerLabels.Count} labels.");
        for (int i = 0; i < dense.Length; i++)
            dense[i] = r.ReadSingle();
        return new NerModel(new NerResources(clusters, names, new WordVectors(vectorRows, values)), rows, weights, temperature, dense);
    }
}

/// <summary>
/// Beam-search BILOU decoding, shared by inference and training so both see exactly the same features. The beam
/// keeps the best few label sequences of each sentence, so one poor choice ("Texas/B-ORG" before "Open") can still
/// be undone by the words after it. Greedy training decodes here with a beam of one and corrects each wrong token;
/// the shipped model is trained on whole sentences instead (Storyline.Train's BeamTraining), with the same features.
/// </summary>
internal static class NerDecoder
{
    public const int DefaultBeam = 4;

    public static void Decode(NerDocument document, float[] weights, FeatureTable table, Span<byte> labels, ReadOnlySpan<byte> gold,
        IPerceptronUpdate? update, int beam = DefaultBeam, float temperature = 1, float[]? dense = null)
    {
        if (update is not null)
            beam = 1;
        // Each sentence sees the labels given to its words in the sentences before it. (A second pass, letting a
        // headline see the body below it, scored the same on dev at twice the cost.)
        var history = new NerDocument.History();
        var labelRows = new LabelRows(table);
        Span<ulong> features = stackalloc ulong[NerDocument.MaxDynamic];
        Span<float> staticScores = stackalloc float[NerLabels.Count];
        const int OnStack = 16;
        Span<float> parentScores = beam <= OnStack ? stackalloc float[OnStack * NerLabels.Count] : new float[beam * NerLabels.Count];
        Span<int> pairs = beam <= OnStack ? stackalloc int[OnStack] : new int[beam];
        Span<int> dynamicRows = stackalloc int[NerDocument.MaxDynamic];
        Span<int> historyRows = stackalloc int[NerDocument.MaxDynamic];
        int[] rowsBuffer = update is null ? [] : new int[NerDocument.MaxStatic + NerDocument.MaxDynamic];
        var lattice = BeamLattice.For(document, beam);
        foreach (var (first, count) in document.Sentences)
        {
            for (int i = 0; i < count; i++)
            {
                int token = first + i;
                var staticRows = document.StaticIds(token);
                staticScores.Clear();
                document.AddVector(token, staticScores, dense);
                HashedWeights.AddRows(staticScores, weights, staticRows);
                // The history is the same for every label sequence of this sentence, so its rows are found once.
                int historyCount = table.KnownRows(features[..document.HistoryFeatures(token, history, features)], historyRows);
                bool last = i == count - 1;
                lattice.Open(i);
                for (int p = 0, parents = lattice.Parents(i); p < parents; p++)
                {
                    var (y1, y2, baseScore) = lattice.Prefix(i, p);
                    var scores = parentScores.Slice(p * NerLabels.Count, NerLabels.Count);
                    // Sequences that differ only before the last two labels score this token alike (the history is
                    // the sentence's), so a second one with the same two takes the first one's scores.
                    pairs[p] = y1 << 8 | y2;
                    int same = update is null ? pairs[..p].IndexOf(pairs[p]) : -1;
                    int nd = 0;
                    if (same >= 0)
                    {
                        parentScores.Slice(same * NerLabels.Count, NerLabels.Count).CopyTo(scores);
                    }
                    else
                    {
                        // Rows in the order of NerDocument.DynamicFeatures, so scores add up exactly as in training.
                        nd = labelRows.Of(y1, y2, dynamicRows);
                        nd += document.LabelWordRows(token, y1, table, dynamicRows[nd..]);
                        historyRows[..historyCount].CopyTo(dynamicRows[nd..]);
                        nd += historyCount;
                        staticScores.CopyTo(scores);
                        HashedWeights.AddRows(scores, weights, dynamicRows[..nd]);
                    }
                    byte previous = i == 0 ? NerLabels.Outside : y1;
                    var allowed = NerLabels.Following(previous, last);
                    // Scores of a locally trained model are only comparable within one step, so each step's are
                    // turned into log-probabilities (a softmax at the temperature tuned on dev) before summing.
                    float max = float.NegativeInfinity;
                    byte argmax = NerLabels.Outside;
                    if (update is not null || temperature > 0)
                    {
                        foreach (byte l in allowed)
                        {
                            if (scores[l] > max)
                                (max, argmax) = (scores[l], l);
                        }
                    }
                    if (update is not null)
                    {
                        if (argmax != gold[token])
                        {
                            staticRows.CopyTo(rowsBuffer);
                            dynamicRows[..nd].CopyTo(rowsBuffer.AsSpan(staticRows.Length));
                            update.Update(rowsBuffer.AsSpan(0, staticRows.Length + nd), gold[token], argmax);
                        }
                        update.Next();
                    }
                    // A model trained on whole sequences (temperature 0) has scores that add up across steps as they are.
                    double logZ = temperature > 0 ? LogSumExp(scores, allowed, max, temperature) : 0;
                    foreach (byte l in allowed)
                    {
                        double step = temperature > 0 ? (scores[l] - max) / temperature - logZ : scores[l];
                        lattice.Offer(i, baseScore + step, p, l);
                    }
                }
            }
            lattice.Backtrack(count - 1, labels.Slice(first, count));
            document.Remember(first, labels.Slice(first, count), history);
        }
    }

    private static double LogSumExp(ReadOnlySpan<float> scores, ReadOnlySpan<byte> labels, float max, float temperature)
    {
        double z = 0;
        foreach (byte l in labels)
            z += Math.Exp((scores[l] - max) / temperature);
        return Math.Log(z);
    }

    /// <summary>
    /// The rows of the label-only features (previous label, previous two), looked up once per label pair: there are
    /// few pairs, and every token of every sentence asks for them.
    /// </summary>
    private readonly struct LabelRows(FeatureTable table)
    {
        private const int Values = NerLabels.Count + 1;
        private const int Unknown = int.MinValue;
        private readonly int[] _rows = NewRows();

        private static int[] NewRows()
        {
            var rows = new int[Values * Values * 2];
            Array.Fill(rows, Unknown);
            return rows;
        }

        /// <summary>Writes the known rows of the pair's features (previous label first); returns how many.</summary>
        public int Of(byte y1, byte y2, Span<int> rows)
        {
            int at = 2 * (Index(y2) * Values + Index(y1));
            if (_rows[at] == Unknown)
            {
                var (label1, label2) = NerDocument.LabelFeatures(y1, y2);
                (_rows[at], _rows[at + 1]) = (table[label1], table[label2]);
            }
            int n = 0;
            if (_rows[at] >= 0)
                rows[n++] = _rows[at];
            if (_rows[at + 1] >= 0)
                rows[n++] = _rows[at + 1];
            return n;
        }

        private static int Index(byte label) => label == NerDocument.NoLabel ? NerLabels.Count : label;
    }
}
