using System.Collections.Frozen;

namespace Storyline.Entities;

/// <summary>An entry of the curated alias file: a country, city, region or institution known before reading.</summary>
public sealed record KnownEntity(
    string Id,
    string Type,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Adjectives,
    string? StandsFor);

/// <summary>
/// The curated aliases of <c>data/aliases.tsv</c>: names and variants ("Kiev" → Kyiv), demonyms ("Russian" →
/// Russia) and metonyms ("the Kremlin" stands for Russia). Lookups are case-sensitive: "US" is not "us".
/// </summary>
public sealed class AliasTable
{
    private readonly FrozenDictionary<string, KnownEntity> _byName;
    private readonly FrozenDictionary<string, KnownEntity> _byAdjective;
    private readonly FrozenDictionary<string, KnownEntity> _byId;

    private AliasTable(IReadOnlyList<KnownEntity> entries)
    {
        Entries = entries;
        var byName = new Dictionary<string, KnownEntity>(StringComparer.Ordinal);
        var byAdjective = new Dictionary<string, KnownEntity>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            foreach (var name in e.Aliases.Prepend(e.Name))
                byName.TryAdd(StripArticle(name), e);
            foreach (var adjective in e.Adjectives)
                byAdjective.TryAdd(adjective, e);
        }
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byAdjective = byAdjective.ToFrozenDictionary(StringComparer.Ordinal);
        _byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        MaxWords = _byName.Keys.Max(k => k.Split(' ').Length);
    }

    public static AliasTable Default { get; } = Load(TsvData.Read("Storyline.Entities.aliases.tsv"));

    public IReadOnlyList<KnownEntity> Entries { get; }

    /// <summary>The most words any name in the table has: how far a matcher needs to look ahead.</summary>
    public int MaxWords { get; }

    public static AliasTable Load(IEnumerable<(int LineNumber, string[] Fields)> rows)
    {
        var entries = new List<KnownEntity>();
        foreach (var (number, f) in rows)
        {
            if (f.Length < 3 || f[0].Length == 0 || f[2].Length == 0 || f[1] is not ("PERSON" or "ORG" or "PLACE" or "MISC"))
                throw new InvalidDataException($"aliases.tsv line {number}: expected 'id<TAB>TYPE<TAB>name[<TAB>aliases<TAB>adjectives<TAB>stands_for]'");
            entries.Add(new KnownEntity(f[0], f[1], f[2], List(f, 3), List(f, 4), f.Length > 5 && f[5].Length > 0 ? f[5] : null));
        }
        return new AliasTable(entries);

        static IReadOnlyList<string> List(string[] f, int i) =>
            f.Length > i ? f[i].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    }

    /// <summary>The entry named exactly <paramref name="name"/> (a leading "the" is ignored).</summary>
    public KnownEntity? ByName(string name) => _byName.GetValueOrDefault(StripArticle(name));

    /// <summary>The country a demonym or adjective names: "Russian" → Russia, "U.S." → United States.</summary>
    public KnownEntity? ByAdjective(string adjective) => _byAdjective.GetValueOrDefault(adjective);

    public KnownEntity? ById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Metonyms (institutions, capitals) that stand for <paramref name="id"/>: Russia → Kremlin, Moscow.</summary>
    public IEnumerable<KnownEntity> MetonymsOf(string id) => Entries.Where(e => e.StandsFor == id);

    private static string StripArticle(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
}
