using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>
/// A quotation in a paragraph: <see cref="Open"/> is the opening mark, <see cref="End"/> is just past the closing mark
/// (or the paragraph end when the quote runs on into the next paragraph).
/// </summary>
/// <remarks><see cref="MarkWidth"/> is 2 for the ASCII convention of doubled apostrophes (<c>''…''</c>, <c>``…''</c>).</remarks>
internal readonly record struct Quote(int Open, int End, bool RunsOn, int MarkWidth = 1)
{
    /// <summary>The quoted words, without the marks.</summary>
    public Span Inner => Span.FromBounds(Open + MarkWidth, CloseStart);

    /// <summary>Where the closing mark starts (the paragraph end when the quote runs on).</summary>
    public int CloseStart => RunsOn ? End : End - MarkWidth;

    public bool Contains(int position) => position >= Open + MarkWidth && position < CloseStart;
}

/// <summary>
/// Finds quotations in every common convention: “…”, "…", ‘…’, '…', «…», „…“, ‹…›. Double marks first; single marks
/// only outside them (they nest inside doubles, and most single marks are apostrophes).
/// </summary>
internal static class QuoteFinder
{
    /// <summary>Longest quotation followed, in characters; a longer one is an unbalanced mark, not a quote.</summary>
    private const int MaxQuoteCharacters = 6000;

    public static List<Quote> FindAll(string text, Span paragraph)
    {
        var quotes = new List<Quote>();
        FindDoubles(text, paragraph, quotes);
        FindSingles(text, paragraph, quotes);
        quotes.Sort((a, b) => a.Open.CompareTo(b.Open));
        return quotes;
    }

    private static void FindDoubles(string text, Span paragraph, List<Quote> quotes)
    {
        int open = -1, width = 1;
        char openMark = '\0';
        for (int i = paragraph.Start; i < paragraph.End; i++)
        {
            char c = text[i];
            if (IsDoubledMark(text, i, paragraph))
            {
                // ''…'' and ``…'': doubled apostrophes (or backticks) typed for a double quotation mark.
                if (open >= 0 && c == '\'' && width == 2)
                {
                    Add(quotes, open, i + 2, false, 2);
                    open = -1;
                }
                else if (open < 0 && (i == paragraph.Start || !char.IsLetterOrDigit(text[i - 1])) && i + 2 < paragraph.End && !char.IsWhiteSpace(text[i + 2]))
                {
                    open = i;
                    width = 2;
                    openMark = '"';
                }
                i++;
                continue;
            }
            switch (c)
            {
                case '“' when open >= 0 && openMark == '„' && width == 1:
                case '”' or '»' when open >= 0 && width == 1:
                case '"' when open >= 0 && width == 1:
                    Add(quotes, open, i + 1, false);
                    open = -1;
                    break;
                case '“' or '„' or '«':
                    open = i;
                    openMark = c;
                    width = 1;
                    break;
                case '"' when OpensHere(text, i, paragraph):
                    open = i;
                    openMark = c;
                    width = 1;
                    break;
            }
        }
        if (open >= 0 && StartsWithOpening(text, open + width - 1, paragraph))
            Add(quotes, open, paragraph.End, true, width);
    }

    /// <summary>Two apostrophes or two backticks in a row, not part of a longer run.</summary>
    public static bool IsDoubledMark(string text, int i, Span paragraph) =>
        i + 1 < paragraph.End && text[i] is '\'' or '`' && text[i + 1] == text[i]
        && (i + 2 >= paragraph.End || text[i + 2] != text[i]) && (i == paragraph.Start || text[i - 1] != text[i]);

    private static void FindSingles(string text, Span paragraph, List<Quote> quotes)
    {
        var doubles = quotes.ToArray(); // in order, not overlapping
        int open = -1, d = 0;
        for (int i = paragraph.Start; i < paragraph.End; i++)
        {
            while (d < doubles.Length && doubles[d].End <= i)
                d++;
            if (d < doubles.Length && i >= doubles[d].Open)
                continue;
            char c = text[i];
            if (c is not ('‘' or '’' or '\'' or '‹' or '›'))
                continue;
            bool letterBefore = i > paragraph.Start && char.IsLetterOrDigit(text[i - 1]);
            bool letterAfter = i + 1 < paragraph.End && char.IsLetterOrDigit(text[i + 1]);
            if (letterBefore && letterAfter)
                continue; // an apostrophe: doesn’t, Putin’s
            if (c is '‘' or '‹' || (c == '\'' && open < 0 && !letterBefore && letterAfter))
            {
                if (!letterBefore)
                    open = i;
                continue;
            }
            bool spaceBefore = i == paragraph.Start || char.IsWhiteSpace(text[i - 1]);
            if (open >= 0 && !letterAfter && !spaceBefore && i > open + 1)
            {
                Add(quotes, open, i + 1, false);
                open = -1;
            }
        }
        if (open >= 0 && StartsWithOpening(text, open, paragraph))
            Add(quotes, open, paragraph.End, true);
    }

    // An unclosed quote runs on to the next paragraph only when it opened the paragraph's last quotation
    // with text after it, the way multi-paragraph quotes are printed.
    private static bool StartsWithOpening(string text, int open, Span paragraph) =>
        paragraph.End - open > 1 && paragraph.End - open <= MaxQuoteCharacters && !char.IsWhiteSpace(text[open + 1]);

    // A straight double mark opens a quote when it follows a space or an opening bracket and precedes a word.
    private static bool OpensHere(string text, int i, Span paragraph) =>
        (i == paragraph.Start || char.IsWhiteSpace(text[i - 1]) || text[i - 1] is '(' or '[' or '—' or '–' or ':')
        && i + 1 < paragraph.End && !char.IsWhiteSpace(text[i + 1]);

    private static void Add(List<Quote> quotes, int open, int end, bool runsOn, int width = 1)
    {
        if (end - open > 2 * width && end - open <= MaxQuoteCharacters)
            quotes.Add(new Quote(open, end, runsOn, width));
    }

    /// <summary>True when the character opens a quotation in some convention.</summary>
    public static bool IsOpeningMark(char c) => c is '“' or '„' or '«' or '‘' or '‹' or '"' or '\'';

    public static bool IsQuoteMark(char c) => c is '“' or '”' or '„' or '«' or '»' or '‘' or '’' or '‹' or '›' or '"' or '\'';
}
