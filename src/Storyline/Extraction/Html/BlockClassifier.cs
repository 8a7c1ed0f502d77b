using System.Runtime.InteropServices;
using Storyline.Language;

namespace Storyline.Extraction.Html;

/// <summary>
/// A logistic regression over text-block features, trained by <c>tools/Storyline.Train blocks-train</c> on NAEB's
/// train split (see models/blocks.md). It reads the heuristics' choice as one of its features and gives the final
/// keep/drop for every block of the page: it learns where the heuristics keep boilerplate (product tables, embedded
/// posts, teasers after the article) and which blocks they miss (standfirsts, key-point lists).
/// The shipped model is embedded and loaded once, on first use.
/// </summary>
internal sealed class BlockClassifier
{
    internal const string ResourceName = "Storyline.models.blocks.bin";

    /// <summary>File signature and version of the model format.</summary>
    private const uint Magic = 0x4B424C53; // "SLBK"
    private const int Version = 1;

    private static readonly Lazy<BlockClassifier?> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The classifier with the shipped model, or null when the assembly was built without one.</summary>
    public static BlockClassifier? Default => Shipped.Value;

    private readonly float[] _weights;

    /// <summary>A block is kept when the model's probability reaches this (chosen on NAEB dev).</summary>
    public double Threshold { get; }

    public BlockClassifier(float[] weights, double threshold)
    {
        if (weights.Length == 0 || (weights.Length & (weights.Length - 1)) != 0)
            throw new ArgumentException("the weight table's size must be a power of two", nameof(weights));
        _weights = weights;
        Threshold = threshold;
    }

    private static BlockClassifier? LoadShipped()
    {
        using var stream = typeof(BlockClassifier).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }

    /// <summary>Sparse format: magic, version, table size, threshold, count, then (index, weight) pairs.</summary>
    public static BlockClassifier Load(Stream stream)
    {
        using var reader = new BinaryReader(stream);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != Version)
            throw new InvalidDataException("not a block classifier model");
        var weights = new float[reader.ReadInt32()];
        double threshold = reader.ReadDouble();
        int count = reader.ReadInt32();
        for (int i = 0; i < count; i++)
        {
            int index = reader.ReadInt32();
            weights[index] = reader.ReadSingle();
        }
        return new BlockClassifier(weights, threshold);
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(_weights.Length);
        writer.Write(Threshold);
        var nonzero = Enumerable.Range(0, _weights.Length).Where(i => _weights[i] != 0).ToList();
        writer.Write(nonzero.Count);
        foreach (int i in nonzero)
        {
            writer.Write(i);
            writer.Write(_weights[i]);
        }
    }

    /// <summary>The blocks to keep, in page order: those the model gives at least <see cref="Threshold"/>. A page's
    /// &lt;h1&gt; is its headline, which the document carries as its title line, so it is never body.</summary>
    public List<TextBlock> Select(IReadOnlyList<TextBlock> blocks, IReadOnlyList<TextBlock> heuristic)
    {
        var kept = new List<TextBlock>();
        var features = new List<int>(48);
        var chosen = BlockFeatures.Chosen(blocks, heuristic);
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Tag == "h1")
                continue;
            features.Clear();
            BlockFeatures.Of(blocks, chosen, i, _weights.Length - 1, features);
            if (Probability(_weights, CollectionsMarshal.AsSpan(features)) >= Threshold)
                kept.Add(blocks[i]);
        }
        return kept;
    }

    public static double Probability(float[] weights, ReadOnlySpan<int> features)
    {
        double z = 0;
        foreach (int f in features)
            z += weights[f];
        return 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
    }
}

/// <summary>
/// What the block classifier knows of a block: its length, link density, tag and sentence ending; the tags and
/// class/id words of its three nearest containers; whether the heuristics chose it and its neighbours, and where it
/// lies from the chosen region (before, inside, after, and how many blocks away). Each feature is a hashed index
/// into the weight table.
/// </summary>
internal static class BlockFeatures
{
    private static readonly double[] LengthEdges = [10, 25, 50, 80, 120, 200, 400, 800];
    private static readonly double[] LinkEdges = [0.01, 0.1, 0.3, 0.5, 0.8, 0.99];
    private static readonly double[] DistanceEdges = [1, 2, 3, 5, 10, 20];
    private static readonly double[] CoarseLengthEdges = [25, 80, 200];

    /// <summary>Which blocks the heuristics chose (block order equals list index), and the first and last of them
    /// (past the end and -1 when none).</summary>
    public sealed record Choice(bool[] Chosen, int First, int Last);

    public static Choice Chosen(IReadOnlyList<TextBlock> blocks, IReadOnlyList<TextBlock> heuristic)
    {
        var chosen = new bool[blocks.Count];
        foreach (var b in heuristic)
            chosen[b.Order] = true;
        int first = Array.IndexOf(chosen, true), last = Array.LastIndexOf(chosen, true);
        return first < 0 ? new Choice(chosen, blocks.Count, -1) : new Choice(chosen, first, last);
    }

    public static void Of(IReadOnlyList<TextBlock> blocks, Choice choice, int i, int mask, List<int> into)
    {
        var b = blocks[i];
        var (chosen, first, last) = choice;
        ulong kept = chosen[i] ? 1UL : 0UL;
        ulong tag = FeatureHash.Chars(b.Tag);
        void Add(ulong hash) => into.Add((int)(hash & (ulong)mask));
        Add(FeatureHash.Of(0, 0));
        Add(FeatureHash.Of(1, kept));
        Add(FeatureHash.Of(2, (ulong)Bucket(b.Text.Length, LengthEdges)));
        Add(FeatureHash.Of(3, (ulong)Bucket(b.LinkDensity, LinkEdges)));
        Add(FeatureHash.Of(4, tag));
        Add(FeatureHash.Of(5, kept, tag));
        int region = i < first ? 1 : i > last ? 2 : 0;
        Add(FeatureHash.Of(6, (ulong)region));
        int distance = i < first ? first - i : i > last ? i - last : 0;
        Add(FeatureHash.Of(7, (ulong)Bucket(distance, DistanceEdges)));
        Add(FeatureHash.Of(8, LineShape.EndsWithSentencePunctuation(b.Text) ? 1UL : 0UL));
        Add(FeatureHash.Of(9, kept, (ulong)Bucket(b.Text.Length, CoarseLengthEdges)));
        Add(FeatureHash.Of(10, i > 0 && chosen[i - 1] ? 1UL : 0UL));
        Add(FeatureHash.Of(11, i + 1 < blocks.Count && chosen[i + 1] ? 1UL : 0UL));
        int start = into.Count;
        for (int level = 0; level < Math.Min(3, b.Containers.Count); level++)
        {
            var c = b.Containers[level];
            Add(FeatureHash.Of(12, (ulong)level, FeatureHash.Chars(c.LocalName)));
            AddWords(c.ClassName, into, mask);
            AddWords(c.Id, into, mask);
        }
        // A word repeated on the three containers counts once, as a fact about the block.
        var words = into.Skip(start).Distinct().ToList();
        into.RemoveRange(start, into.Count - start);
        into.AddRange(words);
    }

    /// <summary>Class and id words: lower-case letter runs of three or more ("article-body__text" → article, body, text).</summary>
    private static void AddWords(string? value, List<int> into, int mask)
    {
        if (string.IsNullOrEmpty(value))
            return;
        Span<char> word = stackalloc char[32];
        int n = 0;
        for (int k = 0; k <= value.Length; k++)
        {
            char c = k < value.Length ? char.ToLowerInvariant(value[k]) : ' ';
            if (c is >= 'a' and <= 'z')
            {
                if (n < word.Length)
                    word[n] = c;
                n++;
                continue;
            }
            if (n >= 3)
                into.Add((int)(FeatureHash.Of(13, FeatureHash.Chars(word[..Math.Min(n, word.Length)])) & (ulong)mask));
            n = 0;
        }
    }

    private static int Bucket(double x, double[] edges)
    {
        for (int i = 0; i < edges.Length; i++)
        {
            if (x < edges[i])
                return i;
        }
        return edges.Length;
    }
}
