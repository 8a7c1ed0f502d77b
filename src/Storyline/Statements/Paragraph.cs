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

    public Paragraph(string text, Span span)
    {
        Text = text;
        Span = span;
        Tokens = WordTokenizer.Tokenize(text, span);
        Quotes = QuoteFinder.FindAll(text, span);
        _quoteOf = new int[Tokens.Count];
        for (int t = 0; t < Tokens.Count; t++)
            _quoteOf[t] = Quotes.FindIndex(q => q.Contains(Tokens[t].Start));
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
    public bool IsQuoteMark(int token)
    {
        int at = Tokens[token].Start;
        return Quotes.Exists(q => q.Open == at || (!q.RunsOn && q.End - 1 == at));
    }

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
            if (!tok.IsAny("”’\"'»›)]"))
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
                if (quote.RunsOn || t + 1 >= Tokens.Count || Tokens[t + 1].Start != quote.End - 1)
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

    private bool IsOpening(int token) => Quotes.Exists(q => q.Open == Tokens[token].Start);

    private bool StartsSentence(int token)
    {
        var tok = Tokens[token];
        return tok.IsWord ? !char.IsLower(tok.Text[0]) : IsOpening(token) || tok.IsAny("[(—–-");
    }
}
