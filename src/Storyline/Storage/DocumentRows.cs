using System.Text.Json;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>
/// A document's annotations as table rows, in column order, with the stored spelling of every value
/// (lower-case labels, JSON participant lists). One definition shared by the stores so they cannot drift.
/// </summary>
internal static class DocumentRows
{
    public static IEnumerable<object?[]> Lines(Document d) =>
        d.Lines.Select(l => new object?[] { d.Id, l.Span.Start, l.Span.Length, l.Label.ToString().ToLowerInvariant() });

    public static IEnumerable<object?[]> Mentions(Document d) =>
        d.Mentions.Select(m => new object?[] { d.Id, m.Span.Start, m.Span.Length, m.Type, m.EntityId });

    /// <summary>Entities in id order, so concurrent writers take their locks in the same order and cannot deadlock.</summary>
    public static IEnumerable<Entity> Entities(Document d) => d.Entities.OrderBy(e => e.Id, StringComparer.Ordinal);

    public static IEnumerable<string> Aliases(Entity e) => e.Aliases.Append(e.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>Statement columns: document_id, start, length, kind, speaker, speaker_start, speaker_length, cue, cue_start, cue_length, addressee, said_on, said_on_is_publication, confidence, text.</summary>
    public static IEnumerable<object?[]> Statements(Document d) =>
        d.Statements.Select(st => new object?[]
        {
            d.Id, st.Content.Start, st.Content.Length, st.Kind.ToString().ToLowerInvariant(), st.Speaker,
            st.SpeakerSpan?.Start, st.SpeakerSpan?.Length, st.Cue is { } c ? d.Slice(c) : null, st.Cue?.Start, st.Cue?.Length,
            st.Addressee, st.SaidOn, st.SaidOnIsPublication, st.Confidence, d.Slice(st.Content),
        });

    public static IEnumerable<object?[]> TimeExpressions(Document d) =>
        d.TimeExpressions.Select(t => new object?[] { d.Id, t.Span.Start, t.Span.Length, t.Type.ToString().ToUpperInvariant(), t.Value });

    /// <summary>Event columns: document_id, start, length, type, participants, date, place, negated, hypothetical.</summary>
    public static IEnumerable<object?[]> Events(Document d) =>
        d.Events.Select(e => new object?[]
        {
            d.Id, e.Span.Start, e.Span.Length, e.Type, JsonSerializer.Serialize(e.Participants, StoreJson.Default.IReadOnlyListString),
            e.Date, e.Place, e.Negated, e.Hypothetical,
        });

    public static IEnumerable<object?[]> Claims(Document d) =>
        d.Claims.Select(c => new object?[] { d.Id, c.Span.Start, c.Span.Length, c.Quantity, c.Unit, c.Subject, c.Claimant });

    public static IEnumerable<object?[]> Disputes(Document d) =>
        d.Disputes.Select(x => new object?[] { d.Id, x.Claim.Start, x.Claim.Length, x.DisputedBy.Start, x.DisputedBy.Length });
}
