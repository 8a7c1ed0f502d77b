namespace Storyline.Language;

/// <summary>
/// The recogniser's BILOU tag set: O, then Begin / Inside / Last / Unit for each entity type. BILOU rather than
/// BIO because knowing where a name ends is learnt better with its own tags (Ratinov and Roth, 2009).
/// </summary>
internal static class NerLabels
{
    /// <summary>Entity types in tag order, with the names CoNLL uses for them.</summary>
    public static readonly string[] ConllTypes = ["PER", "ORG", "LOC", "MISC"];

    /// <summary>Storyline's names for the same types (see <see cref="Storyline.Documents.EntityMention"/>).</summary>
    public static readonly string[] Types = ["PERSON", "ORG", "PLACE", "MISC"];

    public const int Count = 1 + 4 * 4;

    public const byte Outside = 0;

    public enum Part : byte { Begin, Inside, Last, Unit }

    public static byte Of(int type, Part part) => (byte)(1 + type * 4 + (int)part);

    public static int TypeOf(byte label) => label == Outside ? -1 : (label - 1) / 4;

    public static Part PartOf(byte label) => (Part)((label - 1) % 4);

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> in a well-formed BILOU sequence.</summary>
    public static bool Allowed(byte previous, byte label) => Transitions[previous * Count + label];

    // The decoder asks for every label after every beam entry, so the answers are worked out once.
    private static readonly bool[] Transitions = [.. Enumerable.Range(0, Count * Count).Select(i => IsAllowed((byte)(i / Count), (byte)(i % Count)))];

    private static bool IsAllowed(byte previous, byte label)
    {
        bool open = previous != Outside && PartOf(previous) is Part.Begin or Part.Inside;
        if (label == Outside)
            return !open;
        var part = PartOf(label);
        if (part is Part.Begin or Part.Unit)
            return !open;
        return open && TypeOf(previous) == TypeOf(label);
    }

    /// <summary>
    /// The labels that may follow <paramref name="previous"/> (<see cref="Allowed"/>), and, when <paramref name="last"/>,
    /// may also end the sentence (<see cref="CanEnd"/>), in label order: the decoder's candidates at each step.
    /// </summary>
    public static ReadOnlySpan<byte> Following(byte previous, bool last) => Successors[previous * 2 + (last ? 1 : 0)];

    private static readonly byte[][] Successors = [.. Enumerable.Range(0, Count * 2).Select(i =>
        Enumerable.Range(0, Count).Select(l => (byte)l).Where(l => Allowed((byte)(i / 2), l) && (i % 2 == 0 || CanEnd(l))).ToArray())];

    /// <summary>Whether a sentence may end after <paramref name="label"/> (no entity left open).</summary>
    public static bool CanEnd(byte label) => label == Outside || PartOf(label) is Part.Last or Part.Unit;

    /// <summary>BILOU labels for entities given as (first token, token count, type) within a sentence of <paramref name="length"/> tokens.</summary>
    public static byte[] Encode(int length, IEnumerable<(int First, int Count, int Type)> entities)
    {
        var labels = new byte[length];
        foreach (var (first, count, type) in entities)
        {
            if (count == 1)
            {
                labels[first] = Of(type, Part.Unit);
                continue;
            }
            labels[first] = Of(type, Part.Begin);
            for (int i = first + 1; i < first + count - 1; i++)
                labels[i] = Of(type, Part.Inside);
            labels[first + count - 1] = Of(type, Part.Last);
        }
        return labels;
    }

    /// <summary>Entities (first token, token count, type) in a BILOU sequence; stray tags are read leniently.</summary>
    public static List<(int First, int Count, int Type)> Decode(ReadOnlySpan<byte> labels)
    {
        var entities = new List<(int, int, int)>();
        int start = -1, type = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            byte label = labels[i];
            int t = TypeOf(label);
            if (start >= 0 && (t != type || PartOf(label) is Part.Begin or Part.Unit))
            {
                entities.Add((start, i - start, type));
                start = -1;
            }
            if (t < 0)
                continue;
            if (start < 0)
            {
                start = i;
                type = t;
            }
            if (PartOf(label) is Part.Last or Part.Unit)
            {
                entities.Add((start, i - start + 1, type));
                start = -1;
            }
        }
        if (start >= 0)
            entities.Add((start, labels.Length - start, type));
        return entities;
    }
}
