using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>
/// A quotation in a paragraph: <see cref="Open"/> is the opening mark, <see cref="End"/> is just past the closing mark
/// (or the paragraph end when the quote runs on into the next paragraph).
/// </summary>
internal readonly record struct Quote(int Open, int End, bool RunsOn)
{
    /// <summary>The quoted words, without the marks.</summary>
    public Span Inner => Span.FromBounds(Open + 1, RunsOn ? End : End - 1);

    public bool Contains(int position) => position > Open && position < (RunsOn ? End : End - 1);
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
        int open = -1;
        char openMark = '\0';
        for (int i = paragraph.Start; i < paragraph.End; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '“' when open >= 0 && openMark == '„':
                case '”' or '»' when open >= 0:
                case '"' when open >= 0:
                    Add(quotes, open, i + 1, false);
                    open = -1;
                    break;
                case '“' or '„' or '«':
                    open = i;
                    openMark = c;
                    break;
                case '"' when OpensHere(text, i, paragraph):
                    open = i;
                    openMark = c;
                    break;
            }
        }
        if (open >= 0 && StartsWithOpening(text, open, paragraph))
            Add(quotes, open, paragraph.End, true);
    }

    private static void FindSingles(string text, Span paragraph, List<Quote> quotes)
    {
        var doubles = quotes.ToArray();
        int open = -1;
        for (int i = paragraph.Start; i < paragraph.End; i++)
        {
            if (Array.Exists(doubles, q => i >= q.Open && i < q.End))
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

    private static void Add(List<Quote> quotes, int open, int end, bool runsOn)
    {
        if (end - open > 2 && end - open <= MaxQuoteCharacters)
            quotes.Add(new Quote(open, end, runsOn));
    }

    /// <summary>True when the character opens a quotation in some convention.</summary>
    public static bool IsOpeningMark(char c) => c is '“' or '„' or '«' or '‘' or '‹' or '"' or '\'';

    public static bool IsQuoteMark(char c) => c is '“' or '”' or '„' or '«' or '»' or '‘' or '’' or '‹' or '›' or '"' or '\'';
}
