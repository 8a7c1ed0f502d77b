using Storyline.Documents;

namespace Storyline.Entities;

/// <summary>
/// Links entities across documents. Within a document the entity stage already gives deterministic ids
/// (<c>person:vladimir-putin</c>); this corpus step maps what a single document could not resolve:
/// a bare surname ("Mr. Witkoff" in an article that never gives his first name) to the one person of the corpus
/// with that surname, and spelling variants of a full name ("Steve Witkopf") to the more frequent spelling when
/// the two also share context (other entities named in the same articles). Every merge records its evidence.
/// Two people who share a surname are never merged on the surname alone: the context must single one out.
/// </summary>
public sealed class EntityLinker
{
    /// <summary>Entities two spellings must both co-occur with before they are read as one person.</summary>
    public const int MinSharedContext = 2;

    /// <summary>Links the entities of these documents in place and returns the documents it changed.</summary>
    public IReadOnlyList<Document> Link(IReadOnlyList<Document> documents)
    {
        var contexts = documents.Select(d => d.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal)).ToList();
        var people = FullNamePeople(documents);
        var map = new Dictionary<string, (string Id, string Evidence)>(StringComparer.Ordinal);
        MergeVariants(people, contexts, map);
        foreach (var (d, doc) in documents.Select((doc, i) => (i, doc)))
        {
            foreach (var e in doc.Entities)
            {
                if (map.ContainsKey(e.Id) || e.Name.Contains(' ') || e.Type is "PLACE" || e.Id.StartsWith("place:", StringComparison.Ordinal) || AliasTable.Default.ByName(e.Name) is not null)
                    continue;
                if (SurnameOwner(e.Name, people, map, contexts[d]) is { } owner)
                    map[e.Id] = (owner.Id, $"'{e.Name}' is the surname of '{owner.Name}', the only person of the corpus with it{(owner.ByContext ? " in this context" : "")}");
            }
        }
        var byId = people.ToDictionary(p => p.Id, StringComparer.Ordinal);
        return documents.Where(doc => Rewrite(doc, map, byId)).ToList();
    }

    private sealed record Person(string Id, string Name, string First, string Last, int Mentions, HashSet<int> Documents);

    private static List<Person> FullNamePeople(IReadOnlyList<Document> documents)
    {
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        for (int d = 0; d < documents.Count; d++)
        {
            foreach (var e in documents[d].Entities.Where(e => e.Type == "PERSON" && e.Name.Contains(' ')))
            {
                if (!people.TryGetValue(e.Id, out var p))
                {
                    var words = e.Name.Split(' ');
                    people[e.Id] = p = new Person(e.Id, e.Name, words[0], words[^1], 0, []);
                }
                people[e.Id] = p with { Mentions = p.Mentions + Math.Max(1, e.MentionCount) };
                people[e.Id].Documents.Add(d);
            }
        }
        return people.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    private static void MergeVariants(List<Person> people, List<HashSet<string>> contexts, Dictionary<string, (string Id, string Evidence)> map)
    {
        foreach (var a in people)
        {
            foreach (var b in people)
            {
                if (string.CompareOrdinal(a.Id, b.Id) >= 0 || map.ContainsKey(a.Id) || map.ContainsKey(b.Id))
                    continue;
                if (!string.Equals(a.First, b.First, StringComparison.OrdinalIgnoreCase) || !StringSimilarity.AreSpellingVariants(a.Last, b.Last))
                    continue;
                var shared = Context(a, contexts).Intersect(Context(b, contexts)).Where(id => id != a.Id && id != b.Id).ToList();
                if (shared.Count < MinSharedContext)
                    continue;
                var (keep, drop) = a.Mentions >= b.Mentions ? (a, b) : (b, a);
                map[drop.Id] = (keep.Id, $"'{drop.Name}' ~ '{keep.Name}': same first name, surname edit distance {StringSimilarity.Levenshtein(a.Last, b.Last)}, "
                    + $"both named with {string.Join(", ", shared.Take(3))}; '{keep.Name}' is the more frequent spelling");
            }
        }
    }

    private static IEnumerable<string> Context(Person p, List<HashSet<string>> contexts) => p.Documents.SelectMany(d => contexts[d]).Distinct(StringComparer.Ordinal);

    private static (string Id, string Name, bool ByContext)? SurnameOwner(string surname, List<Person> people, Dictionary<string, (string Id, string Evidence)> map, HashSet<string> context)
    {
        var owners = people.Where(p => !map.ContainsKey(p.Id) && string.Equals(p.Last, surname, StringComparison.Ordinal)).ToList();
        if (owners.Count == 1)
            return (owners[0].Id, owners[0].Name, false);
        if (owners.Count == 0)
            return null;
        // Several people share the surname: only shared context may choose, and only when one clearly leads.
        var scored = owners.Select(p => (Person: p, Score: p.Documents.Count(d => context.Contains(p.Id)))).OrderByDescending(x => x.Score).ToList();
        return scored[0].Score > scored[1].Score ? (scored[0].Person.Id, scored[0].Person.Name, true) : null;
    }

    private static bool Rewrite(Document doc, Dictionary<string, (string Id, string Evidence)> map, Dictionary<string, Person> people)
    {
        if (!doc.Entities.Any(e => map.ContainsKey(e.Id)))
            return false;
        var before = doc.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        string Target(string id) => map.TryGetValue(id, out var m) ? m.Id : id;
        doc.Mentions = doc.Mentions.Select(m => m.EntityId is { } id && map.ContainsKey(id) ? m with { EntityId = Target(id) } : m).ToList();
        doc.Entities = doc.Entities
            .GroupBy(e => Target(e.Id), StringComparer.Ordinal)
            .Select(g =>
            {
                var canonical = people.TryGetValue(g.Key, out var p) ? p.Name : g.First().Name;
                var aliases = g.SelectMany(e => e.Aliases.Prepend(e.Name)).Where(a => !string.Equals(a, canonical, StringComparison.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var evidence = g.SelectMany(e => e.Evidence ?? []).Concat(g.Where(e => map.ContainsKey(e.Id)).Select(e => map[e.Id].Evidence)).ToList();
                var type = g.Any(e => e.Type == "PERSON") ? "PERSON" : g.First().Type;
                return new Entity(g.Key, canonical, type, aliases, g.First().StandsFor, evidence.Count > 0 ? evidence : null)
                {
                    MentionCount = g.Sum(e => e.MentionCount),
                };
            })
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        // Events name their participants by canonical name: a merged spelling takes the canonical one.
        var renamed = before.Where(kv => map.ContainsKey(kv.Key)).ToDictionary(kv => kv.Value, kv => doc.Entities.First(e => e.Id == Target(kv.Key)).Name, StringComparer.Ordinal);
        doc.Events = doc.Events.Select(e => e.Participants.Any(renamed.ContainsKey)
            ? e with { Participants = e.Participants.Select(p => renamed.GetValueOrDefault(p, p)).Distinct(StringComparer.Ordinal).ToList() }
            : e).ToList();
        return true;
    }
}
