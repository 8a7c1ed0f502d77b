using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Entities;

/// <summary>A word of the text, as the entity and event finders see it.</summary>
/// <param name="Span">The word, without a possessive "'s".</param>
/// <param name="Sentence">Index of the sentence it belongs to.</param>
/// <param name="SentenceInitial">First word of its sentence or of a quotation: its capital says nothing.</param>
/// <param name="Possessive">Followed by "'s" or "’s" ("Putin’s").</param>
/// <param name="Quoted">Inside quotation marks.</param>
/// <param name="TitleCaseLine">On a title-case line (a headline): its capitals say nothing.</param>
internal readonly record struct Word(Span Span, int Sentence, bool SentenceInitial, bool Possessive, bool Quoted, bool TitleCaseLine)
{
    public bool IsCapitalised(string text) => char.IsUpper(text[Span.Start]);
}

/// <summary>
/// Words, sentences and quotations of a document. Uses the language stage's sentences when there are any, and
/// otherwise splits lines at sentence punctuation, so this stage works before (and without) a tokenizer.
/// </summary>
internal sealed partial class TextUnits
{
    // Abbreviations whose period does not end a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Prof", "Jr", "Sr", "Lt", "Col", "Capt", "No", "vs", "Jan", "Feb",
        "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "Ltd",
    };

    // A title-case line ("Putin Pressures Trump to Recognize Annexed Territories") has this share of capitalised
    // long words or more, and no final period; its capitals say nothing about names. 0.7 took sentences dense
    // with names ("Pavel Orlov met with Aino Virtanen in Vienna on Monday.") for headlines.
    private const double TitleCaseShare = 0.9;
    private const int TitleCaseMinWords = 4;

    private readonly int[] _sentenceStarts;

    private TextUnits(string text, List<Span> sentences, List<Word> words)
    {
        Text = text;
        Sentences = sentences;
        Words = words;
        _sentenceStarts = sentences.Select(s => s.Start).ToArray();
    }

    public string Text { get; }

    public IReadOnlyList<Span> Sentences { get; }

    public IReadOnlyList<Word> Words { get; }

    public string Of(Word w) => w.Span.Of(Text);

    /// <summary>Index of the sentence holding <paramref name="offset"/> (the last one starting at or before it).</summary>
    public int SentenceAt(int offset)
    {
        int i = Array.BinarySearch(_sentenceStarts, offset);
        return Math.Max(0, i >= 0 ? i : ~i - 1);
    }

    /// <summary>Index of the first word starting at or after <paramref name="offset"/>.</summary>
    public int WordAt(int offset)
    {
        int lo = 0, hi = Words.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Words[mid].Span.Start < offset)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    /// <summary>True when only spaces (no punctuation, no line break) separate the two offsets.</summary>
    public bool OnlySpacesBetween(int end, int start)
    {
        for (int i = end; i < start; i++)
        {
            if (Text[i] is not (' ' or '\u00A0' or '\t'))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The units of each document in flight, built once for the entity stage and reused by the event stage (and any
    /// later reader): building them (the word regex over the whole text, the title-case lines) was 7% of a page's
    /// time when each stage built its own. Held weakly, so they go when the document goes; rebuilt when the lines or
    /// sentences they were built from have been replaced.
    /// </summary>
    private static readonly ConditionalWeakTable<Document, TextUnits> Built = new();

    private IReadOnlyList<Line>? _fromLines;
    private IReadOnlyList<Sentence>? _fromSentences;

    public static TextUnits Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (lines, sentences) = (document.Lines, document.Sentences);
        if (Built.TryGetValue(document, out var built) && ReferenceEquals(built._fromLines, lines) && ReferenceEquals(built._fromSentences, sentences))
            return built;
        built = Build(document);
        (built._fromLines, built._fromSentences) = (lines, sentences);
        Built.AddOrUpdate(document, built);
        return built;
    }

    private static TextUnits Build(Document document)
    {
        var text = document.Text;
        var lines = document.Lines.Count > 0 ? document.Lines.Select(l => l.Span).ToList() : Extraction.LineSplitter.Split(text);
        var sentences = document.Sentences.Count > 0 ? document.Sentences.Select(s => s.Span).ToList() : lines.SelectMany(l => SplitSentences(text, l)).ToList();
        var quoted = QuotedRanges(text, lines);
        var titleCase = lines.Where(l => IsTitleCase(text.AsSpan(l.Start, l.Length))).ToList();
        // About one word in six characters of news text: sized once instead of doubling a dozen times.
        var words = new List<Word>(text.Length / 6);
        int sentence = 0, q = 0, t = 0;
        // EnumerateMatches, not Matches: no Match and Group objects for each of thousands of words.
        foreach (var m in WordPattern().EnumerateMatches(text))
        {
            var span = new Span(m.Index, m.Length);
            bool possessive = EndsInPossessive(text, span);
            if (possessive)
                span = new Span(m.Index, m.Length - 2);
            while (sentence + 1 < sentences.Count && sentences[sentence + 1].Start <= span.Start)
                sentence++;
            while (q < quoted.Count && quoted[q].End <= span.Start)
                q++;
            while (t < titleCase.Count && titleCase[t].End <= span.Start)
                t++;
            bool initial = words.Count == 0 || words[^1].Sentence != sentence || AfterOpeningPunctuation(text, span.Start);
            words.Add(new Word(span, sentence, initial, possessive,
                q < quoted.Count && quoted[q].Contains(span), t < titleCase.Count && titleCase[t].Contains(span)));
        }
        return new TextUnits(text, sentences, words);
    }

    /// <summary>
    /// Whether the word pattern's match <paramref name="word"/> took its optional possessive group. Only that group
    /// can end a match in "'s" at a word boundary (the pattern's inner apostrophes exclude exactly that), so the
    /// ending decides; the boundary is tested by the same regex engine, on the two characters and the one after.
    /// </summary>
    private static bool EndsInPossessive(string text, Span word)
    {
        int at = word.End - 2;
        return word.Length > 2 && text[at] is '\'' or '’' && text[at + 1] == 's'
            && PossessiveEnd().IsMatch(text.AsSpan(at, Math.Min(3, text.Length - at)));
    }

    private static bool AfterOpeningPunctuation(string text, int start)
    {
        int i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\u00A0')
            i--;
        return i < 0 || text[i] is '“' or '"' or '‘' or ':' or '—' or '–' or '\n' or '|' or '-';
    }

    /// <summary>Sentences of one line: split after . ! ? (and closing quotes) before a capital or an opening quote.</summary>
    internal static IEnumerable<Span> SplitSentences(string text, Span line)
    {
        int start = line.Start;
        for (int i = line.Start; i < line.End; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
                continue;
            int j = i + 1;
            while (j < line.End && text[j] is '”' or '"' or '’' or ')' or ']')
                j++;
            if (j >= line.End || text[j] != ' ')
                continue;
            int k = j;
            while (k < line.End && text[k] == ' ')
                k++;
            if (k >= line.End || !(char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '“' or '"' or '‘' or '['))
                continue;
            if (text[i] == '.' && IsAbbreviation(text, i))
                continue;
            yield return Span.FromBounds(start, j);
            start = k;
        }
        if (start < line.End)
            yield return Span.FromBounds(start, line.End);
    }

    private static bool IsAbbreviation(string text, int period)
    {
        int s = period;
        while (s > 0 && char.IsLetter(text[s - 1]))
            s--;
        var word = text[s..period];
        // "U.S." and initials: a single letter before the period.
        return word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word);
    }

    /// <summary>Spans inside “curly” or "straight" quotation marks, never running past the end of a line.</summary>
    private static List<Span> QuotedRanges(string text, List<Span> lines)
    {
        var ranges = new List<Span>();
        foreach (var line in lines)
        {
            int open = -1;
            for (int i = line.Start; i < line.End; i++)
            {
                char c = text[i];
                // ’ closes a ‘single’ quotation only where it is not an apostrophe (a letter follows an apostrophe).
                bool singleClose = c == '’' && open >= 0 && text[open] == '‘' && (i + 1 >= line.End || !char.IsLetter(text[i + 1]));
                if (singleClose)
                {
                    ranges.Add(Span.FromBounds(open, i + 1));
                    open = -1;
                }
                else if (c == '“' || c == '‘' || (c == '"' && open < 0))
                {
                    open = i;
                }
                else if ((c == '”' || c == '"') && open >= 0)
                {
                    ranges.Add(Span.FromBounds(open, i + 1));
                    open = -1;
                }
            }
        }
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        return ranges;
    }

    private static bool IsTitleCase(ReadOnlySpan<char> line)
    {
        if (line.EndsWith('.'))
            return false;
        int longWords = 0, capitalised = 0;
        foreach (var m in WordPattern().EnumerateMatches(line))
        {
            if (m.Length <= 3)
                continue;
            longWords++;
            if (char.IsUpper(line[m.Index]))
                capitalised++;
        }
        return longWords >= TitleCaseMinWords && capitalised >= TitleCaseShare * longWords;
    }

    // A word: initials with periods ("U.S.", "U.K."), or letters and digits joined by apostrophes, periods or hyphens
    // ("don’t", "19.2", "end-of-year"), with an optional possessive "'s" captured apart. Bounded, no nesting: linear
    // time, so no match timeout, which would make the words found depend on the machine's load.
    [GeneratedRegex(@"(?:\p{Lu}\.){2,4}|[\p{L}\p{M}\p{N}]+(?:(?!['’]s\b)['’.\-][\p{L}\p{M}\p{N}]+){0,6}(?<pos>['’]s\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>The word pattern's possessive group, anchored: "'s" or "’s" before a word boundary.</summary>
    [GeneratedRegex(@"^['’]s\b", RegexOptions.CultureInvariant)]
    private static partial Regex PossessiveEnd();
}
