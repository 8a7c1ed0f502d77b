using System.Collections.Frozen;

namespace Storyline.Entities;

/// <summary>The word lists of <c>data/lexicon.en.tsv</c>: titles, roles, organisation words, stop words.</summary>
public sealed class Lexicon
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _byCategory;

    private Lexicon(Dictionary<string, HashSet<string>> byCategory)
    {
        _byCategory = byCategory.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        Titles = SortedLongestFirst("title");
        Roles = SortedLongestFirst("role");
    }

    public static Lexicon English { get; } = Load(TsvData.Read("Storyline.Entities.lexicon.en.tsv"));

    public static Lexicon Load(IEnumerable<(int LineNumber, string[] Fields)> rows)
    {
        var byCategory = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (number, fields) in rows)
        {
            if (fields.Length != 2 || fields[0].Length == 0 || fields[1].Length == 0)
                throw new InvalidDataException($"lexicon.en.tsv line {number}: expected 'category<TAB>word'");
            if (!byCategory.TryGetValue(fields[0], out var set))
                byCategory[fields[0]] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            set.Add(fields[1]);
        }
        return new Lexicon(byCategory);
    }

    /// <summary>Titles as word sequences, longest first, so "Defense Minister" wins over "Minister".</summary>
    public IReadOnlyList<string[]> Titles { get; }

    /// <summary>Lower-case roles as word sequences, longest first.</summary>
    public IReadOnlyList<string[]> Roles { get; }

    public bool Is(string category, string word) => _byCategory.TryGetValue(category, out var set) && set.Contains(word);

    public bool IsHeadTitle(string title) => Is("head", title);

    private IReadOnlyList<string[]> SortedLongestFirst(string category) =>
        _byCategory.TryGetValue(category, out var set)
            ? set.Select(t => t.Split(' ')).OrderByDescending(t => t.Length).ThenBy(t => t[0], StringComparer.Ordinal).ToList()
            : [];
}
