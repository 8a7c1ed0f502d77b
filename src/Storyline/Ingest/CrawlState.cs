using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Ingest;

/// <summary>
/// What the fetcher remembers between runs, in one small JSON file: each URL's validators (for conditional GETs) and
/// each feed's seen items. Written whole to a temporary file and renamed over the old one, so a run killed mid-write
/// leaves the previous state, never half a file.
/// </summary>
public sealed class CrawlState
{
    /// <summary>Items remembered per feed; older ones are forgotten (feeds list their latest few dozen).</summary>
    public const int SeenPerFeed = 5000;

    private readonly Lock _lock = new();
    private readonly StateData _data;

    private CrawlState(string? path, StateData data)
    {
        Path = path;
        _data = data;
    }

    public string? Path { get; }

    public static CrawlState InMemory() => new(null, new StateData());

    /// <summary>Loads the state file; a missing file is an empty state, an unreadable one is reported and replaced.</summary>
    public static CrawlState Load(string path, Action<IngestWarning>? warn = null)
    {
        if (!File.Exists(path))
            return new CrawlState(path, new StateData());
        try
        {
            var data = JsonSerializer.Deserialize(File.ReadAllText(path), CrawlStateJson.Default.StateData) ?? new StateData();
            return new CrawlState(path, data);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            warn?.Invoke(new IngestWarning(path, $"crawl state unreadable ({e.Message}); starting afresh"));
            return new CrawlState(path, new StateData());
        }
    }

    public FetchValidators? Validators(Uri url)
    {
        lock (_lock)
            return _data.Validators.TryGetValue(url.AbsoluteUri, out var v) ? new FetchValidators(v.ETag, v.LastModified) : null;
    }

    public void Remember(Uri url, FetchValidators? validators)
    {
        if (validators is null || (validators.ETag is null && validators.LastModified is null))
            return;
        lock (_lock)
            _data.Validators[url.AbsoluteUri] = new StoredValidators { ETag = validators.ETag, LastModified = validators.LastModified };
    }

    public bool HasSeen(Uri feed, string itemId)
    {
        lock (_lock)
            return _data.Seen.TryGetValue(feed.AbsoluteUri, out var seen) && seen.Contains(itemId);
    }

    public void MarkSeen(Uri feed, string itemId)
    {
        lock (_lock)
        {
            if (!_data.Seen.TryGetValue(feed.AbsoluteUri, out var seen))
                _data.Seen[feed.AbsoluteUri] = seen = [];
            if (seen.Contains(itemId))
                return;
            seen.Add(itemId);
            if (seen.Count > SeenPerFeed)
                seen.RemoveRange(0, seen.Count - SeenPerFeed);
        }
    }

    public void Save()
    {
        if (Path is null)
            return;
        string json;
        lock (_lock)
            json = JsonSerializer.Serialize(_data, CrawlStateJson.Default.StateData);
        var temp = Path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, Path, overwrite: true);
    }

    internal sealed class StateData
    {
        public Dictionary<string, StoredValidators> Validators { get; set; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<string>> Seen { get; set; } = new(StringComparer.Ordinal);
    }

    internal sealed class StoredValidators
    {
        public string? ETag { get; set; }
        public DateTimeOffset? LastModified { get; set; }
    }
}

[JsonSerializable(typeof(CrawlState.StateData))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class CrawlStateJson : JsonSerializerContext;
