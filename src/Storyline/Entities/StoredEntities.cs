using Storyline.Storage;

namespace Storyline.Entities;

/// <summary>
/// Links the entities of a stored corpus (<see cref="EntityLinker"/>) and writes back the documents whose entities
/// changed, so that a person is one canonical record across every stored article ("Steve Witkopf" in one, "Steve
/// Witkoff" in three), with all its spellings as aliases. Running it again changes nothing.
/// </summary>
public static class StoredEntities
{
    /// <summary>Links every stored document and returns how many were rewritten.</summary>
    public static int Link(ICorpusStore store, EntityLinker? linker = null)
    {
        var documents = new List<Documents.Document>();
        foreach (var id in store.Documents().Select(r => r.Id).ToList())
        {
            if (store.Load(id) is not { } d)
                continue;
            // The store keeps mentions, not counts; the linker prefers the more frequent spelling, so count them again.
            var counts = d.Mentions.Where(m => m.EntityId is not null).GroupBy(m => m.EntityId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            d.Entities = d.Entities.Select(e => e with { MentionCount = counts.GetValueOrDefault(e.Id) }).ToList();
            documents.Add(d);
        }
        var changed = (linker ?? new EntityLinker()).Link(documents);
        foreach (var d in changed)
            store.Update(d);
        return changed.Count;
    }
}
