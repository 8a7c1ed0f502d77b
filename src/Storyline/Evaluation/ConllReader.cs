namespace Storyline.Evaluation;

/// <summary>One sentence of a CoNLL file: its tokens and their entity tags (the last column).</summary>
public sealed record ConllSentence(IReadOnlyList<string> Tokens, IReadOnlyList<string> Tags);

/// <summary>The sentences between two <c>-DOCSTART-</c> lines (the whole file when it has none).</summary>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences);

/// <summary>
/// Reads CoNLL-style NER files: one token per line, columns separated by spaces or tabs, the entity tag last
/// (IOB1, IOB2, IO or BIOES); blank lines between sentences; <c>-DOCSTART-</c> lines between documents.
/// </summary>
public static class ConllReader
{
    public static List<ConllDocument> Read(string path) => Parse(File.ReadLines(path), path);

    public static List<ConllDocument> Parse(IEnumerable<string> lines, string name = "input")
    {
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        int number = 0;
        void EndSentence()
        {
            if (tokens.Count > 0)
                sentences.Add(new ConllSentence(tokens.ToArray(), tags.ToArray()));
            tokens.Clear();
            tags.Clear();
        }
        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
                documents.Add(new ConllDocument(sentences.ToArray()));
            sentences.Clear();
        }
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty)
            {
                EndSentence();
                continue;
            }
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndDocument();
                continue;
            }
            int split = trimmed.IndexOfAny(' ', '\t');
            int tagStart = trimmed.LastIndexOfAny(' ', '\t');
            if (split < 0)
                throw new InvalidDataException($"{name}:{number}: expected a token and a tag, found \"{line}\"");
            var tag = trimmed[(tagStart + 1)..].ToString();
            if (!IsTag(tag))
                throw new InvalidDataException($"{name}:{number}: \"{tag}\" is not an entity tag (O, B-X, I-X, E-X, S-X)");
            tokens.Add(trimmed[..split].ToString());
            tags.Add(tag);
        }
        EndDocument();
        return documents;
    }

    public static bool IsTag(ReadOnlySpan<char> tag) =>
        tag is "O" || (tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U');

    /// <summary>True when the first lines of the file look like CoNLL NER data.</summary>
    public static bool LooksLikeConll(string path)
    {
        int seen = 0;
        foreach (var line in File.ReadLines(path).Take(200))
        {
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
                continue;
            int tagStart = trimmed.LastIndexOfAny(' ', '\t');
            if (tagStart < 0 || !IsTag(trimmed[(tagStart + 1)..]))
                return false;
            seen++;
        }
        return seen > 0;
    }
}

/// <summary>
/// Entity chunks of a tag sequence with conlleval semantics: a chunk starts at B-, S- or U-, or at an I- that
/// does not continue a chunk of the same type, and runs while I-, E- or L- tags of its type follow. IOB1 and
/// IOB2 give the same chunks; an IO file gives maximal runs of one type.
/// </summary>
public static class ConllChunks
{
    public static List<(int First, int Count, string Type)> Of(IReadOnlyList<string> tags)
    {
        var chunks = new List<(int, int, string)>();
        int start = -1;
        string type = "";
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag[0];
            string t = tag.Length > 2 ? tag[2..] : "";
            bool continues = start >= 0 && t == type && prefix is 'I' or 'E' or 'L';
            if (start >= 0 && !continues)
            {
                chunks.Add((start, i - start, type));
                start = -1;
            }
            if (prefix != 'O' && !continues)
            {
                start = i;
                type = t;
            }
            if (start >= 0 && prefix is 'E' or 'S' or 'L' or 'U')
            {
                chunks.Add((start, i - start + 1, type));
                start = -1;
            }
        }
        return chunks;
    }
}

/// <summary>A CoNLL document laid out as a Storyline text: tokens joined by spaces, one sentence a line.</summary>
public sealed record ConllText(string Text, Documents.Span[] Tokens, (int First, int Count)[] Sentences)
{
    public static ConllText Of(ConllDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new System.Text.StringBuilder();
        var tokens = new List<Documents.Span>();
        var sentences = new List<(int, int)>();
        foreach (var sentence in document.Sentences)
        {
            if (text.Length > 0)
                text.Append('\n');
            sentences.Add((tokens.Count, sentence.Tokens.Count));
            for (int i = 0; i < sentence.Tokens.Count; i++)
            {
                if (i > 0)
                    text.Append(' ');
                tokens.Add(new Documents.Span(text.Length, sentence.Tokens[i].Length));
                text.Append(sentence.Tokens[i]);
            }
        }
        return new ConllText(text.ToString(), tokens.ToArray(), sentences.ToArray());
    }
}
