namespace Storyline.Ingest;

/// <summary>
/// Reads one named source, whatever it is: an http(s) URL (fetched by <see cref="WebSource"/>), a web archive, or a
/// local file (text, HTML, JSON lines). Problems become warnings, never exceptions. This is what a queue worker
/// runs on each item.
/// </summary>
public sealed class SourceReader(WebSource? web = null)
{
    public IEnumerable<SourceDocument> Read(string source, Action<IngestWarning> warn)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            if (web is null)
            {
                warn(new IngestWarning(source, "URLs cannot be read here (no web source configured)"));
                return [];
            }
            var (_, document) = web.FetchAsync(uri, warn).GetAwaiter().GetResult();
            return document is null ? [] : [document];
        }
        return new FileSource(warn).ReadFile(source);
    }
}
