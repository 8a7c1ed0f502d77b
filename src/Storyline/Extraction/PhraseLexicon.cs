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
/// kind are joined into alternations, so a line is scanned once per kind, not once per row (this runs on every
/// block of every page): the rows anchored at the start of the line in one alternation under a single <c>^</c>, which
/// the engine tries at the first character only, the others in a second, which it must try at every character. The
/// kind matches when either does, so how the rows are split changes the speed, never the answer. Loaded once;
/// thread-safe.
/// </summary>
internal sealed class PhraseLexicon
{
    /// <summary>Per kind (by its number), the alternations of its rows; empty for kinds without rows.</summary>
    private readonly Regex[][] _patterns;

    private PhraseLexicon(Regex[][] patterns) => _patterns = patterns;

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
        var patterns = new Regex[Enum.GetValues<PhraseKind>().Length][];
        for (int k = 0; k < patterns.Length; k++)
        {
            var ofKind = rows.Where(r => (int)r.Kind == k).Select(r => r.Pattern).ToList();
            var anchored = ofKind.Where(IsAnchored).Select(p => p[1..]).ToList();
            var free = ofKind.Where(p => !IsAnchored(p)).ToList();
            patterns[k] = [.. new[] { anchored.Count > 0 ? "^(?:" + Alternation(anchored) + ")" : null, free.Count > 0 ? Alternation(free) : null }
                .OfType<string>()
                .Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled))];
        }
        return new PhraseLexicon(patterns);
    }

    private static string Alternation(IEnumerable<string> rows) => string.Join("|", rows.Select(r => "(?:" + r + ")"));

    /// <summary>A row that can only match at the start of the line: it begins with <c>^</c> and has no top-level
    /// alternative that does not (<c>^a|b</c> is not anchored).</summary>
    private static bool IsAnchored(string pattern)
    {
        if (!pattern.StartsWith('^'))
            return false;
        int depth = 0;
        bool escaped = false, inClass = false;
        foreach (var c in pattern)
        {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (inClass)
                inClass = c != ']';
            else if (c == '[')
                inClass = true;
            else if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (c == '|' && depth == 0)
                return false;
        }
        return true;
    }

    /// <summary>Every kind whose phrases occur in <paramref name="line"/>.</summary>
    public PhraseKinds Match(string line)
    {
        var kinds = default(PhraseKinds);
        for (int k = 0; k < _patterns.Length; k++)
        {
            if (Has(line, (PhraseKind)k))
                kinds = kinds.With((PhraseKind)k);
        }
        return kinds;
    }

    /// <summary>True when a phrase of this one kind occurs in <paramref name="line"/>: for callers that need only some kinds.</summary>
    public bool Has(string line, PhraseKind kind)
    {
        foreach (var pattern in _patterns[(int)kind])
        {
            if (pattern.IsMatch(line))
                return true;
        }
        return false;
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
