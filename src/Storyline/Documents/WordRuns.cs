namespace Storyline.Documents;

/// <summary>
/// The maximal runs of letters and digits in a text, in order: the crude, language-light word split shared by the
/// token-bag scorer and the clustering's term lists. A ref struct enumerator, so walking a text allocates nothing:
/// <c>foreach (var run in new WordRuns(text))</c>.
/// </summary>
public ref struct WordRuns(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> text = text;
    private int next;

    /// <summary>The current run, as a range of the text.</summary>
    public Span Current { get; private set; }

    public readonly WordRuns GetEnumerator() => this;

    public bool MoveNext()
    {
        int i = next;
        while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            i++;
        int start = i;
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
            i++;
        next = i;
        Current = Span.FromBounds(start, i);
        return i > start;
    }
}
