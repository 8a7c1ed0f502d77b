namespace Storyline.Ingest;

/// <summary>
/// Reads one named source, whatever it is: a local file (text, HTML, JSON lines) now; the dispatch point where
/// URLs and web archives join. Problems become warnings, never exceptions.
/// </summary>
public sealed class SourceReader
{
    public IEnumerable<SourceDocument> Read(string source, Action<IngestWarning> warn) =>
        new FileSource(warn).ReadFile(source);
}
