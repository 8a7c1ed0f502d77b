namespace Storyline.Ingest;

public enum ContentKind { Text, Html }

/// <summary>
/// A document as it arrives, before extraction: the decoded content and what the source said about it.
/// <see cref="Id"/> is the content hash, the identity that makes ingest idempotent.
/// </summary>
public sealed record SourceDocument(
    string Uri,
    string Content,
    ContentKind Kind,
    DateOnly? Published = null,
    string? Outlet = null)
{
    public string Id { get; } = Documents.ContentHash.Of(Content);
}

/// <summary>A problem with one input that was skipped; the run goes on.</summary>
public sealed record IngestWarning(string Source, string Message)
{
    public override string ToString() => $"{Source}: {Message}";
}
