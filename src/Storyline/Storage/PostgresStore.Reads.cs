using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>
/// The read side of the PostgreSQL store: documents with their annotations, entities, timelines, disputes. Every
/// query orders text with <c>COLLATE "C"</c> (code-unit order, as SQLite compares) so both stores list rows alike
/// whatever the database's locale.
/// </summary>
public sealed partial class PostgresStore
{
    public Document? Load(string id)
    {
        if (GetDocument(id) is not { } record)
            return null;
        var metadata = record.ToMetadata();
        // seq and id are the order the pipeline produced, so a loaded document equals the saved one.
        return new Document(record.Text, metadata, record.Id)
        {
            Lines = Rows("SELECT start, length, label FROM lines WHERE document_id = $1 ORDER BY seq",
                r => new Line(new Span(r.GetInt32(0), r.GetInt32(1)), Enum.Parse<LineLabel>(r.GetString(2), ignoreCase: true)), id),
            Mentions = Rows("SELECT start, length, type, entity_id FROM mentions WHERE document_id = $1 ORDER BY seq",
                r => new EntityMention(new Span(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), Text(r, 3)), id),
            Entities = Rows(
                $"""
                SELECT e.id, e.name, e.type, {OtherNames}
                FROM entities e WHERE e.id IN (SELECT entity_id FROM mentions WHERE document_id = $1) ORDER BY e.id COLLATE "C"
                """,
                r => new Entity(r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3))), id),
            TimeExpressions = Rows("SELECT start, length, type, value FROM time_expressions WHERE document_id = $1 ORDER BY seq",
                r => new TimeExpression(new Span(r.GetInt32(0), r.GetInt32(1)), Enum.Parse<TimexType>(r.GetString(2), ignoreCase: true), r.GetString(3)), id),
            Statements = Rows(
                """
                SELECT start, length, kind, speaker, speaker_start, speaker_length, cue_start, cue_length, addressee, said_on, said_on_is_publication, confidence
                FROM statements WHERE document_id = $1 ORDER BY id
                """,
                r => new Statement(new Span(r.GetInt32(0), r.GetInt32(1)), Enum.Parse<StatementKind>(r.GetString(2), ignoreCase: true), Text(r, 3),
                    NullableSpan(r, 4), NullableSpan(r, 6), Text(r, 8), Date(r, 9), r.GetBoolean(10),
                    r.IsDBNull(11) ? null : r.GetDouble(11)), id),
            Events = Rows("SELECT start, length, type, participants, date, place, negated, hypothetical FROM events WHERE document_id = $1 ORDER BY id",
                r => new Event(new Span(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), Strings(r.GetString(3)), Text(r, 4), Text(r, 5),
                    r.GetBoolean(6), r.GetBoolean(7)), id),
            Claims = Rows("SELECT start, length, quantity, unit, subject, claimant FROM claims WHERE document_id = $1 ORDER BY seq",
                r => new Claim(new Span(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5)), id),
            Disputes = Rows("SELECT claim_start, claim_length, disputed_start, disputed_length FROM disputes WHERE document_id = $1 ORDER BY seq",
                r => new Dispute(new Span(r.GetInt32(0), r.GetInt32(1)), new Span(r.GetInt32(2), r.GetInt32(3))), id),
        };
    }

    /// <summary>An entity's names other than its canonical one, as a JSON array in code-unit order (as SQLite's primary-key order gives them).</summary>
    private const string OtherNames = """
        coalesce((SELECT json_agg(a.alias ORDER BY a.alias COLLATE "C") FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias <> e.name)::text, '[]')
        """;

    public Page<DocumentRecord> QueryDocuments(DocumentQuery q)
    {
        var f = new Filter();
        if (q.Text is { } text)
            f.Add($"search @@ plainto_tsquery('simple', {f.Arg(SearchText.Fold(text))})");
        if (q.Outlet is { } outlet)
            f.Add($"lower(outlet) = lower({f.Arg(outlet)})");
        if (q.From is { } from)
            f.Add($"published >= {f.Arg(from)}");
        if (q.To is { } to)
            f.Add($"published <= {f.Arg(to)}");
        var total = (long)Scalar($"SELECT count(*) FROM documents {f.Where}", [.. f.Args])!;
        var items = ReadDocuments($"{f.Where} ORDER BY published DESC NULLS LAST, id COLLATE \"C\" LIMIT {f.Arg((long)q.Limit)} OFFSET {f.Arg((long)q.Offset)}", [.. f.Args]);
        return new Page<DocumentRecord>(items, total);
    }

    private static readonly string EntityColumns = $"""
        SELECT e.id, e.name, e.type, {OtherNames},
            (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
            (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id),
            (SELECT count(*) FROM ({CorpusSql.SpokenByIds("e.id")}) spoken) AS statement_count
        FROM entities e
        """;

    public Page<EntityRecord> QueryEntities(EntityQuery q)
    {
        var f = new Filter();
        // An entity that no mention links to any more (a spelling the corpus linker merged into another) is not
        // listed, as in the SQLite store.
        f.Add("EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)");
        if (q.Name is { } name)
            f.Add($"e.id IN (SELECT entity_id FROM entity_aliases WHERE alias ILIKE {f.Arg("%" + EscapeLike(name) + "%")})");
        if (q.Type is { } type)
            f.Add($"lower(e.type) = lower({f.Arg(type)})");
        var total = (long)Scalar($"SELECT count(*) FROM entities e {f.Where}", [.. f.Args])!;
        var items = Rows(
            $"""
            {EntityColumns} {f.Where}
            ORDER BY statement_count DESC, mention_count DESC, e.name COLLATE "C", e.id COLLATE "C"
            LIMIT {f.Arg((long)q.Limit)} OFFSET {f.Arg((long)q.Offset)}
            """,
            ReadEntity, [.. f.Args]);
        return new Page<EntityRecord>(items, total);
    }

    public EntityRecord? GetEntity(string id) => Rows($"{EntityColumns} WHERE e.id = $1", ReadEntity, id).FirstOrDefault();

    private static EntityRecord ReadEntity(Npgsql.NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3)), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));

    /// <summary>
    /// Statements the entity made, statements whose content mentions it, and events that name it as a participant
    /// or mention it in their span; dates as TIMEX text, as the SQLite store keeps them. Event texts are sliced from
    /// the document here, not in SQL, because substr counts code points and spans count UTF-16 units.
    /// </summary>
    private static readonly string TimelineUnion = $"""
        SELECT to_char(coalesce(s.said_on, d.published), 'YYYY-MM-DD') AS date, 'said' AS role, s.document_id, d.outlet, d.title, s.start, s.length,
               s.text, s.speaker, NULL::text AS type, NULL::text AS document_text
        FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE s.id IN ({CorpusSql.SpokenByIds("$1")})
        UNION ALL
        SELECT to_char(coalesce(s.said_on, d.published), 'YYYY-MM-DD'), 'mentioned', s.document_id, d.outlet, d.title, s.start, s.length, s.text, s.speaker, NULL, NULL
        FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE s.id NOT IN ({CorpusSql.SpokenByIds("$1")}) AND EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = s.document_id AND m.entity_id = $1
            AND m.start >= s.start AND m.start < s.start + s.length)
        UNION ALL
        SELECT coalesce(ev.date, to_char(d.published, 'YYYY-MM-DD')), 'event', ev.document_id, d.outlet, d.title, ev.start, ev.length, NULL, NULL, ev.type, d.text
        FROM events ev JOIN documents d ON d.id = ev.document_id
        WHERE EXISTS (SELECT 1 FROM jsonb_array_elements_text(ev.participants::jsonb) j(value)
                WHERE j.value = $1 OR j.value IN (SELECT alias FROM entity_aliases WHERE entity_id = $1))
           OR EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = ev.document_id AND m.entity_id = $1
                AND m.start >= ev.start AND m.start < ev.start + ev.length)
        """;

    public Page<TimelineEntry> EntityTimeline(string entityId, int offset = 0, int limit = 100)
    {
        var total = (long)Scalar($"SELECT count(*) FROM ({TimelineUnion}) timeline", entityId)!;
        var items = Rows(
            $"""
            SELECT * FROM ({TimelineUnion}) timeline
            ORDER BY date COLLATE "C" NULLS LAST, document_id COLLATE "C", start, role COLLATE "C", length, type COLLATE "C" NULLS FIRST LIMIT $2 OFFSET $3
            """,
            r =>
            {
                var span = new Span(r.GetInt32(5), r.GetInt32(6));
                var text = Text(r, 7) ?? span.Of(r.GetString(10));
                return new TimelineEntry(Text(r, 0), Enum.Parse<TimelineRole>(r.GetString(1), ignoreCase: true), r.GetString(2),
                    Text(r, 3), Text(r, 4), span.Start, span.Length, text, Text(r, 8), Text(r, 9));
            },
            entityId, (long)limit, (long)offset);
        return new Page<TimelineEntry>(items, total);
    }

    public Page<DisputeRecord> Disputes(int offset = 0, int limit = 100)
    {
        var total = (long)Scalar("SELECT count(*) FROM disputes")!;
        var items = Rows(
            """
            SELECT x.document_id, d.outlet, d.title, d.published, x.claim_start, x.claim_length, x.disputed_start, x.disputed_length, d.text
            FROM disputes x JOIN documents d ON d.id = x.document_id
            ORDER BY d.published NULLS LAST, x.document_id COLLATE "C", x.claim_start, x.claim_length, x.disputed_start, x.disputed_length LIMIT $1 OFFSET $2
            """,
            r =>
            {
                var (claim, disputed, text) = (new Span(r.GetInt32(4), r.GetInt32(5)), new Span(r.GetInt32(6), r.GetInt32(7)), r.GetString(8));
                return new DisputeRecord(r.GetString(0), Text(r, 1), Text(r, 2), Date(r, 3), claim, claim.Of(text), disputed, disputed.Of(text));
            },
            (long)limit, (long)offset);
        return new Page<DisputeRecord>(items, total);
    }

    public IReadOnlyList<OutletRecord> Outlets() =>
        Rows("SELECT outlet, count(*) AS n FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet COLLATE \"C\"",
            r => new OutletRecord(r.GetString(0), r.GetInt64(1)));

    private static Span? NullableSpan(Npgsql.NpgsqlDataReader r, int i) => r.IsDBNull(i) || r.IsDBNull(i + 1) ? null : new Span(r.GetInt32(i), r.GetInt32(i + 1));
}
