using Npgsql;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>One claimed piece of work: a source (file path or URL) and the lease that makes it this worker's.</summary>
public sealed record WorkItem(long Id, string Source, int Attempts, string Lease);

public sealed record QueueCounts(long Pending, long Leased, long Done, long Failed);

/// <summary>
/// A durable work queue in the PostgreSQL store. Workers claim items with <c>FOR UPDATE SKIP LOCKED</c> (so they
/// never wait on each other), hold them under a lease, and complete them in the same transaction that stores the
/// documents: an item is either done with all its documents stored, or still pending. A worker that dies leaves its
/// lease to run out; the item is then claimed again by another. Document identity is the content hash, so even an
/// item processed twice (a lease that ran out while its worker was only slow) stores each document once.
/// </summary>
public sealed class PostgresWorkQueue
{
    /// <summary>An item claimed this many times without completing is given up on (a poison input, not a dead worker).</summary>
    public const int MaxAttempts = 5;

    private readonly PostgresStore _store;

    public PostgresWorkQueue(PostgresStore store, TimeSpan lease, string? worker = null)
    {
        if (lease <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(lease), "a lease must be longer than zero");
        _store = store;
        LeaseTime = lease;
        Worker = worker ?? $"{Environment.MachineName}:{Environment.ProcessId}";
    }

    public TimeSpan LeaseTime { get; }

    public string Worker { get; }

    /// <summary>Adds sources not yet in the queue (a source is queued once, ever); returns how many were new.</summary>
    public int Enqueue(IEnumerable<string> sources)
    {
        using var conn = _store.OpenConnection();
        using var tx = conn.BeginTransaction();
        int added = 0;
        using var cmd = new NpgsqlCommand("INSERT INTO work_items (source) VALUES ($1) ON CONFLICT (source) DO NOTHING", conn, tx);
        var p = new NpgsqlParameter<string>();
        cmd.Parameters.Add(p);
        foreach (var s in sources)
        {
            p.TypedValue = s;
            added += cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return added;
    }

    /// <summary>Claims the oldest claimable item (pending, and not under a live lease), or null when there is none.</summary>
    public WorkItem? Claim()
    {
        var lease = $"{Worker}:{Guid.NewGuid():n}";
        using var conn = _store.OpenConnection();
        // Items that keep killing their workers are given up on here, under the same row locks, so no claim races it.
        using (var giveUp = new NpgsqlCommand(
            $"""
            UPDATE work_items SET state = 'failed', finished_at = now(), lease_owner = NULL,
                note = 'abandoned after {MaxAttempts} attempts whose workers never finished'
            WHERE id IN (SELECT id FROM work_items WHERE state = 'pending' AND attempts >= {MaxAttempts} AND lease_until < now() FOR UPDATE SKIP LOCKED)
            """, conn))
            giveUp.ExecuteNonQuery();
        using var cmd = new NpgsqlCommand(
            """
            UPDATE work_items SET attempts = attempts + 1, lease_owner = $1, lease_until = now() + $2
            WHERE id = (
                SELECT id FROM work_items
                WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < now())
                ORDER BY id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING id, source, attempts
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lease });
        cmd.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = LeaseTime });
        using var r = cmd.ExecuteReader();
        return r.Read() ? new WorkItem(r.GetInt64(0), r.GetString(1), r.GetInt32(2), lease) : null;
    }

    /// <summary>
    /// Stores the item's documents and marks it done, in one transaction. Returns false (and stores nothing) when the
    /// lease was lost: the item ran past its lease and another worker claimed it, whose result stands. A transaction
    /// PostgreSQL rolls back to break a deadlock with another worker is run again.
    /// </summary>
    public bool Complete(WorkItem item, IEnumerable<Document> documents, string? note = null, Action<Document, SaveOutcome>? saved = null)
    {
        var list = documents.ToList();
        var outcomes = _store.InTransaction((conn, tx) =>
        {
            // Lock the item first: while we hold it, no other worker can take it over, so the documents and the 'done' land together.
            using (var own = new NpgsqlCommand("SELECT 1 FROM work_items WHERE id = $1 AND lease_owner = $2 AND state = 'pending' FOR UPDATE", conn, tx))
            {
                own.Parameters.Add(new NpgsqlParameter<long> { TypedValue = item.Id });
                own.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Lease });
                if (own.ExecuteScalar() is null)
                    return null;
            }
            var stored = PostgresStore.SaveAll(list, conn, tx);
            Finish(conn, tx, item, "done", note);
            return stored;
        });
        if (outcomes is null)
            return false;
        for (int i = 0; i < list.Count; i++)
            saved?.Invoke(list[i], outcomes[i]);
        return true;
    }

    /// <summary>Gives up on an item for a reason that another attempt would not change (unreadable, not a document).</summary>
    public bool Fail(WorkItem item, string reason)
    {
        using var conn = _store.OpenConnection();
        using var tx = conn.BeginTransaction();
        bool owned = Finish(conn, tx, item, "failed", reason);
        tx.Commit();
        return owned;
    }

    private static bool Finish(NpgsqlConnection conn, NpgsqlTransaction tx, WorkItem item, string state, string? note)
    {
        using var cmd = new NpgsqlCommand(
            "UPDATE work_items SET state = $3, note = $4, finished_at = now(), lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2 AND state = 'pending'",
            conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = item.Id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = item.Lease });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = state });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)note ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return cmd.ExecuteNonQuery() == 1;
    }

    public QueueCounts Counts()
    {
        using var conn = _store.OpenConnection();
        using var cmd = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE state = 'pending' AND (lease_until IS NULL OR lease_until < now())),
                   count(*) FILTER (WHERE state = 'pending' AND lease_until >= now()),
                   count(*) FILTER (WHERE state = 'done'),
                   count(*) FILTER (WHERE state = 'failed')
            FROM work_items
            """, conn);
        using var r = cmd.ExecuteReader();
        r.Read();
        return new QueueCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3));
    }

    /// <summary>Items that ended in failure, with the reason, for the worker's report.</summary>
    public IReadOnlyList<(string Source, string Note)> Failures(int limit = 100)
    {
        using var conn = _store.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT source, coalesce(note, '') FROM work_items WHERE state = 'failed' ORDER BY id LIMIT $1", conn);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
            list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }
}
