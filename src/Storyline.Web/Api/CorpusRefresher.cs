using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>
/// Keeps the cross-document work in step with the stored documents after every write, as <c>storyline run</c> does
/// after a batch (<see cref="CorpusRevision.ApplyWithStories"/>: a variant spelling joins the person the other
/// reports name, a weekday-only article takes its day from another report, then the stories are brought up to date
/// incrementally). One refresh at a time: the revision reads the corpus as a whole and the story tables are
/// rewritten as a whole.
/// </summary>
public sealed class CorpusRefresher(ICorpusStore store)
{
    private readonly Lock _gate = new();

    public void Refresh()
    {
        lock (_gate)
            CorpusRevision.ApplyWithStories(store);
    }
}
