using Storyline.Documents;
using Storyline.Entities;
using Storyline.Storage;
using Storyline.Stories;
using Storyline.Time;

namespace Storyline;

/// <summary>What <see cref="CorpusRevision.Apply"/> did to the stored corpus.</summary>
public sealed record CorpusRevisionResult(int Relinked, int Dated, int StatementsRedated, int Rewritten);

/// <summary>
/// The work that needs the whole stored corpus, once new documents are in, and writes back only the documents it
/// changed: entities are linked across articles, so that a person is one record ("Steve Witkopf" in one, "Steve
/// Witkoff" in three); then an article that names its days only by weekday is dated from another report of the same
/// occasion, and a statement dated only by its publication takes the day another report of it names
/// (<see cref="CorpusDater"/>: dating reads statement clusters, which need the linked speakers). Running it again
/// changes nothing.
/// </summary>
public static class CorpusRevision
{
    public static CorpusRevisionResult Apply(ICorpusStore store, EntityLinker? linker = null)
    {
        var documents = Load(store);
        var changed = new HashSet<Document>((linker ?? new EntityLinker()).Link(documents), ReferenceEqualityComparer.Instance);
        int relinked = changed.Count;
        var dating = CorpusDater.Date(documents);
        changed.UnionWith(documents.Where(d => dating.Changed.Contains(d.Id)));
        foreach (var d in changed)
            store.Update(d);
        return new CorpusRevisionResult(relinked, dating.Documents, dating.Statements, changed.Count);
    }

    /// <summary>
    /// Revises the corpus, then brings the stored stories up to date: stories read the linked speakers and the
    /// dates, so they come second. What the web server does after every write and <c>storyline stories</c> after
    /// queue workers have filled the store.
    /// </summary>
    public static StoryGraph ApplyWithStories(ICorpusStore store, bool rebuildStories = false)
    {
        Apply(store);
        return StoredStories.Update(store, rebuildStories);
    }

    private static List<Document> Load(ICorpusStore store)
    {
        var documents = new List<Document>();
        foreach (var id in store.Documents().Select(r => r.Id).ToList())
        {
            if (store.Load(id) is not { } d)
                continue;
            // The store keeps mentions, not counts; the linker prefers the more frequent spelling, so count them again.
            var counts = d.Mentions.Where(m => m.EntityId is not null).GroupBy(m => m.EntityId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            d.Entities = d.Entities.Select(e => e with { MentionCount = counts.GetValueOrDefault(e.Id) }).ToList();
            documents.Add(d);
        }
        return documents;
    }
}
