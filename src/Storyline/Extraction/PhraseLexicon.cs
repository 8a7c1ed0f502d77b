using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>What a boilerplate phrase says about the line it occurs in.</summary>
internal enum PhraseKind { None, Related, Pitch, Ui, Credit, Gallery }

/// <summary>
/// The boilerplate phrases of <c>data/boilerplate.tsv</c>: regular expressions grouped by kind, asked in file order.
/// Loaded once; thread-safe.
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly List<(PhraseKind Kind, Regex Pattern)> _rows;

    private PhraseLexicon(List<(PhraseKind, Regex)> rows) => _rows = rows;

    public static PhraseLexicon Default { get; } = Load(DataFile.Open("boilerplate.tsv"), "boilerplate.tsv");

    public static PhraseLexicon Load(TextReader reader, string name)
    {
        var rows = new List<(PhraseKind, Regex)>();
        int number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0 || !Enum.TryParse<PhraseKind>(line[..tab], ignoreCase: true, out var kind))
                throw new InvalidDataException($"{name}:{number}: expected kind<TAB>regex");
            rows.Add((kind, new Regex(line[(tab + 1)..], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1))));
        }
        return new PhraseLexicon(rows);
    }

    /// <summary>Every kind whose phrases occur in <paramref name="line"/>.</summary>
    public HashSet<PhraseKind> Match(string line)
    {
        var kinds = new HashSet<PhraseKind>();
        foreach (var (kind, pattern) in _rows)
        {
            if (!kinds.Contains(kind) && pattern.IsMatch(line))
                kinds.Add(kind);
        }
        return kinds;
    }
}

/// <summary>The data files embedded beside the extraction code (<c>Extraction/data/</c>).</summary>
internal static class DataFile
{
    public static TextReader Open(string name) => new StreamReader(OpenStream(name));

    public static Stream OpenStream(string name) =>
        typeof(DataFile).Assembly.GetManifestResourceStream("Storyline.Extraction.data." + name)
        ?? throw new InvalidOperationException($"embedded data file {name} is missing from the Storyline assembly");
}
