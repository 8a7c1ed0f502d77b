using Storyline.Storage;
using Storyline.Stories;

namespace Storyline.Web.Api;

/// <summary>
/// Keeps the stored stories in step with the stored documents: after every write the clusters are brought up to
/// date incrementally (<see cref="StoredStories.Update"/> restores the stored memberships and places only the new
/// statements and events). One refresh at a time: the story tables are rewritten as a whole.
/// </summary>
public sealed class StoryRefresher(ICorpusStore store)
{
    private readonly Lock _gate = new();

    public void Refresh()
    {
        lock (_gate)
            StoredStories.Update(store);
    }
}
