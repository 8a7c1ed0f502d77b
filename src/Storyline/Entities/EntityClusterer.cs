namespace Storyline.Entities;

/// <summary>
/// Groups a document's candidate mentions into entities: curated names by their entry, full names by spelling,
/// spelling variants of one full name when first names agree, surnames and acronyms with the full form they
/// abbreviate. Two people who share a surname stay apart; a bare surname goes to the nearest preceding one.
/// </summary>
internal static class EntityClusterer
{
    public static (List<EntityCluster> Clusters, EntityCluster[] Of) Cluster(IReadOnlyList<Candidate> candidates, string text)
    {
        var of = new EntityCluster[candidates.Count];
        var clusters = new List<EntityCluster>();
        var byKey = new Dictionary<string, EntityCluster>(StringComparer.OrdinalIgnoreCase);

        EntityCluster Get(string key, string type, KnownEntity? known)
        {
            if (!byKey.TryGetValue(key, out var c))
            {
                byKey[key] = c = new EntityCluster(type, known);
                clusters.Add(c);
            }
            return c;
        }

        void Join(int i, EntityCluster c)
        {
            of[i] = c;
            c.Members.Add(candidates[i]);
        }

        // 1. Curated names, and full names (two words or more).
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c.Known is { } known)
                Join(i, Get(known.Id, known.Type, known));
            else if (c.Words.Count >= 2)
                Join(i, Get(Key(c), c.Type, null));
        }

        // 2. Spelling variants of one person: same first name, surnames a near miss ("Steve Witkopf" ~ "Steve Witkoff").
        MergeVariants(clusters, of);

        // 3. Acronyms, surnames and other single words.
        for (int i = 0; i < candidates.Count; i++)
        {
            if (of[i] is not null)
                continue;
            var c = candidates[i];
            var target = c.IsAcronym ? Expansion(c, candidates, of, clusters, text) : Surname(c, clusters);
            if (target is not null)
                Join(i, target);
            else
                Join(i, Get(Key(c), c.Type, null));
        }

        clusters.RemoveAll(c => c.Members.Count == 0);
        foreach (var cluster in clusters)
            cluster.Type = cluster.Known?.Type ?? TypeOf(cluster);
        return (clusters, of);
    }

    private static string Key(Candidate c) => c.Name.StartsWith("The ", StringComparison.Ordinal) ? c.Name[4..] : c.Name;

    private static void MergeVariants(List<EntityCluster> clusters, EntityCluster[] of)
    {
        var people = clusters.Where(c => c.Known is null && c.Members.Count > 0 && c.Members.Any(m => m.Type == "PERSON")).ToList();
        for (int a = 0; a < people.Count; a++)
        {
            for (int b = a + 1; b < people.Count; b++)
            {
                if (people[a].Members.Count == 0 || people[b].Members.Count == 0)
                    continue;
                var x = people[a].Members[0];
                var y = people[b].Members[0];
                if (x.Words.Count != y.Words.Count)
                    continue;
                if (!string.Equals(x.First, y.First, StringComparison.OrdinalIgnoreCase) || !StringSimilarity.AreSpellingVariants(x.Last, y.Last))
                    continue;
                var (keep, drop) = people[a].FirstOffset <= people[b].FirstOffset ? (people[a], people[b]) : (people[b], people[a]);
                keep.Evidence.Add($"'{drop.Members[0].Name}' ~ '{keep.Members[0].Name}': same first name, surname edit distance "
                    + $"{StringSimilarity.Levenshtein(x.Last, y.Last)}, Jaro-Winkler {StringSimilarity.JaroWinkler(x.Last, y.Last):0.00}, same document");
                foreach (var m in drop.Members)
                {
                    keep.Members.Add(m);
                    for (int i = 0; i < of.Length; i++)
                    {
                        if (ReferenceEquals(of[i], drop))
                            of[i] = keep;
                    }
                }
                drop.Members.Clear();
            }
        }
    }

    /// <summary>"CSTO" after "Collective Security Treaty Organization (": the cluster whose initials it spells.</summary>
    private static EntityCluster? Expansion(Candidate acronym, IReadOnlyList<Candidate> candidates, EntityCluster[] of, List<EntityCluster> clusters, string text)
    {
        var letters = acronym.Name.Replace(".", "", StringComparison.Ordinal);
        bool Spells(Candidate c) => c.Words.Count == letters.Length
            && c.Words.Select(w => char.ToUpperInvariant(w[0])).SequenceEqual(letters.Select(char.ToUpperInvariant));
        var byInitials = clusters.Where(c => c.Members.Any(Spells)).ToList();
        if (byInitials.Count == 1)
            return byInitials[0];
        // Several share the initials: the one written right before "(ACRONYM)".
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (of[i] is not null && Spells(c) && acronym.Span.Start - c.Span.End is >= 2 and <= 3 && text[acronym.Span.Start - 1] == '(')
                return of[i];
        }
        return null;
    }

    /// <summary>The person whose surname (or, failing that, spelling variant of the surname) this single word is.</summary>
    private static EntityCluster? Surname(Candidate c, List<EntityCluster> clusters)
    {
        if (c.Words.Count != 1 || c.Type is "PLACE" || c.Known is not null)
            return null;
        var people = clusters.Where(k => k.Known is null && k.Members.Any(m => m.Words.Count >= 2 && m.Type == "PERSON")).ToList();
        var exact = people.Where(k => k.Members.Any(m => m.Words.Count >= 2 && string.Equals(m.Last, c.Name, StringComparison.Ordinal))).ToList();
        if (exact.Count > 0)
            return Nearest(exact, c.Span.Start);
        var variants = people.Where(k => k.Members.Any(m => m.Words.Count >= 2 && StringSimilarity.AreSpellingVariants(m.Last, c.Name)
            && StringSimilarity.Levenshtein(m.Last, c.Name) == 1)).ToList();
        if (variants.Count == 1)
        {
            variants[0].Evidence.Add($"'{c.Name}' read as a spelling of the surname of '{variants[0].Name}' (one edit, no other candidate)");
            return variants[0];
        }
        return null;
    }

    /// <summary>Of several people sharing a surname, the one last named before the offset (else the first after).</summary>
    private static EntityCluster Nearest(List<EntityCluster> options, int offset)
    {
        if (options.Count == 1)
            return options[0];
        var before = options.Select(k => (Cluster: k, Last: k.Members.Where(m => m.Span.Start < offset).Select(m => m.Span.Start).DefaultIfEmpty(-1).Max()))
            .Where(x => x.Last >= 0).OrderByDescending(x => x.Last).Select(x => x.Cluster).FirstOrDefault();
        return before ?? options.OrderBy(k => k.FirstOffset).First();
    }

    private static string TypeOf(EntityCluster cluster)
    {
        if (cluster.Members.Any(m => m.Type == "PERSON" && (m.Words.Count >= 2 || m.Modifiers.MarksPerson)))
            return "PERSON";
        return cluster.Members.GroupBy(m => m.Type).OrderByDescending(g => g.Count()).ThenBy(g => g.Key == "MISC" ? 1 : 0).First().Key;
    }
}
