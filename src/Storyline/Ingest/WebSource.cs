namespace Storyline.Ingest;

/// <summary>
/// Pages and feeds from the web as <see cref="SourceDocument"/>s: fetched politely by <see cref="WebFetcher"/>,
/// conditionally (an unchanged page is not fetched again), feeds remembered item by item in a <see cref="CrawlState"/>.
/// </summary>
public sealed class WebSource(WebFetcher fetcher, CrawlState state)
{
    public CrawlState State => state;

    /// <summary>Fetches one page; null with the fetch's status when there is nothing new (unchanged, or failed: warned).</summary>
    public async Task<(FetchResult Result, SourceDocument? Document)> FetchAsync(
        Uri url, Action<IngestWarning> warn, DateOnly? published = null, string? outlet = null, CancellationToken cancel = default)
    {
        var result = await fetcher.FetchAsync(url, state.Validators(url), cancel).ConfigureAwait(false);
        foreach (var note in result.Notes ?? [])
            warn(new IngestWarning(url.AbsoluteUri, note));
        if (result.Status == FetchStatus.Failed)
        {
            warn(new IngestWarning(url.AbsoluteUri, result.Error ?? "fetch failed"));
            return (result, null);
        }
        if (result.Status == FetchStatus.NotModified)
            return (result, null);
        var kind = result.IsHtml || result.IsFeed ? ContentKind.Html : ContentKind.Text;
        if (kind == ContentKind.Html && HtmlGuard.Check(result.Text!) is { } refused)
        {
            warn(new IngestWarning(url.AbsoluteUri, refused));
            return (result with { Status = FetchStatus.Failed, Error = refused }, null);
        }
        state.Remember(url, result.Validators);
        return (result, new SourceDocument(result.FinalUri.AbsoluteUri, result.Text!, kind, published, outlet));
    }

    /// <summary>
    /// The items of a feed not seen before, each with its article: the linked page, or the feed's own content when the
    /// page cannot be had. The caller marks an item seen (<see cref="CrawlState.MarkSeen"/>) once it is stored, so a run
    /// that dies in between fetches it again rather than losing it.
    /// </summary>
    public async IAsyncEnumerable<(FeedItem Item, SourceDocument Document)> NewItemsAsync(
        Uri feedUrl, Action<IngestWarning> warn, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        var result = await fetcher.FetchAsync(feedUrl, state.Validators(feedUrl), cancel).ConfigureAwait(false);
        if (result.Status == FetchStatus.Failed)
        {
            warn(new IngestWarning(feedUrl.AbsoluteUri, result.Error ?? "fetch failed"));
            yield break;
        }
        if (result.Status == FetchStatus.NotModified)
            yield break;
        var feed = FeedReader.Parse(result.Text!, result.FinalUri, out var error);
        if (feed is null)
        {
            warn(new IngestWarning(feedUrl.AbsoluteUri, error!));
            yield break;
        }
        state.Remember(feedUrl, result.Validators);
        foreach (var item in feed.Items)
        {
            if (state.HasSeen(feedUrl, item.Id))
                continue;
            DateOnly? published = item.Published is { } p ? DateOnly.FromDateTime(p.UtcDateTime) : null;
            SourceDocument? document = null;
            if (item.Link is { } link)
                (_, document) = await FetchAsync(link, warn, published, feed.Title, cancel).ConfigureAwait(false);
            if (document is null && !string.IsNullOrWhiteSpace(item.Content))
                document = new SourceDocument(item.Link?.AbsoluteUri ?? $"{feedUrl.AbsoluteUri}#{item.Id}", item.Content, ContentKind.Html, published, feed.Title);
            if (document is not null)
                yield return (item, document);
        }
    }
}
