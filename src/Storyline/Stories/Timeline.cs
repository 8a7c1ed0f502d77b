namespace Storyline.Stories;

public enum TimelineEntryKind { Statement, Event }

/// <summary>One line of a timeline: a statement or event cluster, on the day it was said or happened.</summary>
public sealed record TimelineEntry(DateOnly? Date, TimelineEntryKind Kind, string ClusterId, string? Speaker, string Text, int Documents, int Reports);

/// <summary>Timelines are views: pure functions of a <see cref="StoryGraph"/>, earliest first, undated last.</summary>
public static class Timeline
{
    /// <summary>What a person (or organisation) said, and the events they took part in. "Putin" finds "Vladimir Putin".</summary>
    public static IReadOnlyList<TimelineEntry> ForPerson(StoryGraph graph, string name)
    {
        var words = StoryIndex.SpeakerWords(name);
        var said = graph.StatementClusters
            .Where(c => c.Members.Any(m => StoryIndex.SameSpeaker(words, StoryIndex.SpeakerWords(m.Speaker))))
            .Select(Entry);
        var tookPart = graph.EventClusters
            .Where(c => c.Participants.Any(p => StoryIndex.SameSpeaker(words, StoryIndex.SpeakerWords(p))))
            .Select(Entry);
        return InOrder(said.Concat(tookPart));
    }

    /// <summary>The statements and events of one story; empty when there is no such story.</summary>
    public static IReadOnlyList<TimelineEntry> ForStory(StoryGraph graph, string storyId)
    {
        var story = graph.Stories.FirstOrDefault(s => s.Id == storyId);
        if (story is null)
            return [];
        var statements = graph.StatementClusters.Where(c => story.StatementClusterIds.Contains(c.Id)).Select(Entry);
        var events = graph.EventClusters.Where(c => story.EventClusterIds.Contains(c.Id)).Select(Entry);
        return InOrder(statements.Concat(events));
    }

    private static TimelineEntry Entry(StatementCluster c) =>
        new(c.From, TimelineEntryKind.Statement, c.Id, c.Speaker, c.Representative.Text, c.DocumentCount, c.Members.Count);

    private static TimelineEntry Entry(EventCluster c) =>
        new(c.From, TimelineEntryKind.Event, c.Id, null, c.Representative.Text, c.DocumentCount, c.Members.Count);

    private static List<TimelineEntry> InOrder(IEnumerable<TimelineEntry> entries) =>
        entries.OrderBy(e => e.Date ?? DateOnly.MaxValue).ThenBy(e => e.Kind).ThenBy(e => e.ClusterId, StringComparer.Ordinal).ToList();
}
