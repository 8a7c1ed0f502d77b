using BenchmarkDotNet.Running;
using Storyline.Benchmarks;

// `--pages DIR` (repeatable) points the benchmarks at real pages; BenchmarkDotNet runs each benchmark in a child
// process, which inherits the environment, so the folders travel as an environment variable.
var rest = new List<string>();
var folders = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--pages" && i + 1 < args.Length)
        folders.Add(Path.GetFullPath(args[++i]));
    else
        rest.Add(args[i]);
}
if (folders.Count > 0)
    Environment.SetEnvironmentVariable(BenchData.PagesVariable, string.Join(Path.PathSeparator, folders));
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run([.. rest]);
