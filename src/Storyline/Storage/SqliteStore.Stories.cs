using System.Text.Json;
using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>The cross-document view: events read back, clusters, stories and disputes written and read.</summary>
public sealed partial class SqliteStore
{
    private const string EventsSql = """
        SELECT e.id, e.document_id, d.source_uri, d.outlet, d.published, e.type, e.participants, e.date, e.place,
               e.negated, e.hypothetical, e.start, e.length, d.text
        FROM events e JOIN documents d ON d.id = e.document_id
        ORDER BY e.document_id, e.start, e.id
        LIMIT $limit OFFSET $offset
        """;

    public IEnumerable<EventRecord> Events(int offset = 0, int limit = int.MaxValue)
    {
        lock (_gate)
        {
            using var cmd = Command(EventsSql, null, ("$limit", limit), ("$offset", offset));
            using var r = cmd.ExecuteReader();
            var list = new List<EventRecord>();
            while (r.Read())
            {
                int start = r.GetInt32(11), length = r.GetInt32(12);
                // The passage is cut from the document here, not by SQL substr(), which counts code points, not UTF-16 units.
                var text = r.GetString(13);
                var passage = start >= 0 && start + length <= text.Length ? text.Substring(start, length) : "";
                list.Add(new EventRecord(
                    r.GetInt64(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), ParseDate(NullableString(r, 4)),
                    r.GetString(5), JsonSerializer.Deserialize(r.GetString(6), StoreJson.Default.IReadOnlyListString) ?? [],
                    NullableString(r, 7), NullableString(r, 8), r.GetInt64(9) != 0, r.GetInt64(10) != 0, passage, start, length));
            }
            return list;
        }
    }

    public IReadOnlyList<Span> ArticleSpans(string documentId)
    {
        lock (_gate)
        {
            using var cmd = Command(
                "SELECT start, length FROM lines WHERE document_id = $d AND label IN ('title', 'heading', 'body') ORDER BY start", null, ("$d", documentId));
            using var r = cmd.ExecuteReader();
            var list = new List<Span>();
            while (r.Read())
                list.Add(new Span(r.GetInt32(0), r.GetInt32(1)));
            return list;
        }
    }

    private const string ClearStoriesSql = """
        DELETE FROM story_clusters; DELETE FROM stories;
        DELETE FROM statement_cluster_members; DELETE FROM statement_clusters;
        DELETE FROM event_cluster_members; DELETE FROM event_clusters;
        DELETE FROM cross_disputes;
        """;

    // Members are found by their place in the document, so a graph built from documents (not from stored rows) saves too.
    private const string StatementMemberSql = """
        INSERT OR IGNORE INTO statement_cluster_members (cluster_id, statement_id)
        SELECT $c, id FROM statements WHERE document_id = $d AND start = $s AND length = $l
        """;

    private const string EventMemberSql = """
        INSERT OR IGNORE INTO event_cluster_members (cluster_id, event_id)
        SELECT $c, id FROM events WHERE document_id = $d AND start = $s AND length = $l
        """;

    public void SaveStories(StoryGraph graph)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            Execute(ClearStoriesSql, tx);
            using (var cluster = Prepare("INSERT INTO statement_clusters VALUES ($id, $sp, $f, $t, $label, $n)", tx, "$id", "$sp", "$f", "$t", "$label", "$n"))
            using (var member = Prepare(StatementMemberSql, tx, "$c", "$d", "$s", "$l"))
            {
                foreach (var c in graph.StatementClusters)
                {
                    Run(cluster, c.Id, c.Speaker, Format(c.From), Format(c.To), c.Representative.Text, c.DocumentCount);
                    foreach (var m in c.Members)
                        Run(member, c.Id, m.DocumentId, m.Span.Start, m.Span.Length);
                }
            }
            using (var cluster = Prepare("INSERT INTO event_clusters VALUES ($id, $type, $f, $t, $label, $n)", tx, "$id", "$type", "$f", "$t", "$label", "$n"))
            using (var member = Prepare(EventMemberSql, tx, "$c", "$d", "$s", "$l"))
            {
                foreach (var c in graph.EventClusters)
                {
                    Run(cluster, c.Id, c.Type, Format(c.From), Format(c.To), c.Representative.Text, c.DocumentCount);
                    foreach (var m in c.Members)
                        Run(member, c.Id, m.DocumentId, m.Span.Start, m.Span.Length);
                }
            }
            using (var story = Prepare("INSERT INTO stories VALUES ($id, $title, $f, $t)", tx, "$id", "$title", "$f", "$t"))
            using (var link = Prepare("INSERT OR IGNORE INTO story_clusters VALUES ($s, $k, $c)", tx, "$s", "$k", "$c"))
            {
                foreach (var s in graph.Stories)
                {
                    Run(story, s.Id, s.Title, Format(s.From), Format(s.To));
                    foreach (var c in s.StatementClusterIds)
                        Run(link, s.Id, "statement", c);
                    foreach (var c in s.EventClusterIds)
                        Run(link, s.Id, "event", c);
                }
            }
            using (var dispute = Prepare(
                """
                INSERT INTO cross_disputes (claim_document_id, claim_start, claim_length, claim_text, disputed_document_id, disputed_start, disputed_length, disputed_text, reason)
                VALUES ($cd, $cs, $cl, $ct, $dd, $ds, $dl, $dt, $r)
                """, tx, "$cd", "$cs", "$cl", "$ct", "$dd", "$ds", "$dl", "$dt", "$r"))
            {
                foreach (var d in graph.Disputes)
                {
                    Run(dispute, d.ClaimDocumentId, d.Claim.Start, d.Claim.Length, d.ClaimText,
                        d.DisputedDocumentId, d.DisputedBy.Start, d.DisputedBy.Length, d.DisputedText, d.Reason.ToString().ToLowerInvariant());
                }
            }
            tx.Commit();
        }
    }

    public IReadOnlyList<StatementClusterRecord> StatementClusters()
    {
        lock (_gate)
        {
            var members = Members("SELECT cluster_id, statement_id FROM statement_cluster_members ORDER BY statement_id");
            return Rows("SELECT id, speaker, date_from, date_to, label, documents FROM statement_clusters ORDER BY coalesce(date_from, '9999'), id",
                r => new StatementClusterRecord(r.GetString(0), NullableString(r, 1), ParseDate(NullableString(r, 2)), ParseDate(NullableString(r, 3)),
                    r.GetString(4), r.GetInt32(5), members.GetValueOrDefault(r.GetString(0)) ?? []));
        }
    }

    public IReadOnlyList<EventClusterRecord> EventClusters()
    {
        lock (_gate)
        {
            var members = Members("SELECT cluster_id, event_id FROM event_cluster_members ORDER BY event_id");
            return Rows("SELECT id, type, date_from, date_to, label, documents FROM event_clusters ORDER BY coalesce(date_from, '9999'), id",
                r => new EventClusterRecord(r.GetString(0), r.GetString(1), ParseDate(NullableString(r, 2)), ParseDate(NullableString(r, 3)),
                    r.GetString(4), r.GetInt32(5), members.GetValueOrDefault(r.GetString(0)) ?? []));
        }
    }

    public IReadOnlyList<StoryRecord> Stories()
    {
        lock (_gate)
        {
            var links = new Dictionary<string, (List<string> Statements, List<string> Events)>(StringComparer.Ordinal);
            using (var cmd = Command("SELECT story_id, kind, cluster_id FROM story_clusters ORDER BY story_id, kind, cluster_id", null))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    if (!links.TryGetValue(r.GetString(0), out var l))
                        links[r.GetString(0)] = l = ([], []);
                    (r.GetString(1) == "event" ? l.Events : l.Statements).Add(r.GetString(2));
                }
            }
            return Rows("SELECT id, title, date_from, date_to FROM stories ORDER BY coalesce(date_to, '0000') DESC, id",
                r =>
                {
                    var l = links.GetValueOrDefault(r.GetString(0));
                    return new StoryRecord(r.GetString(0), r.GetString(1), ParseDate(NullableString(r, 2)), ParseDate(NullableString(r, 3)),
                        l.Statements ?? [], l.Events ?? []);
                });
        }
    }

    public IReadOnlyList<CrossDisputeRecord> CrossDisputes()
    {
        lock (_gate)
        {
            return Rows(
                """
                SELECT id, claim_document_id, claim_start, claim_length, claim_text, disputed_document_id, disputed_start, disputed_length, disputed_text, reason
                FROM cross_disputes ORDER BY id
                """,
                r => new CrossDisputeRecord(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4),
                    r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetString(8), r.GetString(9)));
        }
    }

    private Dictionary<string, List<long>> Members(string sql)
    {
        var members = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        using var cmd = Command(sql, null);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!members.TryGetValue(r.GetString(0), out var list))
                members[r.GetString(0)] = list = [];
            list.Add(r.GetInt64(1));
        }
        return members;
    }

    private List<T> Rows<T>(string sql, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> map)
    {
        using var cmd = Command(sql, null);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
            list.Add(map(r));
        return list;
    }
}
