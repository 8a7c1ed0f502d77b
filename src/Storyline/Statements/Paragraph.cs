using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>A sentence of a paragraph as a half-open range of token indices.</summary>
internal readonly record struct SentenceRange(int First, int End)
{
    public int Count => End - First;
}

/// <summary>
/// One body line (a paragraph) prepared for attribution: its tokens, its quotations and its sentences. Sentences
/// never end inside a quotation, so a quoted passage of several sentences stays in the sentence that frames it.
/// </summary>
internal sealed class Paragraph
{
    private readonly int[] _quoteOf;
    private readonly Dictionary<int, int> _openAt = [];
    private readonly Dictionary<int, int> _closeAt = [];

    public Paragraph(string text, Span span)
    {
        Text = text;
        Span = span;
        Tokens = WordTokenizer.Tokenize(text, span);
        Quotes = QuoteFinder.FindAll(text, span);
        for (int q = 0; q < Quotes.Count; q++)
        {
            _openAt[Quotes[q].Open] = q;
            if (!Quotes[q].RunsOn)
                _closeAt[Quotes[q].CloseStart] = q;
        }
        // Quotes do not overlap and are sorted, so one sweep assigns every token its quote.
        _quoteOf = new int[Tokens.Count];
        int next = 0;
        for (int t = 0; t < Tokens.Count; t++)
        {
            int at = Tokens[t].Start;
            while (next < Quotes.Count && Quotes[next].CloseStart <= at)
                next++;
            _quoteOf[t] = next < Quotes.Count && Quotes[next].Contains(at) ? next : -1;
        }
        Sentences = SplitSentences();
    }

    public string Text { get; }
    public Span Span { get; }
    public List<Tok> Tokens { get; }
    public List<Quote> Quotes { get; }
    public List<SentenceRange> Sentences { get; }

    /// <summary>The index of the quotation a token lies inside (marks excluded), or -1.</summary>
    public int QuoteOf(int token) => _quoteOf[token];

    public bool InQuote(int token) => _quoteOf[token] >= 0;

    /// <summary>True when the token is a quotation mark that opens or closes one of <see cref="Quotes"/>.</summary>
    public bool IsQuoteMark(int token) => _openAt.ContainsKey(Tokens[token].Start) || _closeAt.ContainsKey(Tokens[token].Start);

    /// <summary>The quotation whose opening mark is this token, if any.</summary>
    public Quote? OpenedAt(int token) => token < Tokens.Count && _openAt.TryGetValue(Tokens[token].Start, out int q) ? Quotes[q] : null;

    /// <summary>The quotation whose closing mark is this token, if any.</summary>
    public Quote? ClosedAt(int token) => token >= 0 && token < Tokens.Count && _closeAt.TryGetValue(Tokens[token].Start, out int q) ? Quotes[q] : null;

    public Span SpanOf(int firstToken, int endToken) => Span.FromBounds(Tokens[firstToken].Start, Tokens[endToken - 1].End);

    public int SentenceStart(SentenceRange s) => Tokens[s.First].Start;

    public int SentenceEnd(SentenceRange s) => Tokens[s.End - 1].End;

    /// <summary>Whether the line reads as prose: it ends with sentence-final punctuation, perhaps inside closing marks.</summary>
    public bool EndsLikeProse()
    {
        for (int t = Tokens.Count - 1; t >= 0; t--)
        {
            var tok = Tokens[t];
            if (tok.IsWord)
                return false;
            if (tok.IsAny(".!?…:;"))
                return true;
            if (!tok.IsAny("”’\"'»›)]“«"))
                return false;
        }
        return false;
    }

    private List<SentenceRange> SplitSentences()
    {
        var sentences = new List<SentenceRange>();
        int first = 0;
        for (int t = 0; t < Tokens.Count; t++)
        {
            var tok = Tokens[t];
            if (!tok.IsAny(".!?…"))
                continue;
            int q = _quoteOf[t];
            int last = t;
            if (q >= 0)
            {
                // A full stop inside a quotation ends the sentence only when the quotation closes right after it.
                var quote = Quotes[q];
                if (quote.RunsOn || t + 1 >= Tokens.Count || Tokens[t + 1].Start != quote.CloseStart)
                    continue;
                last = t + 1;
            }
            while (last + 1 < Tokens.Count && Tokens[last + 1].IsAny("”’\"'»›)]") && !IsOpening(last + 1))
                last++;
            if (last + 1 >= Tokens.Count || !StartsSentence(last + 1))
                continue;
            sentences.Add(new SentenceRange(first, last + 1));
            first = last + 1;
            t = last;
        }
        if (first < Tokens.Count)
            sentences.Add(new SentenceRange(first, Tokens.Count));
        return sentences;
    }

    private bool IsOpening(int token) => _openAt.ContainsKey(Tokens[token].Start);

    private bool StartsSentence(int token)
    {
        var tok = Tokens[token];
        return tok.IsWord ? !char.IsLower(tok.Text[0]) : IsOpening(token) || tok.IsAny("[(—–-");
    }
}
