using System.Reflection;

namespace Storyline.Entities;

/// <summary>Reads the tab-separated lexicons embedded in the assembly: '#' lines are comments, blank lines skipped.</summary>
internal static class TsvData
{
    public static IEnumerable<(int LineNumber, string[] Fields)> Read(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"embedded resource '{resourceName}' is missing from the build");
        using var reader = new StreamReader(stream);
        foreach (var row in Read(reader))
            yield return row;
    }

    public static IEnumerable<(int LineNumber, string[] Fields)> Read(TextReader reader)
    {
        int number = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            yield return (number, line.Split('\t'));
        }
    }
}
