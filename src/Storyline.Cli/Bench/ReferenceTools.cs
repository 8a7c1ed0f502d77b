using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Storyline.Cli.Bench;

/// <summary>A reference tool's timing of a folder of pages, as its script printed it, or why it did not run.</summary>
internal sealed record ExternalTiming(int Pages, double WallSeconds, double CpuSeconds, string? Skipped);

/// <summary>
/// The reference extractors that run outside this process: Readability.js on node (with jsdom, as its README
/// recommends, and with linkedom, a lighter DOM) and Debian's python3-readability. Their scripts live in
/// bench/readability; the npm packages are installed at bench time into a cache folder outside the repository
/// (<c>$XDG_CACHE_HOME/storyline/bench-readability</c>), from the committed lock file, once. Each script times
/// itself and prints "pages wall-seconds cpu-seconds" on its last line. A tool that is missing is skipped with the
/// reason, never an error: the in-process rows still count.
/// </summary>
internal static class ReferenceTools
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static ExternalTiming ReadabilityJs(string dom, string pageDir, int count)
    {
        var scripts = ScriptFolder();
        if (scripts is null)
            return Skip("bench/readability not found next to the build");
        if (!OnPath("node"))
            return Skip("node not found on PATH (apt-get install nodejs npm)");
        var cache = Prepare(scripts, out var why);
        if (cache is null)
            return Skip(why);
        return RunScript("node", [Path.Combine(cache, "readability.mjs"), dom, pageDir, I(count)]);
    }

    public static ExternalTiming PythonReadability(string pageDir, int count)
    {
        var scripts = ScriptFolder();
        if (scripts is null)
            return Skip("bench/readability not found next to the build");
        // Debian's package is installed for the system interpreter, not for a pyenv one that may come first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        if (!File.Exists(python) && !OnPath(python))
            return Skip("python3 not found");
        if (Execute(python, ["-c", "import readability"], TimeSpan.FromSeconds(60)).ExitCode != 0)
            return Skip("python3-readability not installed (apt-get install python3-readability)");
        return RunScript(python, [Path.Combine(scripts, "python_readability.py"), pageDir, I(count)]);
    }

    /// <summary>
    /// The cache folder with the scripts and node_modules installed from the committed lock file; reinstalled when
    /// the lock file changes. Null (with the reason) when npm is missing or the install fails.
    /// </summary>
    private static string? Prepare(string scripts, out string why)
    {
        why = "";
        var cacheRoot = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var cache = Path.Combine(cacheRoot, "storyline", "bench-readability");
        Directory.CreateDirectory(cache);
        var lockFile = Path.Combine(scripts, "package-lock.json");
        var cachedLock = Path.Combine(cache, "package-lock.json");
        bool installed = Directory.Exists(Path.Combine(cache, "node_modules", "@mozilla", "readability"))
            && File.Exists(cachedLock) && File.ReadAllText(cachedLock) == File.ReadAllText(lockFile);
        foreach (var name in new[] { "package.json", "package-lock.json", "readability.mjs" })
            File.Copy(Path.Combine(scripts, name), Path.Combine(cache, name), overwrite: true);
        if (installed)
            return cache;
        if (!OnPath("npm"))
        {
            why = "npm not found on PATH, cannot install Readability.js (apt-get install npm)";
            return null;
        }
        Output.Error.MarkupLine($"[grey]installing Readability.js, jsdom and linkedom into {Markup.Escape(cache)} (once)[/]");
        var (code, _, stderr) = Execute("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], InstallTimeout, cache);
        if (code != 0)
        {
            why = "npm ci failed: " + FirstLine(stderr);
            return null;
        }
        return cache;
    }

    private static ExternalTiming RunScript(string program, string[] args)
    {
        var (code, stdout, stderr) = Execute(program, args, Timeout.InfiniteTimeSpan);
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split(' ');
        if (code != 0 || last is not { Length: >= 3 })
            return Skip($"{Path.GetFileName(program)} failed (exit {code}): {FirstLine(stderr)}");
        return new ExternalTiming(int.Parse(last[0], CultureInfo.InvariantCulture), D(last[1]), D(last[2]), null);
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string program, string[] args, TimeSpan timeout, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
            info.WorkingDirectory = workingDirectory;
        foreach (var a in args)
            info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", $"timed out after {timeout.TotalSeconds:0} s");
            }
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", $"{program}: {e.Message}");
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>bench/readability in the repository the build sits in, or null.</summary>
    private static string? ScriptFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "bench", "readability");
            if (File.Exists(Path.Combine(candidate, "readability.mjs")))
                return candidate;
        }
        var here = Path.Combine(Environment.CurrentDirectory, "bench", "readability");
        return File.Exists(Path.Combine(here, "readability.mjs")) ? here : null;
    }

    private static ExternalTiming Skip(string why) => new(0, 0, 0, why);

    private static string FirstLine(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
