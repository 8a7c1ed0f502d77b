using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>The read side of the SQLite store: documents with their annotations, entities, timelines, disputes.</summary>
public sealed partial class SqliteStore
{
    private static string SpokenByIds(string entity) => CorpusSql.SpokenByIds(entity);

    private static string SpokenBy => $"s.id IN ({SpokenByIds("$entity")})";

    public Document? Load(string id)
    {
        lock (_gate)
        {
            if (ReadDocuments("WHERE id = $id", ("$id", id)).FirstOrDefault() is not { } record)
                return null;
            var metadata = record.ToMetadata();
            var d = new Document(record.Text, metadata, record.Id);
            var arg = ("$id", (object?)id);
            // rowid order is the order the pipeline produced, so a loaded document equals the saved one.
            d.Lines = Rows("SELECT start, length, label FROM lines WHERE document_id = $id ORDER BY rowid",
                r => new Line(new Span(r.GetInt32(0), r.GetInt32(1)), Enum.Parse<LineLabel>(r.GetString(2), ignoreCase: true)), arg);
            d.Mentions = Rows("SELECT start, length, type, entity_id FROM mentions WHERE document_id = $id ORDER BY rowid",
                r => new EntityMention(new Span(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), NullableString(r, 3)), arg);
            d.Entities = Rows(
                """
                SELECT e.id, e.name, e.type, (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias <> e.name)
                FROM entities e WHERE e.id IN (SELECT entity_id FROM mentions WHERE document_id = $id) ORDER BY e.id
                """,
                r => new Entity(r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3))), arg);
            d.TimeExpressions = Rows("SELECT start, length, type, value FROM time_expressions WHERE document_id = $id ORDER BY rowid",
                r => new TimeExpression(new Span(r.GetInt32(0), r.GetInt32(1)), Enum.Parse<TimexType>(r.GetString(2), ignoreCase: true), r.GetString(3)), arg);
            d.Statements = Rows(
                """
                SELECT start, length, kind, speaker, speaker_start, speaker_length, cue_start, cue_length, addressee, said_on, said_on_is_publication, confidence
                FROM statements WHERE document_id = $id ORDER BY id
                """,
                r => new Statement(new Span(r.GetInt32(0), r.GetInt32(1)), Enum.Parse<StatementKind>(r.GetString(2), ignoreCase: true), NullableString(r, 3),
                    NullableSpan(r, 4), NullableSpan(r, 6), NullableString(r, 8), ParseDate(NullableString(r, 9)), r.GetInt64(10) != 0,
                    r.IsDBNull(11) ? null : r.GetDouble(11)), arg);
            d.Events = Rows("SELECT start, length, type, participants, date, place, negated, hypothetical FROM events WHERE document_id = $id ORDER BY id",
                r => new Event(new Span(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), Strings(r.GetString(3)), NullableString(r, 4), NullableString(r, 5),
                    r.GetInt64(6) != 0, r.GetInt64(7) != 0), arg);
            d.Claims = Rows("SELECT start, length, quantity, unit, subject, claimant FROM claims WHERE document_id = $id ORDER BY rowid",
                r => new Claim(new Span(r.GetInt32(0), r.GetInt32(1)), r.GetString(2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5)), arg);
            d.Disputes = Rows("SELECT claim_start, claim_length, disputed_start, disputed_length FROM disputes WHERE document_id = $id ORDER BY rowid",
                r => new Dispute(new Span(r.GetInt32(0), r.GetInt32(1)), new Span(r.GetInt32(2), r.GetInt32(3))), arg);
            return d;
        }
    }

    public Page<DocumentRecord> QueryDocuments(DocumentQuery q)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (q.Text is { } text)
        {
            where.Add("id IN (SELECT document_id FROM documents_fts WHERE documents_fts MATCH $q)");
            args.Add(("$q", FtsQuery.From(text)));
        }
        if (q.Outlet is { } outlet)
        {
            where.Add("outlet = $outlet COLLATE NOCASE");
            args.Add(("$outlet", outlet));
        }
        if (q.From is { } from)
        {
            where.Add("published >= $from");
            args.Add(("$from", Format(from)));
        }
        if (q.To is { } to)
        {
            where.Add("published <= $to");
            args.Add(("$to", Format(to)));
        }
        var filter = where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "";
        lock (_gate)
        {
            var total = (long)Scalar($"SELECT count(*) FROM documents {filter}", [.. args])!;
            var items = ReadDocuments($"{filter} ORDER BY published DESC NULLS LAST, id LIMIT $limit OFFSET $offset",
                [.. args, ("$limit", q.Limit), ("$offset", q.Offset)]);
            return new Page<DocumentRecord>(items, total);
        }
    }

    private static readonly string EntityColumns = $"""
        SELECT e.id, e.name, e.type,
            (SELECT json_group_array(alias) FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias <> e.name),
            (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mention_count,
            (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id),
            (SELECT count(*) FROM ({SpokenByIds("e.id")})) AS statement_count
        FROM entities e
        """;

    public Page<EntityRecord> QueryEntities(EntityQuery q)
    {
        // An entity that no mention links to any more (a spelling the corpus linker merged into another) is not listed.
        var where = new List<string> { "EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)" };
        var args = new List<(string, object?)>();
        if (q.Name is { } name)
        {
            where.Add("e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE $name ESCAPE '\\')");
            args.Add(("$name", "%" + EscapeLike(name) + "%"));
        }
        if (q.Type is { } type)
        {
            where.Add("e.type = $type COLLATE NOCASE");
            args.Add(("$type", type));
        }
        var filter = "WHERE " + string.Join(" AND ", where);
        lock (_gate)
        {
            var total = (long)Scalar($"SELECT count(*) FROM entities e {filter}", [.. args])!;
            var items = Rows($"{EntityColumns} {filter} ORDER BY statement_count DESC, mention_count DESC, e.name, e.id LIMIT $limit OFFSET $offset",
                ReadEntity, [.. args, ("$limit", q.Limit), ("$offset", q.Offset)]);
            return new Page<EntityRecord>(items, total);
        }
    }

    public EntityRecord? GetEntity(string id)
    {
        lock (_gate)
            return Rows($"{EntityColumns} WHERE e.id = $id", ReadEntity, ("$id", id)).FirstOrDefault();
    }

    private static EntityRecord ReadEntity(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), Strings(r.GetString(3)), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6));

    /// <summary>
    /// Statements the entity made, statements whose content mentions it, and events that name it as a participant
    /// or mention it in their span. Event texts are sliced from the document here, not in SQL, because SQLite's
    /// substr counts code points and spans count UTF-16 units.
    /// </summary>
    private static readonly string TimelineUnion = $"""
        SELECT coalesce(s.said_on, d.published) AS date, 'said' AS role, s.document_id, d.outlet, d.title, s.start, s.length, s.text, s.speaker, NULL AS type, NULL AS full
        FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE {SpokenBy}
        UNION ALL
        SELECT coalesce(s.said_on, d.published), 'mentioned', s.document_id, d.outlet, d.title, s.start, s.length, s.text, s.speaker, NULL, NULL
        FROM statements s JOIN documents d ON d.id = s.document_id
        WHERE NOT {SpokenBy} AND EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = s.document_id AND m.entity_id = $entity
            AND m.start >= s.start AND m.start < s.start + s.length)
        UNION ALL
        SELECT coalesce(ev.date, d.published), 'event', ev.document_id, d.outlet, d.title, ev.start, ev.length, NULL, NULL, ev.type, d.text
        FROM events ev JOIN documents d ON d.id = ev.document_id
        WHERE EXISTS (SELECT 1 FROM json_each(ev.participants) j WHERE j.value = $entity OR j.value IN (SELECT alias FROM entity_aliases WHERE entity_id = $entity))
           OR EXISTS (SELECT 1 FROM mentions m WHERE m.document_id = ev.document_id AND m.entity_id = $entity
                AND m.start >= ev.start AND m.start < ev.start + ev.length)
        """;

    public Page<TimelineEntry> EntityTimeline(string entityId, int offset = 0, int limit = 100)
    {
        lock (_gate)
        {
            var total = (long)Scalar($"SELECT count(*) FROM ({TimelineUnion})", ("$entity", entityId))!;
            var items = Rows($"SELECT * FROM ({TimelineUnion}) ORDER BY date NULLS LAST, document_id, start, role, length, type LIMIT $limit OFFSET $offset",
                r =>
                {
                    var span = new Span(r.GetInt32(5), r.GetInt32(6));
                    var text = NullableString(r, 7) ?? span.Of(r.GetString(10));
                    return new TimelineEntry(NullableString(r, 0), Enum.Parse<TimelineRole>(r.GetString(1), ignoreCase: true), r.GetString(2),
                        NullableString(r, 3), NullableString(r, 4), span.Start, span.Length, text, NullableString(r, 8), NullableString(r, 9));
                },
                ("$entity", entityId), ("$limit", limit), ("$offset", offset));
            return new Page<TimelineEntry>(items, total);
        }
    }

    public Page<DisputeRecord> Disputes(int offset = 0, int limit = 100)
    {
        lock (_gate)
        {
            var total = (long)Scalar("SELECT count(*) FROM disputes")!;
            var items = Rows(
                """
                SELECT x.document_id, d.outlet, d.title, d.published, x.claim_start, x.claim_length, x.disputed_start, x.disputed_length, d.text
                FROM disputes x JOIN documents d ON d.id = x.document_id
                ORDER BY d.published NULLS LAST, x.document_id, x.claim_start, x.claim_length, x.disputed_start, x.disputed_length LIMIT $limit OFFSET $offset
                """,
                r =>
                {
                    var (claim, disputed, text) = (new Span(r.GetInt32(4), r.GetInt32(5)), new Span(r.GetInt32(6), r.GetInt32(7)), r.GetString(8));
                    return new DisputeRecord(r.GetString(0), NullableString(r, 1), NullableString(r, 2), ParseDate(NullableString(r, 3)),
                        claim, claim.Of(text), disputed, disputed.Of(text));
                },
                ("$limit", limit), ("$offset", offset));
            return new Page<DisputeRecord>(items, total);
        }
    }

    public IReadOnlyList<OutletRecord> Outlets()
    {
        lock (_gate)
        {
            return Rows("SELECT outlet, count(*) AS n FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY n DESC, outlet",
                r => new OutletRecord(r.GetString(0), r.GetInt64(1)));
        }
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> read, params (string, object?)[] args)
    {
        using var cmd = Command(sql, null, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
            list.Add(read(r));
        return list;
    }

    private static Span? NullableSpan(SqliteDataReader r, int i) => r.IsDBNull(i) || r.IsDBNull(i + 1) ? null : new Span(r.GetInt32(i), r.GetInt32(i + 1));

    private static IReadOnlyList<string> Strings(string json) => JsonSerializer.Deserialize(json, StoreJson.Default.IReadOnlyListString) ?? [];
}
