using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Statements;

namespace Storyline.Cli.Bench;

/// <summary>
/// The statement stage alone on one core: article bodies are extracted and annotated up to the stage's inputs
/// (language, time, entities) once, untimed; then the stage runs over them repeatedly. Reports articles per second of
/// wall time and of CPU time (on a shared machine the wall clock mostly measures the neighbours).
/// </summary>
internal static class StatementsBench
{
    public static int Run(string[] folders, int count, AttributionModelUse attributions)
    {
        var corpus = BenchCorpus.Load(folders);
        if (corpus.Pages.Count == 0)
            return Output.Fail("no .html or .html.gz pages under the given folders", ExitCodes.Usage);

        var pipeline = Pipeline.CreateDefault();
        var stages = Pipeline.DefaultStages(attributions);
        var before = stages.TakeWhile(s => s.Name != "statements").ToList();
        var stage = stages.FirstOrDefault(s => s.Name == "statements") ?? throw new InvalidOperationException("the default pipeline has no statement stage");
        var documents = new List<Document>();
        foreach (var page in corpus.Pages)
        {
            var document = pipeline.Extract(new SourceDocument("bench:", page, ContentKind.Html));
            if (document.BodyText.Length == 0)
                continue;
            before.ForEach(s => s.Apply(document));
            documents.Add(document);
        }
        if (documents.Count == 0)
            return Output.Fail("no page had an article body", ExitCodes.Usage);
        long characters = documents.Sum(d => (long)d.BodyText.Length);
        Output.Error.MarkupLine($"[grey]{documents.Count} article bodies ({characters / documents.Count} characters on average), {count} runs of the statement stage, one thread[/]");

        for (int i = 0; i < Math.Min(count, documents.Count); i++)
            stage.Apply(documents[i]); // warm-up: JIT and lexicon loading are not throughput
        Output.Error.MarkupLine($"[grey]output digest {Digest(stage, documents)} (changes when any article's statements do)[/]");
        long statements = 0;
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var document = documents[i % documents.Count];
            stage.Apply(document);
            statements += document.Statements.Count;
        }
        clock.Stop();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;

        var table = new Table().Title("Statement stage, one thread").AddColumns("articles", "articles/s (wall)", "articles/s (CPU)", "statements/article", "ms/article (CPU)");
        table.AddRow(I(count), F(count / clock.Elapsed.TotalSeconds, "0"), F(count / used.TotalSeconds, "0"), F(statements / (double)count, "0.0"),
            F(used.TotalMilliseconds / count, "0.000"));
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// A hash of every statement the stage finds in every distinct article (spans, kind, speaker, addressee,
    /// confidence): a speed-up that changes it changed the output.
    /// </summary>
    private static string Digest(IStage stage, List<Document> documents)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var document in documents)
        {
            stage.Apply(document);
            foreach (var s in document.Statements)
            {
                var fields = new object?[] { s.Content, s.Kind, s.Speaker, s.SpeakerSpan, s.Cue, s.Addressee, s.Confidence?.ToString("R", CultureInfo.InvariantCulture) };
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join("\u0001", fields.Select(f => f?.ToString() ?? "\u0000")) + "\u0002"));
            }
            hash.AppendData("\u0003"u8);
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static string I(long x) => x.ToString(CultureInfo.InvariantCulture);

    private static string F(double x, string format) => x.ToString(format, CultureInfo.InvariantCulture);
}
