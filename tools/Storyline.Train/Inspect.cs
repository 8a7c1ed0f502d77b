using Storyline.Evaluation;
using Storyline.Language;

namespace Storyline.Train;

/// <summary><c>inspect --file F [--model M] [--sentences N]</c>: prints gold and predicted tags side by side, for error analysis.</summary>
internal static class Inspect
{
    public static int Run(Dictionary<string, string> options)
    {
        var file = options.GetValueOrDefault("file") ?? throw new ArgumentException("--file is required");
        var recognizer = EntityRecognizer.Load(options.GetValueOrDefault("model") ?? "models/ner.bin");
        int limit = int.Parse(options.GetValueOrDefault("sentences") ?? "50", System.Globalization.CultureInfo.InvariantCulture);
        int shown = 0;
        foreach (var document in ConllReader.Read(file))
        {
            var layout = ConllText.Of(document);
            var tokens = layout.Tokens.Select(s => new Storyline.Documents.Token(s, Storyline.Documents.TokenKind.Word)).ToList();
            var sentences = layout.Sentences.Select(s => new Storyline.Documents.Sentence(
                Storyline.Documents.Span.FromBounds(layout.Tokens[s.First].Start, layout.Tokens[s.First + s.Count - 1].End), s.First, s.Count)).ToList();
            var mentions = recognizer.Recognize(layout.Text, tokens, sentences);
            foreach (var s in document.Sentences)
            {
                if (shown++ >= limit)
                    return 0;
                Console.WriteLine(string.Join(" ", s.Tokens.Select((t, i) => s.Tags[i] == "O" ? t : $"{t}/{s.Tags[i]}")));
            }
            Console.WriteLine("PRED: " + string.Join(" | ", mentions.Select(m => $"{layout.Text.Substring(m.Span.Start, m.Span.Length)}/{m.Type}")));
        }
        return 0;
    }
}
