using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Cli.Bench;

/// <summary>
/// Article extraction on one core: Storyline against SmartReader (in-process) and, where installed,
/// Readability.js on node and Debian's python3-readability — the same pages, in the same run, so the ratios count.
/// </summary>
internal static class ExtractionBench
{
    private sealed record Row(string Tool, int Pages, double Seconds, string Note)
    {
        public double PagesPerSecond => Seconds > 0 ? Pages / Seconds : 0;
    }

    public static int Run(string[] folders, int count)
    {
        var corpus = BenchCorpus.Load(folders);
        if (corpus.Pages.Count == 0)
            return Output.Fail("no .html or .html.gz pages under the given folders", ExitCodes.Usage);
        var pages = Enumerable.Range(0, count).Select(i => corpus.Pages[i % corpus.Pages.Count]).ToList();
        Output.Error.MarkupLine($"[grey]{corpus.Pages.Count} distinct pages, {count} extractions per tool, one thread[/]");

        var rows = new List<Row>
        {
            Time("Storyline", pages, page => new ArticleExtractor().Extract(new SourceDocument("bench:", page, ContentKind.Html)).Text.Length),
            Time("SmartReader 0.11", pages, page => new SmartReader.Reader("https://example.org/", page).GetArticle().TextContent?.Length ?? 0),
        };
        var pageDir = Directory.CreateTempSubdirectory("storyline-bench-pages-");
        try
        {
            for (int i = 0; i < corpus.Pages.Count; i++)
                File.WriteAllText(Path.Combine(pageDir.FullName, $"{i:D5}.html"), corpus.Pages[i]);
            rows.Add(External("Readability.js (node)", "node", [ScriptPath("readability.mjs"), pageDir.FullName, count.ToString(CultureInfo.InvariantCulture)]));
            // Debian's python3-readability is installed for the system interpreter, not for a pyenv one on PATH.
            rows.Add(External("python3-readability", File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3", [ScriptPath("python_readability.py"), pageDir.FullName, count.ToString(CultureInfo.InvariantCulture)]));
        }
        finally
        {
            pageDir.Delete(recursive: true);
        }

        var ours = rows[0].PagesPerSecond;
        var table = new Table().Title("Extraction, one thread").AddColumns("tool", "pages", "seconds", "pages/s", "Storyline is", "note");
        foreach (var r in rows)
        {
            table.AddRow(r.Tool, r.Pages.ToString(CultureInfo.InvariantCulture), r.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
                r.PagesPerSecond.ToString("0", CultureInfo.InvariantCulture),
                r.PagesPerSecond > 0 ? (ours / r.PagesPerSecond).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "—", Markup.Escape(r.Note));
        }
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    private static Row Time(string tool, List<string> pages, Func<string, int> extract)
    {
        // Warm up on a few pages so JIT compilation is not measured as extraction.
        foreach (var p in pages.Take(20))
            extract(p);
        var clock = Stopwatch.StartNew();
        long chars = 0;
        foreach (var p in pages)
            chars += extract(p);
        return new Row(tool, pages.Count, clock.Elapsed.TotalSeconds, $"{chars / Math.Max(1, pages.Count)} chars/page");
    }

    /// <summary>Runs a reference tool's script, which times itself and prints "pages seconds" on its last line.</summary>
    private static Row External(string tool, string program, string[] args)
    {
        try
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
                info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split(' ');
            if (process.ExitCode != 0 || last is not { Length: >= 2 })
                return new Row(tool, 0, 0, "not installed: " + FirstLine(stderr.Result));
            return new Row(tool, int.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture), "same pages, own process");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return new Row(tool, 0, 0, $"not installed ({program} not found)");
        }
    }

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";

    /// <summary>The reference scripts live in bench/readability in the repository.</summary>
    private static string ScriptPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "readability", name);
            if (File.Exists(candidate))
                return candidate;
        }
        return Path.Combine("bench", "readability", name);
    }
}
