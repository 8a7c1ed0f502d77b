using Storyline.Documents;

namespace Storyline.Entities;

/// <summary>
/// Links a document's mentions to entities. Reads the NER mentions of the language stage (or, when there are
/// none, finds capitalised names and curated aliases itself), groups them into entities, resolves descriptions
/// and pronouns, and writes <see cref="Document.Mentions"/> (every mention with its <see cref="EntityMention.EntityId"/>,
/// resolved descriptions and pronouns added) and <see cref="Document.Entities"/> (one per entity, canonical ids).
/// </summary>
public sealed class EntityStage(AliasTable aliases, Lexicon lexicon) : IStage
{
    public EntityStage()
        : this(AliasTable.Default, Lexicon.English)
    {
    }

    public string Name => "entities";

    public void Apply(Document document)
    {
        var units = TextUnits.Of(document);
        var ner = document.Mentions;
        var candidates = Candidates(units, ner);
        var (clusters, of) = EntityClusterer.Cluster(candidates, document.Text);
        var coreference = new Coreference(units, aliases, lexicon);
        var resolved = coreference.Resolve(clusters, candidates, of);

        var mentions = new List<EntityMention>();
        var fromNer = new HashSet<int>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (coreference.Superseded.Contains(i))
                continue;
            if (c.Mention >= 0)
            {
                fromNer.Add(c.Mention);
                mentions.Add(ner[c.Mention] with { EntityId = of[i].Id });
            }
            else
            {
                mentions.Add(new EntityMention(c.Span, of[i].Type, of[i].Id));
            }
            of[i].MentionCount++;
        }
        for (int m = 0; m < ner.Count; m++)
        {
            if (!fromNer.Contains(m))
                mentions.Add(ner[m]);
        }
        foreach (var r in resolved)
        {
            mentions.Add(new EntityMention(r.Span, r.Cluster.Type, r.Cluster.Id));
            r.Cluster.MentionCount++;
        }
        mentions.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.Length.CompareTo(a.Span.Length));
        document.Mentions = mentions;
        document.Entities = ToEntities(clusters.Where(c => c.MentionCount > 0));
    }

    private List<Candidate> Candidates(TextUnits units, IReadOnlyList<EntityMention> ner)
    {
        var fallback = new MentionFinder(units, aliases, lexicon).FindAll();
        if (ner.Count == 0)
            return fallback;
        var reader = new NameReader(units, aliases, lexicon);
        var candidates = new List<Candidate>();
        for (int m = 0; m < ner.Count; m++)
        {
            int first = units.WordAt(ner[m].Span.Start), last = units.WordAt(ner[m].Span.End) - 1;
            if (first <= last && reader.Read(first, last, NerType(ner[m].Type), m) is { } c)
                candidates.Add(c);
        }
        // Curated names the tagger missed ("the Kremlin", "Kiev") still count.
        candidates.AddRange(fallback.Where(f => f.Known is not null && !ner.Any(n => n.Span.Overlaps(f.Span))));
        candidates.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return candidates;
    }

    /// <summary>Our types from the usual NER label sets (CoNLL LOC, OntoNotes GPE/NORP/FAC).</summary>
    private static string NerType(string type) => type.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => "PERSON",
        "ORG" or "ORGANIZATION" => "ORG",
        "LOC" or "GPE" or "FAC" or "PLACE" or "LOCATION" => "PLACE",
        _ => "MISC",
    };

    private static List<Entity> ToEntities(IEnumerable<EntityCluster> clusters) =>
        clusters.Where(c => c.Members.Count > 0)
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.OrderByDescending(c => c.MentionCount).First();
                var aliases = g.SelectMany(c => c.Aliases()).Distinct(StringComparer.OrdinalIgnoreCase).Where(a => !string.Equals(a, first.Name, StringComparison.OrdinalIgnoreCase)).ToList();
                var evidence = g.SelectMany(c => c.Evidence).ToList();
                return new Entity(g.Key, first.Name, first.Type, aliases, first.Known?.StandsFor, evidence.Count > 0 ? evidence : null)
                {
                    MentionCount = g.Sum(c => c.MentionCount),
                };
            })
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
}
