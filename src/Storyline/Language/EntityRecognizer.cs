using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Finds names of people, organisations, places and other named things (PERSON, ORG, PLACE, MISC) with the
/// model trained by <c>tools/Storyline.Train</c> from CoNLL-2003 (see models/ner.md). The shipped model is
/// embedded in the assembly and loaded once, on first use; a recogniser is immutable and thread-safe.
/// </summary>
public sealed class EntityRecognizer
{
    internal const string ResourceName = "Storyline.models.ner.bin";

    // Documents are tagged in pieces of at most this many tokens, so a pathological input (megabytes without a
    // line break) costs bounded memory. The prediction history, which links repeated names, spans one piece.
    private const int MaxPiece = 20_000;

    [ThreadStatic]
    private static List<Span>? t_spans;

    [ThreadStatic]
    private static List<(int First, int Count)>? t_pieces;

    private static readonly Lazy<EntityRecognizer> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    internal EntityRecognizer(NerModel model) => Model = model;

    internal NerModel Model { get; }

    /// <summary>The recogniser with the model shipped in models/ner.bin.</summary>
    public static EntityRecognizer Default => Shipped.Value;

    public static EntityRecognizer Load(string path)
    {
        using var stream = File.OpenRead(path);
        return new EntityRecognizer(NerModel.Load(stream));
    }

    private static EntityRecognizer LoadShipped()
    {
        using var stream = typeof(EntityRecognizer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The NER model is missing from {typeof(EntityRecognizer).Assembly.GetName().Name}: build with models/ner.bin present.");
        return new EntityRecognizer(NerModel.Load(stream));
    }

    /// <summary>The names in <paramref name="sentences"/>, in text order.</summary>
    public List<EntityMention> Recognize(string text, IReadOnlyList<Token> tokens, IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        var mentions = new List<EntityMention>();
        // The piece's token spans and sentences, in lists this thread reuses (a piece is done with before the next).
        var spans = t_spans ??= [];
        var pieces = t_pieces ??= [];
        spans.Clear();
        pieces.Clear();
        int offset = 0;
        foreach (var sentence in sentences)
        {
            var (first, count) = TokensOf(sentence, tokens);
            for (int start = first; start < first + count; start += MaxPiece)
            {
                int length = Math.Min(MaxPiece, first + count - start);
                if (spans.Count + length > MaxPiece)
                {
                    Tag(text, spans, pieces, offset, tokens, mentions);
                    spans.Clear();
                    pieces.Clear();
                }
                if (spans.Count == 0)
                    offset = start;
                pieces.Add((start - offset, length));
                for (int k = start; k < start + length; k++)
                    spans.Add(tokens[k].Span);
            }
        }
        Tag(text, spans, pieces, offset, tokens, mentions);
        return mentions;
    }

    private void Tag(string text, List<Span> spans, List<(int First, int Count)> pieces, int offset, IReadOnlyList<Token> tokens, List<EntityMention> mentions)
    {
        if (spans.Count == 0)
            return;
        var document = new NerDocument(text, spans, pieces, Model.Resources, Model.Forms);
        var labels = Model.Tag(document);
        foreach (var (first, count, type) in NerLabels.Decode(labels))
        {
            // A name ends in a name word: trailing lower-case words are a description the model took in with
            // it ("the Kommersant business newspaper"), and would make "Kommersant" a second entity.
            int last = offset + first + count - 1;
            while (last > offset + first && char.IsLower(text[tokens[last].Span.Start]))
                last--;
            var start = tokens[offset + first].Span.Start;
            var end = tokens[last].Span.End;
            mentions.Add(new EntityMention(Span.FromBounds(start, end), NerLabels.Types[type]));
        }
    }

    /// <summary>The token range of a sentence: as recorded by the splitter, or found by offsets.</summary>
    private static (int First, int Count) TokensOf(Sentence sentence, IReadOnlyList<Token> tokens)
    {
        if (sentence.TokenCount > 0)
            return (sentence.FirstToken, sentence.TokenCount);
        int first = LowerBound(tokens, sentence.Span.Start);
        int end = first;
        while (end < tokens.Count && tokens[end].Span.End <= sentence.Span.End)
            end++;
        return (first, end - first);
    }

    private static int LowerBound(IReadOnlyList<Token> tokens, int start)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Span.Start < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
