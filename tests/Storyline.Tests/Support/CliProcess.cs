using System.Diagnostics;

namespace Storyline.Tests.Support;

/// <summary>
/// The real <c>storyline</c> executable run as a child process, as users run it: its own console, its own exit code,
/// and a process the crash tests can kill.
/// </summary>
public static class CliProcess
{
    /// <summary>
    /// The CLI's own build output (tests/Storyline.Tests/bin/CONFIG/TFM → src/Storyline.Cli/bin/CONFIG/TFM), not the copy
    /// beside the tests: the test host brings ASP.NET's shared framework, so that copy lacks files the CLI needs alone.
    /// </summary>
    public static string Executable
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var config = tfm.Parent!;
            var repo = config.Parent!.Parent!.Parent!.Parent!;
            var name = OperatingSystem.IsWindows() ? "Storyline.Cli.exe" : "Storyline.Cli";
            return Path.Combine(repo.FullName, "src", "Storyline.Cli", "bin", config.Name, tfm.Name, name);
        }
    }

    public static Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        return Process.Start(psi)!;
    }

    /// <summary>Runs to the end (a generous bound, only so that a hang fails the test instead of stalling the run).</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"storyline {string.Join(' ', args)} did not finish in 5 minutes");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
