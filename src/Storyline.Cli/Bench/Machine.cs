using System.Diagnostics;
using System.Globalization;

namespace Storyline.Cli.Bench;

/// <summary>
/// What a benchmark reads off the machine: this process's CPU time (user + sys, all its threads, the GC's included)
/// and the load average. On a shared machine wall time mostly measures the neighbours; CPU time per document is
/// what can be compared across runs, and the load average says how much to trust the wall-clock figures.
/// </summary>
internal static class Machine
{
    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The one-minute load average, or "?" where /proc/loadavg does not exist.</summary>
    public static string LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return "?";
        }
    }
}
