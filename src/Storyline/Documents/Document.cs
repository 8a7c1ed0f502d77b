using System.Security.Cryptography;
using System.Text;

namespace Storyline.Documents;

/// <summary>Facts about a document as a whole, filled by extraction and refined by later stages.</summary>
public sealed class DocumentMetadata
{
    public string? SourceUri { get; set; }
    public string? Title { get; set; }
    public string? Outlet { get; set; }
    public IReadOnlyList<string> Authors { get; set; } = [];
    public DateOnly? Published { get; set; }

    /// <summary>True when no date is printed and <see cref="Published"/> was inferred from the text.</summary>
    public bool PublishedInferred { get; set; }

    /// <summary>How the date was established: which evidence, which trap (day/month order, wrong year).</summary>
    public string? PublishedNote { get; set; }

    /// <summary>How sure the date is, 0 … 1, when it was read from a dateline or inferred; null when the source gave it.</summary>
    public double? PublishedConfidence { get; set; }

    public string? Language { get; set; }

    /// <summary>Problems met while reading the document ("no article found"); the document is still usable.</summary>
    public List<string> Warnings { get; } = [];
}

/// <summary>
/// One article: an immutable text and the annotations the pipeline stages add to it. Every annotation is a
/// <see cref="Span"/> into <see cref="Text"/>, so every output can point back to the exact source characters.
/// </summary>
public sealed class Document
{
    public Document(string text, DocumentMetadata? metadata = null, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Metadata = metadata ?? new DocumentMetadata();
        Id = id ?? ContentHash.Of(text);
    }

    /// <summary>Identity: the content hash of the source the document was made from.</summary>
    public string Id { get; }

    public string Text { get; }

    public DocumentMetadata Metadata { get; }

    public IReadOnlyList<Line> Lines { get; set; } = [];
    public IReadOnlyList<Token> Tokens { get; set; } = [];
    public IReadOnlyList<Sentence> Sentences { get; set; } = [];
    public IReadOnlyList<EntityMention> Mentions { get; set; } = [];
    public IReadOnlyList<Entity> Entities { get; set; } = [];
    public IReadOnlyList<TimeExpression> TimeExpressions { get; set; } = [];
    public IReadOnlyList<Statement> Statements { get; set; } = [];
    public IReadOnlyList<Event> Events { get; set; } = [];
    public IReadOnlyList<Claim> Claims { get; set; } = [];
    public IReadOnlyList<Dispute> Disputes { get; set; } = [];

    /// <summary>The article's own text (title, headings, body), without captions and boilerplate.</summary>
    public IEnumerable<Span> BodySpans => Lines.Count == 0 ? [new Span(0, Text.Length)] : Lines.Where(l => l.IsArticle).Select(l => l.Span);

    public string BodyText => string.Join("\n", BodySpans.Select(s => s.Of(Text)));

    public string Slice(Span span) => span.Of(Text);

    /// <summary>True when the span lies inside an article line (not a caption or boilerplate).</summary>
    public bool IsInBody(Span span) => Lines.Count == 0 || Lines.Any(l => l.IsArticle && l.Span.Contains(span));
}

public static class ContentHash
{
    /// <summary>Characters encoded and hashed at a time (at most three bytes each in UTF-8).</summary>
    private const int ChunkChars = 4096;

    /// <summary>
    /// Lower-case hex SHA-256 of the UTF-8 bytes; the identity of a document across runs. The text is encoded a chunk
    /// at a time into a buffer on the stack: one UTF-8 copy of a whole page was a large-object allocation for every
    /// document read, which the garbage collector reclaims only in its full collections. The encoder carries a
    /// surrogate pair split between chunks over, so the bytes hashed are exactly those of <c>Encoding.UTF8.GetBytes</c>.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> buffer = stackalloc byte[3 * ChunkChars];
        var rest = text.AsSpan();
        do
        {
            var chunk = rest[..Math.Min(rest.Length, ChunkChars)];
            encoder.Convert(chunk, buffer, flush: chunk.Length == rest.Length, out int charsUsed, out int bytesUsed, out _);
            hash.AppendData(buffer[..bytesUsed]);
            rest = rest[charsUsed..];
        }
        while (!rest.IsEmpty);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
