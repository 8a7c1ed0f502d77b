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
        int limit = int.Parse(options.GetValueOrDefault("documents") ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        int shown = 0;
        foreach (var document in ConllReader.Read(file))
        {
            var layout = ConllText.Of(document);
            var tokens = layout.Tokens.Select(s => new Storyline.Documents.Token(s, Storyline.Documents.TokenKind.Word)).ToList();
            var sentences = layout.Sentences.Select(s => new Storyline.Documents.Sentence(
                Storyline.Documents.Span.FromBounds(layout.Tokens[s.First].Start, layout.Tokens[s.First + s.Count - 1].End), s.First, s.Count)).ToList();
            var mentions = recognizer.Recognize(layout.Text, tokens, sentences);
            var predicted = mentions.Select(m => (layout.Text.Substring(m.Span.Start, m.Span.Length), m.Type)).ToHashSet();
            var gold = new HashSet<(string, string)>();
            foreach (var s in document.Sentences)
            {
                foreach (var (first, count, type) in ConllChunks.Of(s.Tags.Select(ConllEvaluator.MapTag).ToList()))
                    gold.Add((string.Join(" ", s.Tokens.Skip(first).Take(count)), NerLabels.Types[Array.IndexOf(NerLabels.ConllTypes, type)]));
            }
            foreach (var miss in gold.Except(predicted))
                Console.WriteLine($"  missed {miss.Item1} / {miss.Item2}   (predicted: {string.Join(", ", predicted.Where(p => p.Item1.Contains(miss.Item1.Split(' ')[0], StringComparison.Ordinal)).Select(p => p.Item1 + "/" + p.Item2))})");
            foreach (var extra in predicted.Except(gold))
                Console.WriteLine($"  extra  {extra.Item1} / {extra.Item2}");
            if (++shown >= limit)
                return 0;
        }
        return 0;
    }
}
