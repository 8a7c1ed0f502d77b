namespace Storyline.Language;

/// <summary>
/// The beam of the left-to-right recogniser over one sentence: at each position the best label sequences so far,
/// best first, each held as its last label, the slot it extends at the position before, and its running score. The
/// decoder and the structured trainer (Storyline.Train's BeamTraining) search with this one lattice, so a model is
/// trained on the search it is decoded with. One lattice serves every sentence of a document.
/// </summary>
internal sealed class BeamLattice
{
    private readonly int _beam;
    private readonly byte[] _label;
    private readonly int[] _parent;
    private readonly double[] _score;
    private readonly int[] _count;

    /// <summary>A lattice for sentences of up to <paramref name="positions"/> tokens and <paramref name="beam"/> sequences a position.</summary>
    public BeamLattice(int positions, int beam)
    {
        _beam = beam;
        _label = new byte[positions * beam];
        _parent = new int[positions * beam];
        _score = new double[positions * beam];
        _count = new int[positions];
    }

    /// <summary>The lattice for the longest sentence of <paramref name="document"/>.</summary>
    public static BeamLattice For(NerDocument document, int beam)
    {
        int longest = 0;
        foreach (var (_, count) in document.Sentences)
            longest = Math.Max(longest, count);
        return new BeamLattice(longest, beam);
    }

    /// <summary>The longest sentence it holds.</summary>
    public int Positions => _count.Length;

    /// <summary>How many sequences position <paramref name="i"/> extends: those kept at the position before, or the empty one.</summary>
    public int Parents(int i) => i == 0 ? 1 : _count[i - 1];

    /// <summary>The last two labels and the score of the <paramref name="p"/>-th sequence that position <paramref name="i"/> extends.</summary>
    public (byte Y1, byte Y2, double Score) Prefix(int i, int p)
    {
        if (i == 0)
            return (NerDocument.NoLabel, NerDocument.NoLabel, 0);
        int at = (i - 1) * _beam + p;
        byte y2 = i < 2 ? NerDocument.NoLabel : _label[(i - 2) * _beam + _parent[at]];
        return (_label[at], y2, _score[at]);
    }

    /// <summary>Starts filling position <paramref name="i"/>.</summary>
    public void Open(int i) => _count[i] = 0;

    /// <summary>
    /// Offers the sequence that extends parent <paramref name="parent"/> with <paramref name="label"/>: kept if it
    /// beats the worst kept; ties keep the earlier one, so decoding is deterministic.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Offer(int i, double score, int parent, byte label)
    {
        int from = i * _beam, kept = _count[i];
        int at = kept;
        while (at > 0 && score > _score[from + at - 1])
            at--;
        if (at >= _beam)
            return;
        for (int k = Math.Min(kept, _beam - 1); k > at; k--)
        {
            _score[from + k] = _score[from + k - 1];
            _parent[from + k] = _parent[from + k - 1];
            _label[from + k] = _label[from + k - 1];
        }
        _score[from + at] = score;
        _parent[from + at] = parent;
        _label[from + at] = label;
        _count[i] = Math.Min(kept + 1, _beam);
    }

    public int Count(int i) => _count[i];

    public byte Label(int i, int k) => _label[i * _beam + k];

    public int Parent(int i, int k) => _parent[i * _beam + k];

    public double Score(int i, int k) => _score[i * _beam + k];

    /// <summary>Writes the labels of the best sequence ending at position <paramref name="last"/> into <paramref name="labels"/>[0..last].</summary>
    public void Backtrack(int last, Span<byte> labels)
    {
        for (int i = last, k = 0; i >= 0; k = _parent[i * _beam + k], i--)
            labels[i] = _label[i * _beam + k];
    }
}
