namespace Storyline.Entities;

/// <summary>The mentions of one entity within a document, and what they say about it.</summary>
internal sealed class EntityCluster(string type, KnownEntity? known)
{
    public KnownEntity? Known { get; } = known;

    public string Type { get; set; } = type;

    public List<Candidate> Members { get; } = [];

    public List<string> Evidence { get; } = [];

    /// <summary>Descriptions this entity goes by here, lower case without the article: "russian president".</summary>
    public HashSet<string> Descriptions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Surface forms of descriptions and pronouns resolved to it ("the Russian leader").</summary>
    public List<string> ResolvedForms { get; } = [];

    public KnownEntity? Nationality { get; set; }

    public bool HoldsHeadTitle { get; set; }

    /// <summary>"Mr." → male, "Mrs."/"Ms." → female, else unknown: keeps "she" off a "Mr.".</summary>
    public char Gender { get; set; }

    public bool IsMedia { get; set; }

    public int MentionCount { get; set; }

    public string Name => Known?.Name ?? CanonicalName();

    public string Id => Known?.Id ?? EntityIds.For(Type, Name);

    public int FirstOffset => Members.Count == 0 ? int.MaxValue : Members.Min(m => m.Span.Start);

    /// <summary>
    /// The fullest name: most words, then most frequent, then earliest. "The" is kept only when some mention
    /// wrote it capitalised inside a sentence ("of The Moscow Times"), where it is part of the name.
    /// </summary>
    private string CanonicalName()
    {
        int most = Members.Max(m => m.Words.Count);
        return Members.Where(m => m.Words.Count == most)
            .GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(m => m.Span.Start))
            .First().First().Name;
    }

    public IReadOnlyList<string> Aliases()
    {
        var aliases = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Name };
        foreach (var form in Members.Select(m => m.Name).Concat(Known?.Aliases ?? []).Concat(ResolvedForms.Where(f => f.Contains(' '))))
        {
            if (seen.Add(form))
                aliases.Add(form);
        }
        return aliases;
    }
}
