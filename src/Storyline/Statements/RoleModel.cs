using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Storyline.Language;

namespace Storyline.Statements;

/// <summary>
/// A trained attribution tagger: a linear model over hashed features (an averaged perceptron's weights, one row of
/// <see cref="RoleLabels.Count"/> scores per feature), decoded by a beam search over well-formed BIO sequences
/// (<see cref="RoleDecoder"/>; a beam of one is greedy). Its word clusters are the recogniser's (models/ner.bin), so
/// they ship once. Immutable; one instance serves every thread.
/// </summary>
internal sealed class RoleModel(Dictionary<ulong, int> rows, float[] weights, float temperature, int beam = 1)
{
    private const string Magic = "StorylineRoles";
    private const int Version = 2;

    /// <summary>Softmax temperature that turns a step's scores into the probabilities confidences are made of (fitted on dev).</summary>
    public float Temperature { get; } = temperature;

    public Dictionary<ulong, int> Rows { get; } = rows;

    public float[] Weights { get; } = weights;

    /// <summary>Label sequences the decoder keeps per token: the width the model was trained with (1 = greedy).</summary>
    public int Beam { get; } = beam;

    public FeatureTable Table { get; } = new(rows);

    /// <summary>Labels for every token of the paragraph, and the probability of each.</summary>
    public (byte[] Labels, float[] Probabilities) Tag(RoleSequence sequence)
    {
        sequence.Resolve(Table);
        var labels = new byte[sequence.Count];
        var probabilities = new float[sequence.Count];
        RoleDecoder.Decode(sequence, Weights, Table, Beam, labels, probabilities, Temperature);
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
        w.Write(Beam);
        HashedWeights.Write(w, Rows, Weights, RoleLabels.Count);
    }

    public static RoleModel Load(Stream stream)
    {
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic || r.ReadInt32() != Version || r.ReadInt32() != RoleLabels.Count)
            throw new InvalidDataException("Not a Storyline attribution model of this version.");
        float temperature = r.ReadSingle();
        int beam = r.ReadInt32();
        if (beam is < 1 or > RoleDecoder.MaxBeam)
            throw new InvalidDataException($"Attribution model with a beam of {beam} (1 to {RoleDecoder.MaxBeam} expected).");
        var (rows, weights) = HashedWeights.Read(r, RoleLabels.Count);
        return new RoleModel(rows, weights, temperature, beam);
    }
}

/// <summary>A perceptron the structured trainer updates: weights of some rows moved for one label.</summary>
internal interface IRoleUpdate
{
    /// <summary>Adds <paramref name="delta"/> to the weight of <paramref name="label"/> in each of <paramref name="rows"/>.</summary>
    void Add(ReadOnlySpan<int> rows, byte label, float delta);

    /// <summary>Called once per token decoded: the clock of the averaged perceptron.</summary>
    void Next();
}

/// <summary>
/// Beam-search BIO decoding, shared by inference and training so both see exactly the same features. The score of
/// a label sequence is the sum of its tokens' scores (a structured perceptron's: Collins 2002), so the beam keeps
/// the best few sequences of the paragraph, and a content need not be begun or ended on one token's evidence
/// alone (greedy decoding, a beam of one, ran contents on into the next sentence or began them a word late).
/// Training is LaSO's (Daumé &amp; Marcu 2005): where the gold prefix falls out of the beam, the features of the gold
/// prefix are rewarded and those of the beam's best prefix penalised, and the search goes on from the gold prefix.
/// </summary>
internal static class RoleDecoder
{
    public const int MaxBeam = 32;

    /// <summary>The best labels for <paramref name="sequence"/> (resolved) and each label's local probability.</summary>
    public static void Decode(RoleSequence sequence, float[] weights, FeatureTable table, int beam, Span<byte> labels, Span<float> probabilities, float temperature = 1) =>
        new Search(sequence, weights, table, beam).Run(labels, probabilities, temperature, default, null);

    /// <summary>Decodes against <paramref name="gold"/>, updating where it leaves the beam; returns whether it did.</summary>
    public static bool Train(RoleSequence sequence, float[] weights, FeatureTable table, int beam, ReadOnlySpan<byte> gold, IRoleUpdate update) =>
        new Search(sequence, weights, table, beam).Run(new byte[sequence.Count], default, 1, gold, update);

    /// <summary>
    /// The arrays of a beam search, reused by the searches of one thread: a paragraph's lattice runs to tens of
    /// kilobytes, and allocating one per paragraph kept the collector busy. Contents are never read before written.
    /// </summary>
    private sealed class Lattice
    {
        /// <summary>Lattices for longer paragraphs than this (tokens × beam) are not kept for the next search.</summary>
        private const int MaxKept = 1 << 16;

        [ThreadStatic]
        private static Lattice? t_kept;

        public int[] Count = [];
        public byte[] Label = [];
        public int[] Parent = [];
        public double[] Score = [];
        public int[] Seen = [];
        public float[] Probability = [];

        public static Lattice For(int tokens, int beam)
        {
            int slots = tokens * beam;
            var lattice = slots <= MaxKept ? t_kept ??= new Lattice() : new Lattice();
            if (lattice.Label.Length < slots || lattice.Count.Length < tokens)
            {
                int size = Math.Max(slots, Math.Min(MaxKept, 2 * lattice.Label.Length));
                (lattice.Label, lattice.Parent, lattice.Score, lattice.Seen, lattice.Probability) = (new byte[size], new int[size], new double[size], new int[size], new float[size]);
                lattice.Count = new int[Math.Max(tokens, size / beam)];
            }
            return lattice;
        }
    }

    /// <summary>The beam over one paragraph: per token and slot the label, the slot it extends, its running score and sentence roles.</summary>
    private sealed class Search(RoleSequence sequence, float[] weights, FeatureTable table, int beam)
    {
        private readonly int _beam = Math.Clamp(beam, 1, MaxBeam);
        private readonly Lattice _lattice = Lattice.For(sequence.Count, Math.Clamp(beam, 1, MaxBeam));
        private readonly RoleLabelRows _labelRows = RoleLabelRows.For(table);

        public bool Run(Span<byte> labels, Span<float> probabilities, float temperature, ReadOnlySpan<byte> gold, IRoleUpdate? update)
        {
            int n = sequence.Count;
            if (n == 0)
                return false;
            Span<float> staticScores = stackalloc float[RoleLabels.Count];
            Span<float> scores = stackalloc float[RoleLabels.Count];
            Span<int> dynamicRows = stackalloc int[RoleSequence.MaxDynamic];
            // The rows of the label features that read the token's words, per previous label (see LookUpLabelWords).
            Span<int> wordRows = stackalloc int[RoleLabelRows.Previous * RoleLabelRows.WordFeatures];
            Span<int> historyKeys = stackalloc int[_beam];
            Span<float> historyScores = stackalloc float[_beam * RoleLabels.Count];
            // The scores of the features that read only the previous label, once per label (and the one before the first).
            Span<float> labelScores = stackalloc float[(RoleLabels.Count + 1) * RoleLabels.Count];
            bool training = update is not null;
            // The gold prefix: its score, whether it is still in the beam (and where), and the step it trails most.
            double goldScore = 0;
            int goldSlot = 0, goldSeen = 0;
            bool updated = false;
            for (int i = 0; i < n; i++)
            {
                bool starts = sequence.StartsSentence(i);
                staticScores.Clear();
                HashedWeights.AddRows(staticScores, weights, sequence.StaticIds(i));
                int at = i * _beam, kept = 0, histories = 0, labelsScored = 0;
                int parents = i == 0 ? 1 : _lattice.Count[i - 1];
                LookUpLabelWords(i, parents, wordRows);
                for (int p = 0; p < parents; p++)
                {
                    int slot = (i - 1) * _beam + p;
                    byte y1 = i > 0 ? _lattice.Label[slot] : RoleSequence.NoLabel;
                    byte y2 = i > 1 ? _lattice.Label[(i - 2) * _beam + _lattice.Parent[slot]] : RoleSequence.NoLabel;
                    int seen = i == 0 || starts ? 0 : _lattice.Seen[slot];
                    double baseScore = i > 0 ? _lattice.Score[slot] : 0;
                    // Sequences that differ only further back share the label features: score those once, and
                    // the features of the previous label alone once per label.
                    int history = y1 | y2 << 8 | seen << 16;
                    int h = historyKeys[..histories].IndexOf(history);
                    if (h < 0)
                    {
                        h = histories++;
                        historyKeys[h] = history;
                        int y = i > 0 ? y1 : RoleLabels.Count;
                        var byLabel = labelScores.Slice(y * RoleLabels.Count, RoleLabels.Count);
                        if ((labelsScored & 1 << y) == 0)
                        {
                            labelsScored |= 1 << y;
                            staticScores.CopyTo(byLabel);
                            HashedWeights.AddRows(byLabel, weights, dynamicRows[..LabelRows(i, y1, wordRows, dynamicRows)]);
                        }
                        var computed = historyScores.Slice(h * RoleLabels.Count, RoleLabels.Count);
                        byLabel.CopyTo(computed);
                        HashedWeights.AddRows(computed, weights, dynamicRows[..HistoryRows(y1, y2, seen, dynamicRows)]);
                    }
                    historyScores.Slice(h * RoleLabels.Count, RoleLabels.Count).CopyTo(scores);
                    byte previous = i > 0 ? y1 : RoleLabels.Outside;
                    float max = float.NegativeInfinity;
                    for (byte l = 0; l < RoleLabels.Count; l++)
                    {
                        if (!RoleLabels.Allowed(previous, l))
                            scores[l] = float.NaN;
                        else if (scores[l] > max)
                            max = scores[l];
                    }
                    // A full beam takes a sequence only if it beats the worst kept: when even this parent's best
                    // label does not, none of its labels enters, and their probabilities are never needed.
                    if (kept == _beam && !(baseScore + max > _lattice.Score[at + _beam - 1]))
                        continue;
                    double z = 0;
                    foreach (float x in scores)
                    {
                        if (!float.IsNaN(x))
                            z += Math.Exp((x - max) / temperature);
                    }
                    for (byte l = 0; l < RoleLabels.Count; l++)
                    {
                        if (!float.IsNaN(scores[l]) && (kept < _beam || baseScore + scores[l] > _lattice.Score[at + _beam - 1]))
                            kept = Keep(at, kept, baseScore + scores[l], p, l, seen | 1 << (int)RoleLabels.RoleOf(l), (float)(Math.Exp((scores[l] - max) / temperature) / z));
                    }
                }
                _lattice.Count[i] = kept;
                if (!training)
                    continue;
                // The gold prefix's own score, with its own history; and whether the beam still holds it.
                byte g = gold[i];
                byte g1 = i > 0 ? gold[i - 1] : RoleSequence.NoLabel, g2 = i > 1 ? gold[i - 2] : RoleSequence.NoLabel;
                if (starts)
                    goldSeen = 0;
                goldScore += ScoreOf(i, g, g1, g2, goldSeen, dynamicRows);
                goldSeen |= 1 << (int)RoleLabels.RoleOf(g);
                int found = -1;
                if (goldSlot >= 0)
                {
                    for (int k = 0; k < kept; k++)
                    {
                        if (_lattice.Label[at + k] == g && (i == 0 || _lattice.Parent[at + k] == goldSlot))
                        {
                            found = k;
                            break;
                        }
                    }
                }
                if (found < 0)
                {
                    // The gold prefix fell out of the beam: learn from it here and go on from the gold prefix
                    // (LaSO, Daumé & Marcu 2005), so a long paragraph teaches at each of its mistakes, not once.
                    Update(i, gold, update!, dynamicRows);
                    updated = true;
                    (_lattice.Label[at], _lattice.Parent[at], _lattice.Score[at], _lattice.Seen[at]) = (g, i > 0 ? goldSlot : 0, goldScore, goldSeen);
                    _lattice.Count[i] = 1;
                    found = 0;
                }
                goldSlot = found;
                update!.Next();
            }
            int last = n - 1;
            for (int i = last, k = 0; i >= 0; k = _lattice.Parent[i * _beam + k], i--)
            {
                labels[i] = _lattice.Label[i * _beam + k];
                if (!probabilities.IsEmpty)
                    probabilities[i] = _lattice.Probability[i * _beam + k];
            }
            if (!training)
                return false;
            if (goldSlot != 0)
            {
                Update(last, gold, update!, dynamicRows);
                updated = true;
            }
            return updated;
        }

        /// <summary>Rewards the gold prefix up to <paramref name="step"/> and penalises the beam's best prefix there.</summary>
        private void Update(int step, ReadOnlySpan<byte> gold, IRoleUpdate update, Span<int> rows)
        {
            var predicted = new byte[step + 1];
            for (int i = step, k = 0; i >= 0; k = _lattice.Parent[i * _beam + k], i--)
                predicted[i] = _lattice.Label[i * _beam + k];
            int goldSeen = 0, predictedSeen = 0;
            bool same = true;
            for (int i = 0; i <= step; i++)
            {
                if (sequence.StartsSentence(i))
                    goldSeen = predictedSeen = 0;
                same &= predicted[i] == gold[i];
                if (!same)
                {
                    var staticRows = sequence.StaticIds(i);
                    if (predicted[i] != gold[i])
                    {
                        update.Add(staticRows, gold[i], 1);
                        update.Add(staticRows, predicted[i], -1);
                    }
                    byte g1 = i > 0 ? gold[i - 1] : RoleSequence.NoLabel, g2 = i > 1 ? gold[i - 2] : RoleSequence.NoLabel;
                    update.Add(rows[..DynamicRows(i, g1, g2, goldSeen, rows)], gold[i], 1);
                    byte p1 = i > 0 ? predicted[i - 1] : RoleSequence.NoLabel, p2 = i > 1 ? predicted[i - 2] : RoleSequence.NoLabel;
                    update.Add(rows[..DynamicRows(i, p1, p2, predictedSeen, rows)], predicted[i], -1);
                }
                goldSeen |= 1 << (int)RoleLabels.RoleOf(gold[i]);
                predictedSeen |= 1 << (int)RoleLabels.RoleOf(predicted[i]);
            }
        }

        private double ScoreOf(int i, byte label, byte y1, byte y2, int seen, Span<int> rows)
        {
            double score = 0;
            foreach (int row in sequence.StaticIds(i))
                score += weights[row * RoleLabels.Count + label];
            foreach (int row in rows[..DynamicRows(i, y1, y2, seen, rows)])
                score += weights[row * RoleLabels.Count + label];
            return score;
        }

        private int LabelRows(int i, byte y1, ReadOnlySpan<int> wordRows, Span<int> rows) =>
            _labelRows.Label(sequence, i, y1, wordRows.Slice(RoleLabelRows.IndexOf(y1) * RoleLabelRows.WordFeatures, RoleLabelRows.WordFeatures), rows);

        /// <summary>
        /// Looks up, for every previous label among token <paramref name="i"/>'s parents, the rows of the label
        /// features that read words, all at once: the look-ups are mostly cache misses, and made together they overlap.
        /// </summary>
        private void LookUpLabelWords(int i, int parents, Span<int> wordRows)
        {
            int needed = 0;
            for (int p = 0; p < parents; p++)
                needed |= 1 << RoleLabelRows.IndexOf(i > 0 ? _lattice.Label[(i - 1) * _beam + p] : RoleSequence.NoLabel);
            Span<ulong> features = stackalloc ulong[RoleLabelRows.Previous * RoleLabelRows.WordFeatures];
            Span<int> found = stackalloc int[RoleLabelRows.Previous * RoleLabelRows.WordFeatures];
            int n = 0;
            for (int y = 0; y < RoleLabelRows.Previous; y++)
            {
                if ((needed & 1 << y) != 0)
                    n += RoleLabelRows.WordFeaturesOf(sequence, i, RoleLabelRows.LabelOf(y), features[n..]);
            }
            table.Lookup(features[..n], found[..n]);
            n = 0;
            for (int y = 0; y < RoleLabelRows.Previous; y++)
            {
                if ((needed & 1 << y) == 0)
                    continue;
                found.Slice(n, RoleLabelRows.WordFeatures).CopyTo(wordRows.Slice(y * RoleLabelRows.WordFeatures, RoleLabelRows.WordFeatures));
                n += RoleLabelRows.WordFeatures;
            }
        }

        private int HistoryRows(byte y1, byte y2, int seen, Span<int> rows) => _labelRows.History(y1, y2, seen, rows);

        private int DynamicRows(int i, byte y1, byte y2, int seen, Span<int> rows)
        {
            Span<ulong> features = stackalloc ulong[RoleSequence.MaxDynamic];
            return table.KnownRows(features[..sequence.DynamicFeatures(i, y1, y2, seen, features)], rows);
        }

        /// <summary>Inserts a candidate into token <c>at</c>'s best-first slots if it beats the worst; ties keep the earlier one, so decoding is deterministic.</summary>
        private int Keep(int at, int kept, double score, int parent, byte label, int seen, float probability)
        {
            int k = kept;
            while (k > 0 && score > _lattice.Score[at + k - 1])
                k--;
            if (k >= _beam)
                return kept;
            for (int m = Math.Min(kept, _beam - 1); m > k; m--)
            {
                _lattice.Score[at + m] = _lattice.Score[at + m - 1];
                _lattice.Parent[at + m] = _lattice.Parent[at + m - 1];
                _lattice.Label[at + m] = _lattice.Label[at + m - 1];
                _lattice.Seen[at + m] = _lattice.Seen[at + m - 1];
                _lattice.Probability[at + m] = _lattice.Probability[at + m - 1];
            }
            (_lattice.Score[at + k], _lattice.Parent[at + k], _lattice.Label[at + k], _lattice.Seen[at + k], _lattice.Probability[at + k]) = (score, parent, label, seen, probability);
            return Math.Min(kept + 1, _beam);
        }
    }
}

/// <summary>
/// The weight rows of the label features that read only small facts (the previous labels, a token's quotation state,
/// cue class and sentence boundary, the roles the sentence has had), for every value those can take, resolved once
/// per feature table rather than hashed and looked up at every token and beam entry. The rows come in the order
/// <see cref="RoleSequence.LabelFeatures"/> and <see cref="RoleSequence.HistoryFeatures"/> write the features, so the
/// decoder adds up the same floats.
/// </summary>
internal sealed class RoleLabelRows
{
    // Index of a previous label: 0–6, and 7 for none (before the first token).
    private const int Labels = RoleLabels.Count + 1, Seen = 16;

    private static readonly ConditionalWeakTable<FeatureTable, RoleLabelRows> Resolved = [];

    private readonly int[] _label1 = new int[Labels];
    private readonly int[] _quote = new int[Labels * RoleSequence.QuoteStates];
    private readonly int[] _cue = new int[Labels * RoleSequence.CueClasses];
    private readonly int[] _boundary = new int[Labels * RoleSequence.Boundaries * RoleSequence.QuoteStates];
    private readonly int[] _label2 = new int[Labels * Labels];
    private readonly int[] _seen = new int[Labels * Seen];

    private RoleLabelRows(FeatureTable table)
    {
        for (int y = 0; y < Labels; y++)
        {
            byte y1 = LabelOf(y);
            _label1[y] = table[RoleSequence.Label1Feature(y1)];
            for (byte q = 0; q < RoleSequence.QuoteStates; q++)
            {
                _quote[y * RoleSequence.QuoteStates + q] = table[RoleSequence.Label1QuoteFeature(y1, q)];
                for (byte b = 0; b < RoleSequence.Boundaries; b++)
                    _boundary[(y * RoleSequence.Boundaries + b) * RoleSequence.QuoteStates + q] = table[RoleSequence.Label1BoundaryFeature(y1, b, q)];
            }
            for (byte c = 0; c < RoleSequence.CueClasses; c++)
                _cue[y * RoleSequence.CueClasses + c] = table[RoleSequence.Label1CueFeature(y1, c)];
            for (int y2 = 0; y2 < Labels; y2++)
                _label2[y * Labels + y2] = table[RoleSequence.Label2Feature(y1, LabelOf(y2))];
            for (int seen = 0; seen < Seen; seen++)
                _seen[y * Seen + seen] = table[RoleSequence.SeenFeature(y1, seen)];
        }
    }

    public static RoleLabelRows For(FeatureTable table) => Resolved.GetValue(table, t => new RoleLabelRows(t));

    /// <summary>The previous label at <paramref name="index"/> (0–6, and 7 for none), and the index of one.</summary>
    public static byte LabelOf(int index) => index < RoleLabels.Count ? (byte)index : RoleSequence.NoLabel;

    public static int IndexOf(byte label) => label < RoleLabels.Count ? label : RoleLabels.Count;

    /// <summary>How many previous labels there are (the 7, and none), and how many label features read the token's words.</summary>
    public const int Previous = Labels, WordFeatures = 3;

    /// <summary>Writes the label features of token <paramref name="i"/> that read its words (the rest are resolved here); returns how many.</summary>
    public static int WordFeaturesOf(RoleSequence sequence, int i, byte y1, Span<ulong> f)
    {
        f[0] = sequence.Label1WordFeature(i, y1);
        f[1] = sequence.Label1ClusterFeature(i, y1);
        f[2] = sequence.Label1AfterFeature(i, y1);
        return WordFeatures;
    }

    /// <summary>The rows of <see cref="RoleSequence.LabelFeatures"/> the table knows, in their order; returns how many.</summary>
    public int Label(RoleSequence sequence, FeatureTable table, int i, byte y1, Span<int> rows)
    {
        Span<ulong> features = stackalloc ulong[WordFeatures];
        Span<int> wordRows = stackalloc int[WordFeatures];
        table.Lookup(features[..WordFeaturesOf(sequence, i, y1, features)], wordRows);
        return Label(sequence, i, y1, wordRows, rows);
    }

    /// <summary>As the other overload, given the rows of the <see cref="WordFeaturesOf"/> features (-1 for unknown).</summary>
    public int Label(RoleSequence sequence, int i, byte y1, ReadOnlySpan<int> wordRows, Span<int> rows)
    {
        var (quote, cue, boundary) = sequence.LabelContext(i);
        int y = IndexOf(y1), n = 0;
        Add(rows, ref n, _label1[y]);
        Add(rows, ref n, wordRows[0]);
        Add(rows, ref n, _quote[y * RoleSequence.QuoteStates + quote]);
        Add(rows, ref n, _cue[y * RoleSequence.CueClasses + cue]);
        Add(rows, ref n, wordRows[1]);
        Add(rows, ref n, _boundary[(y * RoleSequence.Boundaries + boundary) * RoleSequence.QuoteStates + quote]);
        Add(rows, ref n, wordRows[2]);
        return n;
    }

    /// <summary>The rows of <see cref="RoleSequence.HistoryFeatures"/> the table knows, in their order; returns how many.</summary>
    public int History(byte y1, byte y2, int seen, Span<int> rows)
    {
        int y = IndexOf(y1), n = 0;
        Add(rows, ref n, _label2[y * Labels + IndexOf(y2)]);
        Add(rows, ref n, _seen[y * Seen + seen]);
        return n;
    }

    private static void Add(Span<int> rows, ref int n, int row)
    {
        if (row >= 0)
            rows[n++] = row;
    }
}
