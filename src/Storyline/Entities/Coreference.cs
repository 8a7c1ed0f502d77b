using Storyline.Documents;

namespace Storyline.Entities;

/// <summary>A description or pronoun resolved to an entity: "the Russian leader", "he".</summary>
internal readonly record struct ResolvedMention(Span Span, EntityCluster Cluster);

/// <summary>
/// Resolves nominal descriptions and pronouns within a document. Descriptions are learned from the names'
/// own modifiers: "Russian President Vladimir Putin" teaches "the Russian president", "the Russian leader",
/// "the Kremlin leader" (the Kremlin stands for Russia) and "the Russian"; "the Kommersant business newspaper"
/// teaches that "the publication" and "the newspaper" refer back to Kommersant. "He" and "she" outside quotes go
/// to the subject of their sentence, else to the first person named in the nearest sentence before.
/// </summary>
internal sealed class Coreference(TextUnits units, AliasTable aliases, Lexicon lexicon)
{
    private const int MaxDescriptionWords = 4;
    private const int PronounLookBackSentences = 3;
    private const int MediaNounWindow = 3;

    // Words after "the Russian" that show it is a noun (a person) rather than an adjective ("the Russian side").
    private static readonly HashSet<string> VerbsAfterBareDemonym = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "said", "says", "has", "had", "is", "was", "will", "would", "could", "added", "told", "did", "does", "then", "again", "later",
    };

    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.OrdinalIgnoreCase) { "reported", "reports", "wrote", "writes", "published" };

    /// <summary>Candidates that turned out to be part of a description ("Kremlin" in "the Kremlin leader").</summary>
    public HashSet<int> Superseded { get; } = [];

    public List<ResolvedMention> Resolve(List<EntityCluster> clusters, IReadOnlyList<Candidate> candidates, EntityCluster[] of)
    {
        foreach (var cluster in clusters)
            Learn(cluster);
        AssignHomeNationality(clusters);
        foreach (var cluster in clusters.Where(c => c.Type == "PERSON"))
            Describe(cluster);

        var taken = candidates.Select(c => c.Span).ToList();
        var resolved = new List<ResolvedMention>();
        var timeline = candidates.Select((c, i) => (c.Span.Start, Cluster: of[i])).ToList();
        ResolveDescriptions(clusters, candidates, of, taken, timeline, resolved);
        ResolvePronouns(timeline, resolved);
        return resolved;
    }

    private void Learn(EntityCluster cluster)
    {
        foreach (var m in cluster.Members)
        {
            cluster.Nationality ??= m.Modifiers.Nationality;
            if (m.Modifiers.Title is { } title && lexicon.IsHeadTitle(title))
                cluster.HoldsHeadTitle = true;
            if (m.Modifiers.Honorific is { } h && cluster.Gender == 0)
                cluster.Gender = h.StartsWith("Mr", StringComparison.OrdinalIgnoreCase) && !h.StartsWith("Mrs", StringComparison.OrdinalIgnoreCase) ? 'm' : h.StartsWith("Dr", StringComparison.OrdinalIgnoreCase) ? '\0' : 'f';
            if (cluster.Type != "PERSON" && cluster.Known is null && IsNearMediaWord(m))
            {
                cluster.IsMedia = true;
                cluster.Type = "ORG";
            }
        }
    }

    /// <summary>"the Kommersant business newspaper", "news agency TASS", "Kommersant reported".</summary>
    private bool IsNearMediaWord(Candidate m)
    {
        int first = units.WordAt(m.Span.Start), last = units.WordAt(m.Span.End) - 1;
        for (int k = Math.Max(0, first - MediaNounWindow); k <= Math.Min(units.Words.Count - 1, last + MediaNounWindow); k++)
        {
            if (k >= first && k <= last || units.Words[k].Sentence != units.Words[first].Sentence)
                continue;
            var word = units.Of(units.Words[k]);
            if (char.IsLower(word[0]) && lexicon.Is("media", word))
                return true;
        }
        return last + 1 < units.Words.Count && ReportingVerbs.Contains(units.Of(units.Words[last + 1]));
    }

    /// <summary>
    /// A head of state named without a nationality ("President Vladimir Putin") takes the country the article is
    /// most about, when no one else in it already holds that country's head title: an unmarked title is local.
    /// </summary>
    private static void AssignHomeNationality(List<EntityCluster> clusters)
    {
        var home = clusters.Where(c => c.Known is { Type: "PLACE" } k && k.Adjectives.Count > 0)
            .OrderByDescending(c => c.Members.Count).ThenBy(c => c.FirstOffset).FirstOrDefault()?.Known;
        if (home is null)
            return;
        var unmarked = clusters.Where(c => c.Type == "PERSON" && c.HoldsHeadTitle && c.Nationality is null).ToList();
        if (unmarked.Count == 1 && !clusters.Any(c => c.HoldsHeadTitle && c.Nationality?.Id == home.Id))
            unmarked[0].Nationality = home;
    }

    private void Describe(EntityCluster cluster)
    {
        var titles = cluster.Members.Select(m => m.Modifiers.Title?.ToLowerInvariant()).Concat(cluster.Members.Select(m => m.Modifiers.Role))
            .OfType<string>().Distinct().ToList();
        var adjectives = cluster.Nationality?.Adjectives.Where(IsSingularAdjective).ToList() ?? [];
        foreach (var title in titles)
        {
            foreach (var adjective in adjectives)
                cluster.Descriptions.Add($"{adjective} {title}");
        }
        if (cluster.HoldsHeadTitle && cluster.Nationality is { } nation)
        {
            foreach (var adjective in adjectives)
            {
                cluster.Descriptions.Add($"{adjective} leader");
                cluster.Descriptions.Add(adjective);
            }
            foreach (var metonym in aliases.MetonymsOf(nation.Id).Where(e => e.Type == "ORG"))
                cluster.Descriptions.Add($"{metonym.Name} leader");
        }
    }

    private static bool IsSingularAdjective(string adjective) => !(adjective.Length > 1 && adjective[^1] == 's' && char.IsLower(adjective[^2]));

    private void ResolveDescriptions(List<EntityCluster> clusters, IReadOnlyList<Candidate> candidates, EntityCluster[] of,
        List<Span> taken, List<(int Start, EntityCluster Cluster)> timeline, List<ResolvedMention> resolved)
    {
        var words = units.Words;
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (!string.Equals(units.Of(words[i]), "the", StringComparison.OrdinalIgnoreCase))
                continue;
            var match = MatchDescription(i, clusters, timeline);
            if (match is not { } m)
                continue;
            var span = Span.FromBounds(words[i].Span.Start, words[m.Last].Span.End);
            // "the Kremlin leader" holds the name "Kremlin", which here describes a person: the description wins.
            var inside = Enumerable.Range(0, candidates.Count).Where(c => span.Contains(candidates[c].Span) && of[c].Type != "PERSON").ToList();
            if (taken.Any(t => t.Overlaps(span) && !inside.Any(c => candidates[c].Span == t)))
                continue;
            Superseded.UnionWith(inside);
            // "the Russian President Vladimir Putin": a name right after the description is who it is.
            int next = m.Last + 1;
            var cluster = m.Cluster;
            if (next < words.Count && units.OnlySpacesBetween(words[m.Last].Span.End, words[next].Span.Start))
            {
                int c = FindCandidateAt(candidates, words[next].Span.Start);
                if (c >= 0)
                    cluster = of[c];
                else if (words[next].IsCapitalised(units.Text))
                    continue;
            }
            taken.Add(span);
            cluster.ResolvedForms.Add(span.Of(units.Text));
            resolved.Add(new ResolvedMention(span, cluster));
            timeline.Add((span.Start, cluster));
            timeline.Sort((a, b) => a.Start.CompareTo(b.Start));
            i = m.Last;
        }
    }

    private static int FindCandidateAt(IReadOnlyList<Candidate> candidates, int start)
    {
        for (int i = 0; i < candidates.Count; i++)
        {
            if (candidates[i].Span.Start == start)
                return i;
        }
        return -1;
    }

    /// <summary>The longest description after "the" at word <paramref name="the"/>, and the entity it names.</summary>
    private (int Last, EntityCluster Cluster)? MatchDescription(int the, List<EntityCluster> clusters, List<(int Start, EntityCluster Cluster)> timeline)
    {
        var words = units.Words;
        int offset = words[the].Span.Start;
        for (int n = Math.Min(MaxDescriptionWords, words.Count - the - 1); n >= 1; n--)
        {
            int last = the + n;
            bool adjacent = true;
            for (int k = the; k < last && adjacent; k++)
                adjacent = units.OnlySpacesBetween(words[k].Span.End, words[k + 1].Span.Start) && !words[k].Possessive;
            if (!adjacent)
                continue;
            var phrase = string.Join(' ', Enumerable.Range(the + 1, n).Select(k => units.Of(words[k])));
            // "The Russian also said": a demonym used as a noun. Not "the U.S.", which names the country itself.
            if (n == 1 && aliases.ByAdjective(phrase) is not null && (!LooksLikeNoun(last) || aliases.ByName(units.Of(words[last])) is not null))
                continue;
            var owners = clusters.Where(c => c.Descriptions.Contains(phrase)).ToList();
            if (owners.Count > 0 && MostRecent(owners, offset, timeline) is { } owner)
                return (last, owner);
            if (n == 1 && lexicon.Is("media", phrase) && MostRecent(clusters.Where(c => c.IsMedia).ToList(), offset, timeline, beforeOnly: true) is { } outlet)
                return (last, outlet);
            if (n >= 2 && DescribesUnnamedNationality(the, n) is { } nation && NearestUnmarkedPerson(clusters, the, timeline) is { } person)
            {
                person.Nationality = nation;
                Describe(person);
                return (last, person);
            }
        }
        return null;
    }

    /// <summary>"the Ukrainian leader" where no one has been called Ukrainian: the nationality it names.</summary>
    private KnownEntity? DescribesUnnamedNationality(int the, int n)
    {
        var adjective = aliases.ByAdjective(units.Of(units.Words[the + 1]));
        if (adjective is null || n != 2)
            return null;
        var noun = units.Of(units.Words[the + 2]);
        return noun is "leader" or "president" or "President" ? adjective : null;
    }

    /// <summary>The person named closest (within a sentence either side) who has no nationality yet.</summary>
    private EntityCluster? NearestUnmarkedPerson(List<EntityCluster> clusters, int the, List<(int Start, EntityCluster Cluster)> timeline)
    {
        int sentence = units.Words[the].Sentence;
        int offset = units.Words[the].Span.Start;
        return timeline.Where(t => t.Cluster.Type == "PERSON" && t.Cluster.Nationality is null && t.Cluster.Known is null
                && Math.Abs(units.SentenceAt(t.Start) - sentence) <= 1 && clusters.Contains(t.Cluster))
            .OrderBy(t => Math.Abs(t.Start - offset)).Select(t => t.Cluster).FirstOrDefault();
    }

    private bool LooksLikeNoun(int adjectiveWord)
    {
        int next = adjectiveWord + 1;
        if (next >= units.Words.Count || !units.OnlySpacesBetween(units.Words[adjectiveWord].Span.End, units.Words[next].Span.Start))
            return true;
        var word = units.Of(units.Words[next]);
        return VerbsAfterBareDemonym.Contains(word) || word.EndsWith("ed", StringComparison.Ordinal) || word.EndsWith("ly", StringComparison.Ordinal);
    }

    private static EntityCluster? MostRecent(List<EntityCluster> options, int offset, List<(int Start, EntityCluster Cluster)> timeline, bool beforeOnly = false)
    {
        if (options.Count == 1 && !beforeOnly)
            return options[0];
        for (int i = timeline.Count - 1; i >= 0; i--)
        {
            if (timeline[i].Start < offset && options.Contains(timeline[i].Cluster))
                return timeline[i].Cluster;
        }
        return beforeOnly ? null : options.OrderBy(o => o.FirstOffset).First();
    }

    private void ResolvePronouns(List<(int Start, EntityCluster Cluster)> timeline, List<ResolvedMention> resolved)
    {
        var people = timeline.Where(t => t.Cluster.Type == "PERSON").OrderBy(t => t.Start).ToList();
        foreach (var w in units.Words)
        {
            if (w.Quoted)
                continue;
            var word = units.Of(w);
            char gender = word.ToLowerInvariant() switch { "he" or "him" => 'm', "she" => 'f', _ => '\0' };
            if (gender == 0)
                continue;
            var antecedent = Antecedent(people, w, gender);
            if (antecedent is null)
                continue;
            resolved.Add(new ResolvedMention(w.Span, antecedent));
            antecedent.ResolvedForms.Add(word);
        }
    }

    private EntityCluster? Antecedent(List<(int Start, EntityCluster Cluster)> people, Word pronoun, char gender)
    {
        bool Fits(EntityCluster c) => c.Gender == 0 || c.Gender == gender;
        // The subject of the pronoun's own sentence: "Zelensky said he would…".
        var sameSentence = people.FirstOrDefault(p => p.Start < pronoun.Span.Start && units.SentenceAt(p.Start) == pronoun.Sentence && Fits(p.Cluster));
        if (sameSentence.Cluster is not null)
            return sameSentence.Cluster;
        for (int s = pronoun.Sentence - 1; s >= Math.Max(0, pronoun.Sentence - PronounLookBackSentences); s--)
        {
            var first = people.FirstOrDefault(p => units.SentenceAt(p.Start) == s && Fits(p.Cluster));
            if (first.Cluster is not null)
                return first.Cluster;
        }
        return null;
    }
}
