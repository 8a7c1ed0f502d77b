using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Storyline.Language;

namespace Storyline.Cli.Bench;

/// <summary>
/// The language stage's parts on one thread: tokens per second of the tokenizer, the sentence splitter and the
/// named-entity recogniser, each on its own (the splitter and the recogniser get the tokens ready-made), over
/// article bodies. CPU time is reported beside wall time: on a shared machine the wall clock mostly measures the
/// neighbours. Bytes allocated per token show whether the hot path allocates. Each part reads every text once per
/// round and runs whole rounds until <c>--seconds</c> have passed, so the tokens column is tokens per round times
/// rounds: a part that got faster fits another round in and reads twice the tokens (the rounds column says so).
/// </summary>
internal static class LanguageBench
{
    private sealed record Row(string Part, int Rounds, long Tokens, double WallSeconds, double CpuSeconds, long Bytes);

    public static int Run(string[] inputs, double seconds)
    {
        var texts = inputs.SelectMany(Texts).Where(t => t.Length > 0).ToList();
        if (texts.Count == 0)
            return Output.Fail("no texts: give articles.json files (NAEB's gold, bodies in \"articleBody\") or folders of .txt files", ExitCodes.Usage);
        var tokens = texts.Select(Tokenizer.Tokenize).ToList();
        var sentences = texts.Select((t, i) => SentenceSplitter.Split(t, tokens[i])).ToList();
        long perRound = tokens.Sum(t => (long)t.Count);
        var recognizer = EntityRecognizer.Default;
        Output.Error.MarkupLine($"[grey]{texts.Count} texts, {perRound:N0} tokens, {texts.Sum(t => (long)t.Length) / 1e6:0.0} M characters a round; each part runs whole rounds for ≥ {seconds:0.#} s on one thread[/]");

        var rows = new List<Row>
        {
            Measure("tokenizer", perRound, seconds, texts.Count, i => Tokenizer.Tokenize(texts[i]).Count),
            Measure("sentence splitter", perRound, seconds, texts.Count, i => SentenceSplitter.Split(texts[i], tokens[i]).Count),
            Measure("recogniser (NER)", perRound, seconds, texts.Count, i => recognizer.Recognize(texts[i], tokens[i], sentences[i]).Count),
            Measure("all three", perRound, seconds, texts.Count, i =>
            {
                var t = Tokenizer.Tokenize(texts[i]);
                return recognizer.Recognize(texts[i], t, SentenceSplitter.Split(texts[i], t)).Count;
            }),
        };

        var table = new Table().Title("Language stage, one thread").AddColumns("part", "rounds", "tokens", "tokens/s (wall)", "tokens/s (CPU)", "bytes/token");
        foreach (var r in rows)
        {
            table.AddRow(r.Part, r.Rounds.ToString(CultureInfo.InvariantCulture), r.Tokens.ToString("N0", CultureInfo.InvariantCulture), Rate(r.Tokens, r.WallSeconds), Rate(r.Tokens, r.CpuSeconds),
                ((double)r.Bytes / r.Tokens).ToString("0.0", CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>Runs <paramref name="work"/> over every text, round after round, until <paramref name="seconds"/> have passed.</summary>
    private static Row Measure(string part, long perRound, double seconds, int count, Func<int, int> work)
    {
        for (int i = 0; i < Math.Min(count, 20); i++)
            work(i);
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        int rounds = 0, sink = 0;
        do
        {
            for (int i = 0; i < count; i++)
                sink += work(i);
            tokens += perRound;
            rounds++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);
        clock.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        GC.KeepAlive(sink);
        return new Row(part, rounds, tokens, clock.Elapsed.TotalSeconds, used.TotalSeconds, bytes);
    }

    private static string Rate(long tokens, double seconds) =>
        seconds > 0 ? (tokens / seconds).ToString("N0", CultureInfo.InvariantCulture) : "—";

    /// <summary>The bodies of a NAEB-style articles.json (a folder holding one counts too), or the .txt files of a folder.</summary>
    private static IEnumerable<string> Texts(string input)
    {
        var json = Directory.Exists(input) ? Path.Combine(input, "articles.json") : input;
        if (File.Exists(json) && json.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(json));
            var articles = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().Select(p => p.Value)
                : document.RootElement.EnumerateArray();
            return articles.Select(a => a.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "").ToList();
        }
        if (Directory.Exists(input))
            return Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        return File.Exists(input) ? [File.ReadAllText(input)] : [];
    }
}
