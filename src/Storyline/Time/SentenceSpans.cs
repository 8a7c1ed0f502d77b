using Storyline.Documents;
using Storyline.Extraction;

namespace Storyline.Time;

/// <summary>
/// Sentences to read tense and governing dates in: the language stage's when it has run, else a plain split
/// at sentence-final punctuation followed by a capital or an opening quote, within each line.
/// </summary>
internal static class SentenceSpans
{
    public static IReadOnlyList<Span> Of(Document d)
    {
        if (d.Sentences.Count > 0)
            return d.Sentences.Select(s => s.Span).ToList();
        var result = new List<Span>();
        foreach (var line in d.Lines.Count > 0 ? d.Lines.Select(l => l.Span) : LineSplitter.Split(d.Text))
            Split(d.Text, line, result);
        return result;
    }

    private static void Split(string text, Span line, List<Span> into)
    {
        int start = line.Start;
        for (int i = line.Start; i < line.End - 1; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?'))
                continue;
            int j = i + 1;
            while (j < line.End && text[j] is '"' or '”' or '’' or '\'' or ')')
                j++;
            if (j >= line.End || !char.IsWhiteSpace(text[j]))
                continue;
            int k = j;
            while (k < line.End && char.IsWhiteSpace(text[k]))
                k++;
            if (k >= line.End || !(char.IsUpper(text[k]) || text[k] is '"' or '“' or '‘'))
                continue;
            if (c == '.' && IsAbbreviation(text, start, i))
                continue;
            into.Add(Span.FromBounds(start, j));
            start = k;
            i = k - 1;
        }
        if (line.End > start)
            into.Add(Span.FromBounds(start, line.End));
    }

    /// <summary>"Mr.", "U.S.", "Dec." and single initials do not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int lineStart, int dot)
    {
        int w = dot;
        while (w > lineStart && char.IsLetter(text[w - 1]))
            w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 1 || (w > lineStart && text[w - 1] == '.'))
            return true;
        foreach (var a in Abbreviations)
        {
            if (word.Equals(a, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static readonly string[] Abbreviations =
        ["Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "St", "Jr", "Sr", "No", "vs",
         "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd"];
}
