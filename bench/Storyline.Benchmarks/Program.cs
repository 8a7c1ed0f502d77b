using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Storyline.Benchmarks;

// `--pages DIR` (repeatable) points the benchmarks at real pages; the folders travel as an environment variable,
// which a child process (BenchmarkDotNet's default toolchain) inherits too.
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

// Without a --job of its own, a run is a short job in this process: BenchmarkDotNet's default toolchain builds a
// project per run (minutes on a shared two-core machine), and its in-process one gives up after five minutes,
// which a benchmark of 100 pages per operation passes when the machine is loaded.
var switcher = BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly);
if (rest.Contains("--job") || rest.Contains("-j") || rest.Contains("--inProcess"))
    switcher.Run([.. rest]);
else
    switcher.Run([.. rest], DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: false)).AsDefault()));
