namespace Storyline.Documents;

/// <summary>A half-open character range [Start, Start + Length) into a document's text.</summary>
public readonly record struct Span(int Start, int Length)
{
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static Span FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(Span other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(Span other) => Start < other.End && other.Start < End;

    /// <summary>Number of characters both spans cover.</summary>
    public int OverlapWith(Span other) => Math.Max(0, Math.Min(End, other.End) - Math.Max(Start, other.Start));

    public string Of(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> SliceOf(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start}..{End})";
}
