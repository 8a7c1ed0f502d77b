using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>A story in a list: a thread of related statements and events over time, and who reported it.</summary>
public sealed record StorySummary(string Id, string Title, DateOnly? From, DateOnly? To, int Statements, int Events, int Documents, IReadOnlyList<string> Outlets);

/// <summary>One utterance as every outlet reported it: the same speaker, occasion and content, in each source's words.</summary>
public sealed record StatementCluster(string Id, string? Speaker, DateOnly? From, DateOnly? To, string Label, IReadOnlyList<StatementRecord> Reports);

/// <summary>One event as every outlet reported it.</summary>
public sealed record EventCluster(string Id, string Type, DateOnly? From, DateOnly? To, string Label, IReadOnlyList<EventRecord> Reports);

/// <summary>
/// A story with every report of every statement and event in it (each with its document and span) and the disputes
/// that touch them, across documents and within one.
/// </summary>
public sealed record StoryDetail(
    string Id,
    string Title,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<StatementCluster> Statements,
    IReadOnlyList<EventCluster> Events,
    IReadOnlyList<DisputeItem> Disputes);

/// <summary>Where the API reads stories from: an interface, so the web layer does not care how they were clustered.</summary>
public interface IStoryReader
{
    Page<StorySummary> Stories(int offset, int limit);

    StoryDetail? GetStory(string id);
}

/// <summary>
/// Stories as <c>storyline stories</c> (Storyline.Stories) last stored them, latest first. The store keeps stories
/// and clusters as id lists; the reports are read by id.
/// </summary>
public sealed class StoredStoryReader(ICorpusStore store) : IStoryReader
{
    public Page<StorySummary> Stories(int offset, int limit)
    {
        var stories = store.Stories().OrderByDescending(s => s.To ?? DateOnly.MinValue).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var clusters = store.StatementClusters().ToDictionary(c => c.Id, StringComparer.Ordinal);
        var eventCounts = store.EventClusters().ToDictionary(c => c.Id, c => c.EventIds.Count, StringComparer.Ordinal);
        var items = stories.Skip(offset).Take(limit).Select(s =>
        {
            var reports = Reports(s.StatementClusterIds.SelectMany(id => clusters.TryGetValue(id, out var c) ? c.StatementIds : []).ToList());
            return new StorySummary(s.Id, s.Title, s.From, s.To, reports.Count, s.EventClusterIds.Sum(id => eventCounts.GetValueOrDefault(id)),
                reports.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal).Count(),
                [.. reports.Select(r => r.Outlet).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)]);
        }).ToList();
        return new Page<StorySummary>(items, stories.Count);
    }

    public StoryDetail? GetStory(string id)
    {
        if (store.Stories().FirstOrDefault(s => s.Id == id) is not { } story)
            return null;
        var wanted = story.StatementClusterIds.ToHashSet(StringComparer.Ordinal);
        var statements = store.StatementClusters().Where(c => wanted.Contains(c.Id))
            .Select(c => new StatementCluster(c.Id, c.Speaker, c.From, c.To, c.Label, Reports(c.StatementIds)))
            .OrderBy(c => c.From ?? DateOnly.MaxValue).ToList();
        var wantedEvents = story.EventClusterIds.ToHashSet(StringComparer.Ordinal);
        var eventClusters = store.EventClusters().Where(c => wantedEvents.Contains(c.Id)).ToList();
        var eventIds = eventClusters.SelectMany(c => c.EventIds).ToHashSet();
        var eventRecords = eventIds.Count == 0 ? [] : store.Events().Where(e => eventIds.Contains(e.Id)).ToDictionary(e => e.Id);
        var events = eventClusters
            .Select(c => new EventCluster(c.Id, c.Type, c.From, c.To, c.Label, [.. c.EventIds.Where(eventRecords.ContainsKey).Select(i => eventRecords[i])]))
            .OrderBy(c => c.From ?? DateOnly.MaxValue).ToList();

        // A dispute belongs to the story when either side overlaps one of its reports.
        var spans = statements.SelectMany(c => c.Reports.Select(r => (r.DocumentId, r.Start, r.Length)))
            .Concat(events.SelectMany(c => c.Reports.Select(r => (r.DocumentId, r.Start, r.Length)))).ToList();
        bool Touches(string document, int start, int length) =>
            spans.Any(s => s.DocumentId == document && s.Start < start + length && start < s.Start + s.Length);
        var documents = ReadApi.DocumentLookup(store);
        // Across outlets first; then a report and its denial within one article ("Kommersant reported …; the Kremlin said …").
        var disputes = store.CrossDisputes()
            .Where(x => Touches(x.ClaimDocumentId, x.ClaimStart, x.ClaimLength) || Touches(x.DisputedDocumentId, x.DisputedStart, x.DisputedLength))
            .Select(x => DisputeItem.From(x, documents))
            .Concat(store.Disputes(0, int.MaxValue).Items
                .Where(x => Touches(x.DocumentId, x.Claim.Start, x.Claim.Length) || Touches(x.DocumentId, x.DisputedBy.Start, x.DisputedBy.Length))
                .Select(DisputeItem.From))
            .ToList();
        return new StoryDetail(story.Id, story.Title, story.From, story.To, statements, events, disputes);
    }

    private List<StatementRecord> Reports(IReadOnlyCollection<long> ids) =>
        ids.Count == 0 ? [] : [.. store.QueryStatements(new StatementQuery(Ids: ids, Limit: ids.Count))];
}
