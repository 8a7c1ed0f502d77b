using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// Tokens, sentences and named-entity mentions for every line of the document. Tokens or sentences that are
/// already present (a pre-tokenised corpus) are kept, so the recogniser can be scored on the corpus's own tokens.
/// </summary>
public sealed class LanguageStage(EntityRecognizer? recognizer = null) : IStage
{
    public string Name => "language";

    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        if (document.Tokens.Count == 0)
            document.Tokens = Tokenizer.Tokenize(text);
        if (document.Sentences.Count == 0)
            document.Sentences = SentenceSplitter.Split(text, document.Tokens, document.Lines.Count > 0 ? document.Lines.Select(l => l.Span) : null);
        document.Mentions = (recognizer ?? EntityRecognizer.Default).Recognize(text, document.Tokens, document.Sentences);
    }
}
