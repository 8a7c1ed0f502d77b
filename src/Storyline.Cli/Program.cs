using System.CommandLine;
using Storyline.Cli;

var root = new RootCommand("Storyline reads news articles and produces a sourced record: who said what, when, to whom, reported by whom.");
foreach (var command in Commands.All())
    root.Subcommands.Add(command);
return root.Parse(args).Invoke();
