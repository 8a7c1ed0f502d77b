using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Groups tokens into sentences. A sentence never crosses a line break (each line of a document is a paragraph,
/// a headline or a transcript turn), so a headline without final punctuation is a sentence of its own. Inside a
/// line a sentence ends at . ? ! … when the next word does not go on in lower case, and takes the closing quotes
/// and brackets that follow with it; a quotation of several sentences is split into them. Abbreviations end a
/// sentence only before a word that typically starts one ("… in the U.S. The talks …"), titles never do, and
/// nothing inside a closed bracket ends the sentence around it.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Sentences of every line of <paramref name="text"/>; <paramref name="tokens"/> are in text order.</summary>
    public static List<Sentence> Split(string text, IReadOnlyList<Token> tokens, IEnumerable<Span>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        int k = 0;
        foreach (var line in lines ?? LineSpans(text))
        {
            while (k < tokens.Count && tokens[k].Span.Start < line.Start)
                k++;
            int first = k;
            while (k < tokens.Count && tokens[k].Span.End <= line.End)
                k++;
            SplitLine(text, tokens, first, k, sentences);
        }
        return sentences;
    }

    /// <summary>The spans of the text between line breaks (\n, \r\n, \r, U+2028, U+2029), empty lines included.</summary>
    public static IEnumerable<Span> LineSpans(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                yield return Span.FromBounds(start, i);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                start = i + 1;
            }
        }
        yield return Span.FromBounds(start, text.Length);
    }

    private static void SplitLine(string text, IReadOnlyList<Token> tokens, int first, int end, List<Sentence> sentences)
    {
        if (first >= end)
            return;
        var closed = ClosedBrackets(text, tokens, first, end);
        int depth = 0;
        int start = first;
        for (int k = first; k < end; k++)
        {
            var token = tokens[k].Span.SliceOf(text);
            if (token.Length == 1 && IsOpening(token[0]) && closed.Contains(k))
                depth++;
            else if (token.Length == 1 && IsClosing(token[0]) && depth > 0)
                depth--;
            if (depth > 0 || !IsTerminal(text, tokens[k]))
                continue;
            int last = k;
            while (last + 1 < end && tokens[last + 1].Span.Start == tokens[last].Span.End && IsCloser(text, tokens[last + 1]))
                last++;
            if (last + 1 < end && Ends(text, tokens[k], tokens[last + 1]))
            {
                Add(tokens, start, last + 1, sentences);
                start = last + 1;
            }
            k = last;
        }
        Add(tokens, start, end, sentences);
    }

    private static void Add(IReadOnlyList<Token> tokens, int first, int end, List<Sentence> sentences)
    {
        if (end > first)
            sentences.Add(new Sentence(Span.FromBounds(tokens[first].Span.Start, tokens[end - 1].Span.End), first, end - first));
    }

    /// <summary>Indices of opening brackets that are closed later on the line; an unclosed "(" must not swallow the line.</summary>
    private static HashSet<int> ClosedBrackets(string text, IReadOnlyList<Token> tokens, int first, int end)
    {
        var closed = new HashSet<int>();
        var open = new Stack<int>();
        for (int k = first; k < end; k++)
        {
            var token = tokens[k].Span.SliceOf(text);
            if (token.Length != 1)
                continue;
            if (IsOpening(token[0]))
                open.Push(k);
            else if (IsClosing(token[0]) && open.Count > 0)
                closed.Add(open.Pop());
        }
        return closed;
    }

    private static bool IsOpening(char c) => c is '(' or '[' or '{';

    private static bool IsClosing(char c) => c is ')' or ']' or '}';

    private static bool IsCloser(string text, Token token)
    {
        var s = token.Span.SliceOf(text);
        return token.Kind == TokenKind.Quote || (s.Length == 1 && IsClosing(s[0]));
    }

    private static bool IsTerminal(string text, Token token)
    {
        var s = token.Span.SliceOf(text);
        if (token.Kind == TokenKind.Punctuation)
            return s[0] is '.' or '?' or '!' or '\u2026';
        return token.Kind == TokenKind.Word && s.Length > 1 && s[^1] == '.';
    }

    /// <summary>Does a sentence end at <paramref name="terminal"/>, given the token that follows it (and its closers)?</summary>
    private static bool Ends(string text, Token terminal, Token next)
    {
        var following = next.Span.SliceOf(text);
        if (char.IsLower(following[0]))
            return false;
        if (terminal.Kind != TokenKind.Word)
            return true;
        // An abbreviation with its dot: U.S., Dec., J., Inc.
        var word = terminal.Span.SliceOf(text)[..^1];
        if (Abbreviations.IsTitle(word))
            return false;
        return next.Kind == TokenKind.Word && SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(following);
    }

    // Words that begin sentences far more often than they continue a name ("U.S. The …", not "U.S. Army").
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
        "their", "our", "my", "there", "but", "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as", "at",
        "in", "on", "for", "from", "with", "by", "to", "of", "however", "meanwhile", "moreover", "still", "then", "now",
        "some", "many", "most", "all", "both", "no", "not", "one", "two", "what", "who", "why", "how", "where", "which",
        "asked", "earlier", "later", "last", "since", "although", "though", "despite", "also", "such", "each", "every",
    };
}
