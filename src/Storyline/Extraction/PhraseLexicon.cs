using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>What a boilerplate phrase says about the line it occurs in.</summary>
internal enum PhraseKind { None, Related, Pitch, Ui, Credit, Gallery }

/// <summary>The kinds of boilerplate phrase a line contains, as a set of bits.</summary>
internal readonly record struct PhraseKinds(int Bits)
{
    public bool Has(PhraseKind kind) => (Bits & (1 << (int)kind)) != 0;

    public PhraseKinds With(PhraseKind kind) => new(Bits | (1 << (int)kind));
}

/// <summary>
/// The boilerplate phrases of <c>data/boilerplate.tsv</c>: regular expressions grouped by kind. The rows of one
/// kind are joined into one alternation, so a line is scanned once per kind, not once per row (this runs on every
/// block of every page). Loaded once; thread-safe.
/// </summary>
internal sealed class PhraseLexicon
{
    private readonly List<(PhraseKind Kind, Regex Pattern)> _kinds;

    private PhraseLexicon(List<(PhraseKind, Regex)> kinds) => _kinds = kinds;

    public static PhraseLexicon Default { get; } = Load(DataFile.Open("boilerplate.tsv"), "boilerplate.tsv");

    public static PhraseLexicon Load(TextReader reader, string name)
    {
        var rows = new List<(PhraseKind Kind, string Pattern)>();
        int number = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0 || !Enum.TryParse<PhraseKind>(line[..tab], ignoreCase: true, out var kind))
                throw new InvalidDataException($"{name}:{number}: expected kind<TAB>regex");
            var pattern = line[(tab + 1)..];
            try
            {
                _ = new Regex(pattern);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"{name}:{number}: {e.Message}", e);
            }
            rows.Add((kind, pattern));
        }
        // Each row sits in its own non-capturing group, so its anchors and alternatives stay its own. No match timeout:
        // it is wall-clock time, which a starved machine spends before the first match has even been compiled, and the
        // rows are hand-written with bounded repetition, so no line makes them backtrack without end.
        var kinds = rows.GroupBy(r => r.Kind)
            .Select(g => (g.Key, new Regex(string.Join("|", g.Select(r => "(?:" + r.Pattern + ")")),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled)))
            .ToList();
        return new PhraseLexicon(kinds);
    }

    /// <summary>Every kind whose phrases occur in <paramref name="line"/>.</summary>
    public PhraseKinds Match(string line)
    {
        var kinds = default(PhraseKinds);
        foreach (var (kind, pattern) in _kinds)
        {
            if (pattern.IsMatch(line))
                kinds = kinds.With(kind);
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
