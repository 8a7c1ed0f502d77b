using System.CommandLine;

namespace Storyline.Cli.Bench;

/// <summary><c>storyline bench</c>: throughput benchmarks, side by side with reference tools in the same run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks: documents/s, latency and memory, side by side with reference tools");
        command.Subcommands.Add(Pipeline());
        command.Subcommands.Add(Extraction());
        command.Subcommands.Add(Statements());
        command.Subcommands.Add(Language());
        return command;
    }

    private static Argument<string[]> Folders() => new("folders") { Description = "Folders (or files) of .html / .html.gz pages", Arity = ArgumentArity.OneOrMore };

    private static Command Pipeline()
    {
        var folders = Folders();
        var count = new Option<int>("--count") { Description = "Documents per run (pages are repeated)", DefaultValueFactory = _ => 20_000 };
        var threads = new Option<int[]>("--threads") { Description = "Thread counts to run with", DefaultValueFactory = _ => Environment.ProcessorCount > 1 ? [1, Environment.ProcessorCount] : [1], AllowMultipleArgumentsPerToken = true };
        var corpora = new Option<string[]>("--corpus") { Description = "Which corpora to run: html, text (default both)", AllowMultipleArgumentsPerToken = true };
        corpora.AcceptOnlyFromAmong("html", "text");
        var command = new Command("pipeline", "The whole pipeline into SQLite, on HTML pages and on their extracted text") { folders, count, threads, corpora };
        command.SetAction(r => r.GetValue(count) < 1
            ? Output.Fail("--count must be at least 1", ExitCodes.Usage)
            : PipelineBench.Run(r.GetValue(folders)!, r.GetValue(count), r.GetValue(threads)!, r.GetValue(corpora) ?? []));
        return command;
    }

    private static Command Statements()
    {
        var folders = Folders();
        var count = new Option<int>("--count") { Description = "Articles to run the stage on (bodies are repeated)", DefaultValueFactory = _ => 20_000 };
        var attributions = Commands.AttributionsOption();
        var command = new Command("statements", "The statement stage alone, one core, on the article bodies of the pages: articles/s") { folders, count, attributions };
        command.SetAction(r => r.GetValue(count) < 1
            ? Output.Fail("--count must be at least 1", ExitCodes.Usage)
            : StatementsBench.Run(r.GetValue(folders)!, r.GetValue(count), r.GetValue(attributions)));
        return command;
    }

    private static Command Extraction()
    {
        var folders = Folders();
        var count = new Option<int>("--count") { Description = "Pages per tool (pages are repeated)", DefaultValueFactory = _ => 2_000 };
        var storylineOnly = new Option<bool>("--storyline-only") { Description = "Time Storyline alone (no reference tools): for quick before/after checks" };
        var command = new Command("extraction", "Article extraction alone, one core: Storyline vs SmartReader, Readability.js and python-readability") { folders, count, storylineOnly };
        command.SetAction(r => r.GetValue(count) < 1
            ? Output.Fail("--count must be at least 1", ExitCodes.Usage)
            : ExtractionBench.Run(r.GetValue(folders)!, r.GetValue(count), r.GetValue(storylineOnly)));
        return command;
    }

    private static Command Language()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "articles.json files (NAEB gold: bodies in \"articleBody\"), or folders of .txt files", Arity = ArgumentArity.OneOrMore };
        var seconds = new Option<double>("--seconds") { Description = "Minimum run time of each part", DefaultValueFactory = _ => 3 };
        var command = new Command("language", "Tokens/s of the tokenizer, the sentence splitter and the recogniser, one thread") { inputs, seconds };
        command.SetAction(r => r.GetValue(seconds) <= 0
            ? Output.Fail("--seconds must be positive", ExitCodes.Usage)
            : LanguageBench.Run(r.GetValue(inputs)!, r.GetValue(seconds)));
        return command;
    }
}
