using Storyline.Documents;
using Storyline.Storage;

namespace Storyline.Web.Api;

/// <summary>A page of a list: <see cref="Total"/> counts the whole list, <see cref="Items"/> start at <see cref="Offset"/>.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, long Total, int Offset, int Limit)
{
    public static PageDto<T> Of(Page<T> page, PageRequest request) => new(page.Items, page.Total, request.Offset, request.Limit);
}

/// <summary>A document in a list: who published it and when, without its text.</summary>
public sealed record DocumentSummary(
    string Id,
    string? SourceUri,
    string? Title,
    string? Outlet,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    bool PublishedInferred,
    string? Language)
{
    public static DocumentSummary From(DocumentRecord d) => new(d.Id, d.SourceUri, d.Title, d.Outlet, d.Authors, d.Published, d.PublishedInferred, d.Language);
}

/// <summary>
/// A document with its text and every annotation. Every annotation locates itself by <c>start</c> and <c>length</c>
/// in UTF-16 code units of <see cref="Text"/>, so a client slices exactly what the pipeline read.
/// </summary>
public sealed record DocumentDetail(
    string Id,
    string? SourceUri,
    string? Title,
    string? Outlet,
    IReadOnlyList<string> Authors,
    DateOnly? Published,
    bool PublishedInferred,
    string? PublishedNote,
    string? Language,
    string Text,
    IReadOnlyList<LineDto> Lines,
    IReadOnlyList<MentionDto> Mentions,
    IReadOnlyList<EntityDto> Entities,
    IReadOnlyList<TimeExpressionDto> TimeExpressions,
    IReadOnlyList<StatementDto> Statements,
    IReadOnlyList<EventDto> Events,
    IReadOnlyList<ClaimDto> Claims,
    IReadOnlyList<DisputeDto> Disputes)
{
    public static DocumentDetail From(Document d) => new(
        d.Id, d.Metadata.SourceUri, d.Metadata.Title, d.Metadata.Outlet, d.Metadata.Authors, d.Metadata.Published, d.Metadata.PublishedInferred,
        d.Metadata.PublishedNote, d.Metadata.Language, d.Text,
        [.. d.Lines.Select(l => new LineDto(l.Span.Start, l.Span.Length, l.Label, l.IsArticle))],
        [.. d.Mentions.Select(m => new MentionDto(m.Span.Start, m.Span.Length, m.Type, m.EntityId))],
        [.. d.Entities.Select(e => new EntityDto(e.Id, e.Name, e.Type, e.Aliases))],
        [.. d.TimeExpressions.Select(t => new TimeExpressionDto(t.Span.Start, t.Span.Length, t.Type, t.Value))],
        [.. d.Statements.Select(s => new StatementDto(s.Content.Start, s.Content.Length, s.Kind, s.Speaker, s.SpeakerSpan?.Start, s.SpeakerSpan?.Length,
            s.Cue?.Start, s.Cue?.Length, s.Addressee, s.SaidOn, s.SaidOnIsPublication, s.Confidence))],
        [.. d.Events.Select(e => new EventDto(e.Span.Start, e.Span.Length, e.Type, e.Participants, e.Date, e.Place, e.Negated, e.Hypothetical))],
        [.. d.Claims.Select(c => new ClaimDto(c.Span.Start, c.Span.Length, c.Quantity, c.Unit, c.Subject, c.Claimant))],
        [.. d.Disputes.Select(x => new DisputeDto(x.Claim.Start, x.Claim.Length, x.DisputedBy.Start, x.DisputedBy.Length))]);
}

public sealed record LineDto(int Start, int Length, LineLabel Label, bool IsArticle);

public sealed record MentionDto(int Start, int Length, string Type, string? EntityId);

public sealed record EntityDto(string Id, string Name, string Type, IReadOnlyList<string> Aliases);

public sealed record TimeExpressionDto(int Start, int Length, TimexType Type, string Value);

/// <summary>
/// A statement inside its document: content span, and the speaker and cue spans when the text names them.
/// <see cref="Confidence"/> (0–1) is the chance that it is a true attribution with the right speaker, as the statement
/// finder estimates it; null for statements stored before confidences were kept.
/// </summary>
public sealed record StatementDto(
    int Start,
    int Length,
    StatementKind Kind,
    string? Speaker,
    int? SpeakerStart,
    int? SpeakerLength,
    int? CueStart,
    int? CueLength,
    string? Addressee,
    DateOnly? SaidOn,
    bool SaidOnIsPublication,
    double? Confidence);

public sealed record EventDto(int Start, int Length, string Type, IReadOnlyList<string> Participants, string? Date, string? Place, bool Negated, bool Hypothetical);

public sealed record ClaimDto(int Start, int Length, string Quantity, string? Unit, string? Subject, string? Claimant);

public sealed record DisputeDto(int ClaimStart, int ClaimLength, int DisputedStart, int DisputedLength);

/// <summary>
/// A claim and the passage contesting it, each with its document, outlet and span. <see cref="AcrossDocuments"/> is
/// true when one outlet's report is denied in another's; <see cref="Reason"/> says how the two were found to clash.
/// </summary>
public sealed record DisputeItem(
    string ClaimDocumentId,
    string? ClaimOutlet,
    DateOnly? ClaimPublished,
    int ClaimStart,
    int ClaimLength,
    string ClaimText,
    string DisputedDocumentId,
    string? DisputedOutlet,
    DateOnly? DisputedPublished,
    int DisputedStart,
    int DisputedLength,
    string DisputedText,
    bool AcrossDocuments,
    string? Reason)
{
    public static DisputeItem From(DisputeRecord d) => new(
        d.DocumentId, d.Outlet, d.Published, d.Claim.Start, d.Claim.Length, d.ClaimText,
        d.DocumentId, d.Outlet, d.Published, d.DisputedBy.Start, d.DisputedBy.Length, d.DisputedByText, false, null);

    /// <summary>A cross-document dispute; <paramref name="document"/> finds each side's outlet and date.</summary>
    public static DisputeItem From(CrossDisputeRecord x, Func<string, DocumentRecord?> document)
    {
        var (claim, disputed) = (document(x.ClaimDocumentId), document(x.DisputedDocumentId));
        return new(x.ClaimDocumentId, claim?.Outlet, claim?.Published, x.ClaimStart, x.ClaimLength, x.ClaimText,
            x.DisputedDocumentId, disputed?.Outlet, disputed?.Published, x.DisputedStart, x.DisputedLength, x.DisputedText, true, x.Reason);
    }
}

/// <summary>What <c>/api/search</c> finds: documents, statements and entities, each list paged alike.</summary>
public sealed record SearchResult(string Query, PageDto<DocumentSummary> Documents, PageDto<StatementRecord> Statements, PageDto<EntityRecord> Entities);

/// <summary>The store at a glance, and whether this server accepts writes.</summary>
public sealed record ServerInfo(string Version, long Documents, long Statements, bool Writable);

/// <summary>
/// A document to ingest: <see cref="Url"/> is its identity for people (the content hash is its identity for the
/// store); exactly one of <see cref="Html"/> and <see cref="Text"/>.
/// </summary>
public sealed record IngestRequest(string? Url, string? Html, string? Text, DateOnly? Published, string? Outlet);

public enum IngestOutcome { Added, AlreadyStored }

public sealed record IngestResponse(string Id, IngestOutcome Outcome, string Location, int Statements, int Entities);

public sealed record RerunResponse(int Documents, long Statements);
