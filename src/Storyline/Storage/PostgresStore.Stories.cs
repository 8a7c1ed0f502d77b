using System.Globalization;
using Npgsql;
using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Storage;

/// <summary>The cross-document view on PostgreSQL: events read back, clusters, stories and disputes written and read.</summary>
public sealed partial class PostgresStore
{
    /// <summary>Key of the advisory lock that serialises two <c>storyline stories</c> runs replacing the view at once.</summary>
    private const long StoriesLock = 0x5354_4F52_4945_5321; // "STORIES!"

    public IEnumerable<EventRecord> Events(int offset = 0, int limit = int.MaxValue) =>
        Rows(
            """
            SELECT e.id, e.document_id, d.source_uri, d.outlet, d.published, e.type, e.participants, e.date, e.place,
                   e.negated, e.hypothetical, e.start, e.length, d.text
            FROM events e JOIN documents d ON d.id = e.document_id
            ORDER BY e.document_id COLLATE "C", e.start, e.id
            LIMIT $1 OFFSET $2
            """,
            r =>
            {
                int start = r.GetInt32(11), length = r.GetInt32(12);
                // The passage is cut from the document here, not by SQL substr(), which counts code points, not UTF-16 units.
                var text = r.GetString(13);
                var passage = start >= 0 && start + length <= text.Length ? text.Substring(start, length) : "";
                return new EventRecord(r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3), Date(r, 4), r.GetString(5), Strings(r.GetString(6)),
                    Text(r, 7), Text(r, 8), r.GetBoolean(9), r.GetBoolean(10), passage, start, length);
            },
            (long)limit, (long)offset);

    public IReadOnlyList<Span> ArticleSpans(string documentId) =>
        Rows("SELECT start, length FROM lines WHERE document_id = $1 AND label IN ('title', 'heading', 'body') ORDER BY start",
            r => new Span(r.GetInt32(0), r.GetInt32(1)), documentId);

    public void SaveStories(StoryGraph graph) => InTransaction((conn, tx) =>
    {
        using (var clear = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock({StoriesLock});
            DELETE FROM story_clusters; DELETE FROM stories;
            DELETE FROM statement_cluster_members; DELETE FROM statement_clusters;
            DELETE FROM event_cluster_members; DELETE FROM event_clusters;
            DELETE FROM cross_disputes;
            """, conn, tx))
            clear.ExecuteNonQuery();
        using var batch = new NpgsqlBatch(conn, tx);
        void Row(string sql, params object?[] values)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            foreach (var v in values)
                cmd.Parameters.Add(Parameter(v));
            batch.BatchCommands.Add(cmd);
        }
        // Members are found by their span, as in SQLite: the graph names statements and events by document and place.
        foreach (var c in graph.StatementClusters)
        {
            Row("INSERT INTO statement_clusters VALUES ($1, $2, $3, $4, $5, $6)", c.Id, c.Speaker, Day(c.From), Day(c.To), c.Representative.Text, c.DocumentCount);
            foreach (var m in c.Members)
            {
                Row("INSERT INTO statement_cluster_members (cluster_id, statement_id) SELECT $1, id FROM statements WHERE document_id = $2 AND start = $3 AND length = $4 ON CONFLICT DO NOTHING",
                    c.Id, m.DocumentId, m.Span.Start, m.Span.Length);
            }
        }
        foreach (var c in graph.EventClusters)
        {
            Row("INSERT INTO event_clusters VALUES ($1, $2, $3, $4, $5, $6)", c.Id, c.Type, Day(c.From), Day(c.To), c.Representative.Text, c.DocumentCount);
            foreach (var m in c.Members)
            {
                Row("INSERT INTO event_cluster_members (cluster_id, event_id) SELECT $1, id FROM events WHERE document_id = $2 AND start = $3 AND length = $4 ON CONFLICT DO NOTHING",
                    c.Id, m.DocumentId, m.Span.Start, m.Span.Length);
            }
        }
        foreach (var s in graph.Stories)
        {
            Row("INSERT INTO stories VALUES ($1, $2, $3, $4)", s.Id, s.Title, Day(s.From), Day(s.To));
            foreach (var (kind, ids) in new[] { ("statement", s.StatementClusterIds), ("event", s.EventClusterIds) })
            {
                foreach (var c in ids)
                    Row("INSERT INTO story_clusters VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", s.Id, kind, c);
            }
        }
        foreach (var d in graph.Disputes)
        {
            Row(
                """
                INSERT INTO cross_disputes (claim_document_id, claim_start, claim_length, claim_text, disputed_document_id, disputed_start, disputed_length, disputed_text, reason)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """,
                d.ClaimDocumentId, d.Claim.Start, d.Claim.Length, d.ClaimText, d.DisputedDocumentId, d.DisputedBy.Start, d.DisputedBy.Length,
                d.DisputedText, d.Reason.ToString().ToLowerInvariant());
        }
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
        return true;
    });

    public IReadOnlyList<StatementClusterRecord> StatementClusters()
    {
        var members = Members("SELECT cluster_id, statement_id FROM statement_cluster_members ORDER BY statement_id");
        return Rows("SELECT id, speaker, date_from, date_to, label, documents FROM statement_clusters ORDER BY coalesce(date_from, '9999') COLLATE \"C\", id COLLATE \"C\"",
            r => new StatementClusterRecord(r.GetString(0), Text(r, 1), ParseDay(Text(r, 2)), ParseDay(Text(r, 3)), r.GetString(4), r.GetInt32(5),
                members.GetValueOrDefault(r.GetString(0)) ?? []));
    }

    public IReadOnlyList<EventClusterRecord> EventClusters()
    {
        var members = Members("SELECT cluster_id, event_id FROM event_cluster_members ORDER BY event_id");
        return Rows("SELECT id, type, date_from, date_to, label, documents FROM event_clusters ORDER BY coalesce(date_from, '9999') COLLATE \"C\", id COLLATE \"C\"",
            r => new EventClusterRecord(r.GetString(0), r.GetString(1), ParseDay(Text(r, 2)), ParseDay(Text(r, 3)), r.GetString(4), r.GetInt32(5),
                members.GetValueOrDefault(r.GetString(0)) ?? []));
    }

    public IReadOnlyList<StoryRecord> Stories()
    {
        var links = Rows("SELECT story_id, kind, cluster_id FROM story_clusters ORDER BY story_id COLLATE \"C\", kind, cluster_id COLLATE \"C\"",
                r => (Story: r.GetString(0), Kind: r.GetString(1), Cluster: r.GetString(2)))
            .ToLookup(l => l.Story, StringComparer.Ordinal);
        return Rows("SELECT id, title, date_from, date_to FROM stories ORDER BY coalesce(date_to, '0000') COLLATE \"C\" DESC, id COLLATE \"C\"",
            r =>
            {
                var l = links[r.GetString(0)];
                return new StoryRecord(r.GetString(0), r.GetString(1), ParseDay(Text(r, 2)), ParseDay(Text(r, 3)),
                    [.. l.Where(x => x.Kind == "statement").Select(x => x.Cluster)], [.. l.Where(x => x.Kind == "event").Select(x => x.Cluster)]);
            });
    }

    public IReadOnlyList<CrossDisputeRecord> CrossDisputes() =>
        Rows(
            """
            SELECT id, claim_document_id, claim_start, claim_length, claim_text, disputed_document_id, disputed_start, disputed_length, disputed_text, reason
            FROM cross_disputes ORDER BY id
            """,
            r => new CrossDisputeRecord(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4),
                r.GetString(5), r.GetInt32(6), r.GetInt32(7), r.GetString(8), r.GetString(9)));

    private Dictionary<string, List<long>> Members(string sql) =>
        Rows(sql, r => (Cluster: r.GetString(0), Member: r.GetInt64(1)))
            .GroupBy(m => m.Cluster, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Member).ToList(), StringComparer.Ordinal);

    /// <summary>The stories tables keep days as text (one schema text for both stores), <c>yyyy-MM-dd</c>.</summary>
    private static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
