using System.Diagnostics;
using Storyline.Language;

namespace Storyline.Train;

/// <summary><c>speed --text DIR</c>: tokens per second of the tokenizer, the splitter and the recogniser on one core, over the .txt files of a folder.</summary>
internal static class Speed
{
    public static int Run(Dictionary<string, string> options)
    {
        var folder = options.GetValueOrDefault("text") ?? "samples/seeds";
        var texts = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        var recognizer = options.TryGetValue("model", out var model) ? EntityRecognizer.Load(model) : EntityRecognizer.Default;
        int rounds = int.Parse(options.GetValueOrDefault("rounds") ?? "20", System.Globalization.CultureInfo.InvariantCulture);
        var tokens = texts.Select(Tokenizer.Tokenize).ToList();
        var sentences = texts.Select((t, i) => SentenceSplitter.Split(t, tokens[i])).ToList();
        long count = tokens.Sum(t => t.Count) * (long)rounds;
        recognizer.Recognize(texts[0], tokens[0], sentences[0]);
        Measure("tokenizer", count, () =>
        {
            for (int r = 0; r < rounds; r++)
                texts.ForEach(t => Tokenizer.Tokenize(t));
        });
        Measure("splitter", count, () =>
        {
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < texts.Count; i++)
                    SentenceSplitter.Split(texts[i], tokens[i]);
            }
        });
        Measure("ner", count, () =>
        {
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < texts.Count; i++)
                    recognizer.Recognize(texts[i], tokens[i], sentences[i]);
            }
        });
        return 0;
    }

    private static void Measure(string name, long tokens, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        Console.WriteLine($"{name,-10} {tokens / clock.Elapsed.TotalSeconds,12:N0} tokens/s ({tokens:N0} tokens, {clock.Elapsed.TotalMilliseconds:N0} ms)");
    }
}
