using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Storyline.Ingest;

/// <summary>Limits and manners of the fetcher. The defaults suit crawling news sites politely.</summary>
public sealed record FetchOptions
{
    public string UserAgent { get; init; } = "Storyline/0.1 (news research; +https://github.com/storyline)";

    /// <summary>One attempt (connect, send, headers) may take this long.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Reading a body may take this long (a server that trickles bytes is cut off).</summary>
    public TimeSpan BodyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 5xx, 408, 429 or a transport failure, with exponential backoff from <see cref="RetryDelay"/>.</summary>
    public int Retries { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxRedirects { get; init; } = 5;

    /// <summary>Bodies larger than this (after decompression) are refused: no article is 16 MiB of HTML.</summary>
    public long MaxBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Requests in flight to one host at once.</summary>
    public int PerHostConcurrency { get; init; } = 2;

    /// <summary>Least time between two requests to one host (a robots.txt Crawl-delay may lengthen it, up to a minute).</summary>
    public TimeSpan PolitenessDelay { get; init; } = TimeSpan.FromSeconds(1);

    public bool RespectRobots { get; init; } = true;
}

public enum FetchStatus { Ok, NotModified, Failed }

/// <summary>What a fetch brought back: the decoded text and what it is, or why there is none.</summary>
public sealed record FetchResult(
    Uri RequestedUri,
    Uri FinalUri,
    FetchStatus Status,
    string? Text = null,
    string? MediaType = null,
    string? Error = null,
    FetchValidators? Validators = null,
    IReadOnlyList<string>? Notes = null)
{
    /// <summary>When the request that brought this answer was let through to the host (the last hop's).</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    public bool IsHtml => MediaType is "text/html" or "application/xhtml+xml";

    public bool IsFeed => MediaType is not null && (MediaType.EndsWith("xml", StringComparison.Ordinal) || MediaType.EndsWith("+xml", StringComparison.Ordinal)) && !IsHtml;
}

/// <summary>The validators of a previous response, sent back for a conditional GET.</summary>
public sealed record FetchValidators(string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// Fetches pages the way a well-behaved crawler does: robots.txt obeyed, a limited number of requests per host with a
/// pause between them, retries with backoff (Microsoft.Extensions.Http.Resilience) on transient failures, redirects
/// followed by hand up to a cap (and loops detected), bodies capped in size and time, text decoded by the declared
/// charset with fallbacks, and conditional GETs so an unchanged page costs a 304. Every failure is a result with a
/// reason, never an exception.
/// </summary>
public sealed class WebFetcher : IDisposable
{
    private static readonly string[] TextTypes = ["text/html", "application/xhtml+xml", "text/plain", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml"];

    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<RobotsRules>> _robots = new(StringComparer.OrdinalIgnoreCase);

    public WebFetcher(FetchOptions? options = null)
    {
        _options = options ?? new FetchOptions();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, _options.Retries),
                ShouldHandle = _options.Retries > 0 ? new HttpRetryStrategyOptions().ShouldHandle : _ => ValueTask.FromResult(false),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Timeout = _options.AttemptTimeout })
            .Build();
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.AttemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = Math.Max(1, _options.PerHostConcurrency),
        };
        _client = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = sockets })
        {
            Timeout = Timeout.InfiniteTimeSpan, // the pipeline and the body deadline bound every request
        };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
        _client.DefaultRequestHeaders.Accept.ParseAdd("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8");
    }

    public async Task<FetchResult> FetchAsync(Uri url, FetchValidators? previous = null, CancellationToken cancel = default)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            return new FetchResult(url, url, FetchStatus.Failed, Error: "not an http(s) URL");
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = url;
        for (int hop = 0; ; hop++)
        {
            if (!visited.Add(current.AbsoluteUri))
                return Failed(url, current, $"redirect loop back to {current}");
            if (hop > _options.MaxRedirects)
                return Failed(url, current, $"more than {_options.MaxRedirects} redirects");
            if (_options.RespectRobots && !(await RobotsFor(current, cancel).ConfigureAwait(false)).Allows(current.PathAndQuery))
                return Failed(url, current, "disallowed by robots.txt");

            var gate = _hosts.GetOrAdd(current.Authority, _ => new HostGate(_options.PerHostConcurrency));
            var sentAt = await gate.EnterAsync(_options.PolitenessDelay, cancel).ConfigureAwait(false);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (hop == 0 && previous is not null)
                {
                    if (previous.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
                        request.Headers.IfNoneMatch.Add(tag);
                    if (previous.LastModified is { } lm)
                        request.Headers.IfModifiedSince = lm;
                }
                HttpResponseMessage response;
                try
                {
                    response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancel.IsCancellationRequested)
                {
                    return Failed(url, current, e is HttpRequestException ? $"request failed: {e.Message}" : $"timed out after {_options.AttemptTimeout.TotalSeconds:0.#} s (tried {_options.Retries + 1} times)");
                }
                using (response)
                {
                    var status = (int)response.StatusCode;
                    if (status is >= 300 and < 400 && status != 304)
                    {
                        if (response.Headers.Location is not { } location)
                            return Failed(url, current, $"HTTP {status} without a Location header");
                        current = location.IsAbsoluteUri ? location : new Uri(current, location);
                        if (current.Scheme is not ("http" or "https"))
                            return Failed(url, current, $"redirect to a non-http URL {current}");
                        continue;
                    }
                    var validators = new FetchValidators(response.Headers.ETag?.ToString(), response.Content.Headers.LastModified);
                    if (response.StatusCode == HttpStatusCode.NotModified)
                        return new FetchResult(url, current, FetchStatus.NotModified, Validators: previous ?? validators) { FetchedAt = sentAt };
                    if (!response.IsSuccessStatusCode)
                        return Failed(url, current, $"HTTP {status} {response.ReasonPhrase}") with { FetchedAt = sentAt };
                    return (await ReadBodyAsync(url, current, response, validators, cancel).ConfigureAwait(false)) with { FetchedAt = sentAt };
                }
            }
            finally
            {
                gate.Exit();
            }
        }
    }

    private async Task<FetchResult> ReadBodyAsync(Uri url, Uri final, HttpResponseMessage response, FetchValidators validators, CancellationToken cancel)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (mediaType is not null && !TextTypes.Contains(mediaType))
            return Failed(url, final, $"content type {mediaType} is not a web page or feed");
        if (response.Content.Headers.ContentLength > _options.MaxBytes)
            return Failed(url, final, $"body of {response.Content.Headers.ContentLength} bytes is over the {_options.MaxBytes}-byte limit");
        byte[] bytes;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            deadline.CancelAfter(_options.BodyTimeout);
            try
            {
                bytes = await ReadCappedAsync(response.Content, _options.MaxBytes, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return Failed(url, final, $"body not received within {_options.BodyTimeout.TotalSeconds:0.#} s");
            }
            catch (BodyTooLargeException)
            {
                return Failed(url, final, $"body is over the {_options.MaxBytes}-byte limit");
            }
            catch (Exception e) when (e is HttpRequestException or IOException or System.IO.InvalidDataException)
            {
                return Failed(url, final, $"body could not be read: {e.Message}");
            }
        }
        var notes = new List<string>();
        var decoded = CharsetDecoder.Decode(bytes, response.Content.Headers.ContentType?.CharSet, notes);
        if (decoded is null)
            return new FetchResult(url, final, FetchStatus.Failed, Error: notes.LastOrDefault() ?? "not text", Notes: notes);
        mediaType ??= decoded.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal) ? "text/html" : "text/plain";
        return new FetchResult(url, final, FetchStatus.Ok, decoded, mediaType, Validators: validators, Notes: notes);
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long max, CancellationToken cancel)
    {
        await using var stream = await content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, cancel).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > max)
                throw new BodyTooLargeException();
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private Task<RobotsRules> RobotsFor(Uri url, CancellationToken cancel) =>
        _robots.GetOrAdd(url.GetLeftPart(UriPartial.Authority), origin => LoadRobotsAsync(new Uri(origin + "/robots.txt"), cancel));

    /// <summary>RFC 9309: a missing robots.txt (4xx) allows everything; one that cannot be read (5xx, network) allows nothing.</summary>
    private async Task<RobotsRules> LoadRobotsAsync(Uri robotsUrl, CancellationToken cancel)
    {
        var gate = _hosts.GetOrAdd(robotsUrl.Authority, _ => new HostGate(_options.PerHostConcurrency));
        await gate.EnterAsync(_options.PolitenessDelay, cancel).ConfigureAwait(false);
        try
        {
            var current = robotsUrl;
            for (int hop = 0; hop <= _options.MaxRedirects; hop++)
            {
                using var response = await _client.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (status is >= 400 and < 500)
                    return RobotsRules.AllowAll;
                if (!response.IsSuccessStatusCode)
                    return RobotsRules.DisallowAll;
                var bytes = await ReadCappedAsync(response.Content, 512 * 1024, cancel).ConfigureAwait(false);
                var rules = RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(bytes), _options.UserAgent);
                if (rules.CrawlDelay is { } delay)
                    _hosts.GetOrAdd(robotsUrl.Authority, _ => new HostGate(_options.PerHostConcurrency)).MinimumDelay = delay;
                return rules;
            }
            return RobotsRules.AllowAll;
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or BodyTooLargeException or IOException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            return RobotsRules.DisallowAll;
        }
        finally
        {
            gate.Exit();
        }
    }

    private static FetchResult Failed(Uri requested, Uri final, string error) => new(requested, final, FetchStatus.Failed, Error: error);

    public void Dispose() => _client.Dispose();

    private sealed class BodyTooLargeException : Exception;

    /// <summary>
    /// One host's share of the fetcher: at most N requests at once, and a pause between starts. A start is taken
    /// when it happens, on one clock, so two starts are never closer than the pause however late a waiter wakes.
    /// </summary>
    private sealed class HostGate(int concurrency)
    {
        private readonly SemaphoreSlim _slots = new(Math.Max(1, concurrency));
        private readonly Lock _lock = new();
        private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

        public TimeSpan MinimumDelay { get; set; }

        /// <summary>Waits for a slot and for the pause since the last start, and returns the time of this start.</summary>
        public async Task<DateTimeOffset> EnterAsync(TimeSpan delay, CancellationToken cancel)
        {
            await _slots.WaitAsync(cancel).ConfigureAwait(false);
            var gap = TimeSpan.FromTicks(Math.Min(Math.Max(delay.Ticks, MinimumDelay.Ticks), TimeSpan.FromMinutes(1).Ticks));
            try
            {
                while (true)
                {
                    TimeSpan wait;
                    lock (_lock)
                    {
                        var now = DateTimeOffset.UtcNow;
                        // A clock set back never makes the wait longer than one pause.
                        if (now >= _nextStart || _nextStart - now > gap)
                        {
                            _nextStart = now + gap;
                            return now;
                        }
                        wait = _nextStart - now;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), cancel).ConfigureAwait(false);
                }
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        public void Exit() => _slots.Release();
    }
}
