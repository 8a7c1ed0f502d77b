using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>A story in a list: a thread of related statements and events over time.</summary>
public sealed record StorySummary(string Id, string Title, DateOnly? From, DateOnly? To, int Statements, int Documents, IReadOnlyList<string> Outlets);

/// <summary>One utterance as every outlet reported it: the same speaker, occasion and content, in each source's words.</summary>
public sealed record StatementCluster(string Id, string? Speaker, DateOnly? SaidOn, IReadOnlyList<StatementRecord> Reports);

/// <summary>A story with every report of every statement in it (each with its source span) and the disputes across sources.</summary>
public sealed record StoryDetail(string Id, string Title, DateOnly? From, DateOnly? To, IReadOnlyList<StatementCluster> Statements, IReadOnlyList<DisputeItem> Disputes);

/// <summary>
/// Where the API reads stories from. The cross-source clustering (<c>Storyline.Stories</c>) is built separately;
/// until it is plugged in here, <see cref="NoStories"/> answers, and the endpoints and UI already work.
/// </summary>
public interface IStoryReader
{
    Page<StorySummary> Stories(int offset, int limit);

    StoryDetail? GetStory(string id);
}

/// <summary>No clustering yet: no stories.</summary>
public sealed class NoStories : IStoryReader
{
    public Page<StorySummary> Stories(int offset, int limit) => new([], 0);

    public StoryDetail? GetStory(string id) => null;
}
