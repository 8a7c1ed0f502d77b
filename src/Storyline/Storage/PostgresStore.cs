using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>
/// The server store: the same tables, identities and query results as <see cref="SqliteStore"/>, on PostgreSQL,
/// so any number of processes on any number of machines can write to it at once. Each document is written in one
/// transaction (one round trip for all its annotations); saving a document another writer already stored is a no-op.
/// </summary>
public sealed class PostgresStore : IStore
{
    /// <summary>Key of the advisory lock that serialises migrations when several workers start at once.</summary>
    private const long MigrationLock = 0x5354_4F52_594C_494E; // "STORYLIN"

    private readonly NpgsqlDataSource _source;

    /// <param name="db">A <c>postgres://user:password@host:port/database</c> URL or an Npgsql connection string.</param>
    public PostgresStore(string db)
    {
        ConnectionString = PostgresConnection.ToConnectionString(db);
        _source = NpgsqlDataSource.Create(ConnectionString);
        try
        {
            Migrate();
        }
        catch
        {
            _source.Dispose();
            throw;
        }
    }

    public string ConnectionString { get; }

    public int SchemaVersion
    {
        get
        {
            using var conn = _source.OpenConnection();
            return ReadVersion(conn, null);
        }
    }

    internal NpgsqlConnection OpenConnection() => _source.OpenConnection();

    private static int ReadVersion(NpgsqlConnection conn, NpgsqlTransaction? tx)
    {
        using var cmd = new NpgsqlCommand("SELECT version FROM storyline_schema", conn, tx);
        return cmd.ExecuteScalar() is int v ? v : 0;
    }

    private void Migrate()
    {
        using var conn = _source.OpenConnection();
        using var tx = conn.BeginTransaction();
        Execute(conn, tx, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(conn, tx, "CREATE TABLE IF NOT EXISTS storyline_schema (version INTEGER NOT NULL)");
        int version = ReadVersion(conn, tx);
        if (version > PostgresMigrations.Steps.Length)
            throw new StoreException($"the database has schema version {version}, newer than this Storyline knows ({PostgresMigrations.Steps.Length}); upgrade Storyline.");
        if (version == 0)
            Execute(conn, tx, "INSERT INTO storyline_schema VALUES (0)");
        for (int step = version; step < PostgresMigrations.Steps.Length; step++)
        {
            Execute(conn, tx, PostgresMigrations.Steps[step]);
            Execute(conn, tx, $"UPDATE storyline_schema SET version = {step + 1}");
        }
        tx.Commit();
    }

    public SaveOutcome Save(Document document)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var conn = _source.OpenConnection();
                using var tx = conn.BeginTransaction();
                var outcome = Save(document, conn, tx);
                tx.Commit();
                return outcome;
            }
            catch (PostgresException e) when (attempt < 3 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Another writer held what we needed; the transaction was rolled back whole, so trying again is safe.
            }
        }
    }

    /// <summary>Writes one document inside the caller's transaction (the work queue commits it together with the item).</summary>
    internal static SaveOutcome Save(Document d, NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var m = d.Metadata;
        var body = d.BodyText;
        // Seen before, as a document or as a variant of one: only the publication (a new URL) may be new.
        if (Scalar(conn, tx, "SELECT id FROM documents WHERE id = $1 UNION ALL SELECT document_id FROM publications WHERE variant_id = $1 LIMIT 1", d.Id) is string known)
        {
            AddPublication(conn, tx, known, d);
            return SaveOutcome.AlreadyStored;
        }
        var signature = MinHash.Of(body);
        if (signature is not null && NearDuplicateOf(conn, tx, signature) is { } original)
        {
            AddPublication(conn, tx, original, d);
            return SaveOutcome.NearDuplicate;
        }
        using (var insert = new NpgsqlCommand(
            """
            INSERT INTO documents (id, source_uri, title, outlet, authors, published, published_inferred, published_note, language, text, body, ingested_at, search, minhash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), to_tsvector('simple', $12), $13)
            ON CONFLICT (id) DO NOTHING
            """, conn, tx))
        {
            Add(insert, d.Id, m.SourceUri, m.Title, m.Outlet, JsonSerializer.Serialize(m.Authors, StoreJson.Default.IReadOnlyListString),
                m.Published, m.PublishedInferred, m.PublishedNote, m.Language, d.Text, body, SearchText.Fold(m.Title + "\n" + body),
                signature is null ? null : MinHash.ToBytes(signature));
            if (insert.ExecuteNonQuery() == 0)
            {
                // Another writer stored the same text a moment ago and has committed.
                AddPublication(conn, tx, d.Id, d);
                return SaveOutcome.AlreadyStored;
            }
        }
        AddPublication(conn, tx, d.Id, d);

        using var batch = new NpgsqlBatch(conn, tx);
        void Rows(string sql, IEnumerable<object?[]> rows)
        {
            foreach (var row in rows)
            {
                var cmd = new NpgsqlBatchCommand(sql);
                foreach (var value in row)
                    cmd.Parameters.Add(Parameter(value));
                batch.BatchCommands.Add(cmd);
            }
        }
        if (signature is not null)
            Rows("INSERT INTO minhash_bands VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", MinHash.BandKeys(signature).Select((k, b) => new object?[] { b, k, d.Id }));
        Rows("INSERT INTO lines VALUES ($1, $2, $3, $4)", DocumentRows.Lines(d));
        foreach (var e in DocumentRows.Entities(d))
        {
            Rows("INSERT INTO entities (id, name, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [[e.Id, e.Name, e.Type]]);
            Rows("INSERT INTO entity_aliases VALUES ($1, $2) ON CONFLICT DO NOTHING", DocumentRows.Aliases(e).Select(a => new object?[] { e.Id, a }));
        }
        Rows("INSERT INTO mentions VALUES ($1, $2, $3, $4, $5)", DocumentRows.Mentions(d));
        Rows(
            """
            INSERT INTO statements (document_id, start, length, kind, speaker, speaker_start, speaker_length, cue, cue_start, cue_length, addressee, said_on, said_on_is_publication, confidence, text, search)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, to_tsvector('simple', $16))
            """,
            DocumentRows.Statements(d).Select(r => r.Append(SearchText.Fold((string)r[^1]!)).ToArray()));
        Rows("INSERT INTO time_expressions VALUES ($1, $2, $3, $4, $5)", DocumentRows.TimeExpressions(d));
        Rows("INSERT INTO events (document_id, start, length, type, participants, date, place, negated, hypothetical) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", DocumentRows.Events(d));
        Rows("INSERT INTO claims VALUES ($1, $2, $3, $4, $5, $6, $7)", DocumentRows.Claims(d));
        Rows("INSERT INTO disputes VALUES ($1, $2, $3, $4, $5)", DocumentRows.Disputes(d));
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
        return SaveOutcome.Added;
    }

    /// <summary>The stored document most like this signature, when at least <see cref="MinHash.Threshold"/> alike.</summary>
    private static string? NearDuplicateOf(NpgsqlConnection conn, NpgsqlTransaction tx, uint[] signature)
    {
        using var cmd = new NpgsqlCommand($"SELECT DISTINCT d.id, d.minhash FROM minhash_bands b JOIN documents d ON d.id = b.document_id WHERE {NearDuplicates.BandCondition(b => $"${b + 1}")}", conn, tx);
        Add(cmd, [.. MinHash.BandKeys(signature).Cast<object?>()]);
        using var r = cmd.ExecuteReader();
        var candidates = new List<(string, byte[])>();
        while (r.Read())
            candidates.Add((r.GetString(0), r.GetFieldValue<byte[]>(1)));
        return NearDuplicates.Nearest(signature, candidates);
    }

    private static void AddPublication(NpgsqlConnection conn, NpgsqlTransaction tx, string documentId, Document d)
    {
        using var cmd = new NpgsqlCommand(
            "INSERT INTO publications (document_id, source_uri, variant_id, outlet, title, published) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING", conn, tx);
        Add(cmd, documentId, d.Metadata.SourceUri ?? d.Id, d.Id, d.Metadata.Outlet, d.Metadata.Title, d.Metadata.Published);
        cmd.ExecuteNonQuery();
    }

    public long CountPublications() => (long)Scalar("SELECT count(*) FROM publications")!;

    public IReadOnlyList<PublicationRecord> Publications(string documentId)
    {
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT document_id, source_uri, variant_id, outlet, title, published FROM publications WHERE document_id = $1 ORDER BY seen", conn);
        Add(cmd, documentId);
        using var r = cmd.ExecuteReader();
        var list = new List<PublicationRecord>();
        while (r.Read())
            list.Add(new PublicationRecord(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Date(r, 5)));
        return list;
    }

    public bool Contains(string documentId) =>
        Scalar("SELECT 1 FROM documents WHERE id = $1 UNION ALL SELECT 1 FROM publications WHERE variant_id = $1 LIMIT 1", documentId) is not null;

    public long CountDocuments() => (long)Scalar("SELECT count(*) FROM documents")!;

    public long CountStatements() => (long)Scalar("SELECT count(*) FROM statements")!;

    public DocumentRecord? GetDocument(string id) => ReadDocuments("WHERE id = $1", id).FirstOrDefault();

    public IEnumerable<DocumentRecord> Documents(int offset = 0, int limit = int.MaxValue) =>
        ReadDocuments("ORDER BY published NULLS FIRST, id COLLATE \"C\" LIMIT $1 OFFSET $2", (long)limit, (long)offset);

    private List<DocumentRecord> ReadDocuments(string tail, params object?[] args)
    {
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT id, source_uri, title, outlet, authors, published, published_inferred, published_note, language, text, body FROM documents {tail}", conn);
        Add(cmd, args);
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentRecord>();
        while (r.Read())
        {
            list.Add(new DocumentRecord(
                r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3),
                JsonSerializer.Deserialize(r.GetString(4), StoreJson.Default.IReadOnlyListString) ?? [],
                Date(r, 5), r.GetBoolean(6), Text(r, 7), Text(r, 8), r.GetString(9), r.GetString(10)));
        }
        return list;
    }

    public IEnumerable<StatementRecord> QueryStatements(StatementQuery q)
    {
        var where = new List<string>();
        var args = new List<object?>();
        string Arg(object? value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        // Each filter means what it means in SqliteStore: substring speaker match, every search word required,
        // outlet compared without case, dates on the statement's own date or else the publication date.
        if (q.Speaker is { } speaker)
            where.Add($"s.speaker ILIKE {Arg("%" + EscapeLike(speaker) + "%")}");
        if (q.Text is { } text)
            where.Add($"s.search @@ plainto_tsquery('simple', {Arg(SearchText.Fold(text))})");
        if (q.Outlet is { } outlet)
            where.Add($"lower(d.outlet) = lower({Arg(outlet)})");
        if (q.From is { } from)
            where.Add($"coalesce(s.said_on, d.published) >= {Arg(from)}");
        if (q.To is { } to)
            where.Add($"coalesce(s.said_on, d.published) <= {Arg(to)}");
        var sql = $"""
            SELECT s.id, s.document_id, d.source_uri, d.outlet, d.published, s.speaker, s.kind, s.text, s.cue, s.addressee, s.said_on, s.start, s.length,
                   s.said_on_is_publication, d.title, s.confidence
            FROM statements s JOIN documents d ON d.id = s.document_id
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY coalesce(s.said_on, d.published) NULLS FIRST, s.document_id COLLATE "C", s.start
            LIMIT {Arg((long)q.Limit)} OFFSET {Arg((long)q.Offset)}
            """;
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, conn);
        Add(cmd, [.. args]);
        using var r = cmd.ExecuteReader();
        var list = new List<StatementRecord>();
        while (r.Read())
        {
            list.Add(new StatementRecord(
                r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3), Date(r, 4), Text(r, 5), r.GetString(6), r.GetString(7),
                Text(r, 8), Text(r, 9), Date(r, 10), r.GetInt32(11), r.GetInt32(12), r.GetBoolean(13), Text(r, 14),
                r.IsDBNull(15) ? null : r.GetDouble(15)));
        }
        return list;
    }

    public void Dispose() => _source.Dispose();

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private object? Scalar(string sql, params object?[] args)
    {
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, conn);
        Add(cmd, args);
        return cmd.ExecuteScalar();
    }

    private static object? Scalar(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, params object?[] args)
    {
        using var cmd = new NpgsqlCommand(sql, conn, tx);
        Add(cmd, args);
        return cmd.ExecuteScalar();
    }

    private static void Execute(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.ExecuteNonQuery();
    }

    private static void Add(NpgsqlCommand cmd, params object?[] values)
    {
        foreach (var v in values)
            cmd.Parameters.Add(Parameter(v));
    }

    /// <summary>A positional parameter; nulls are typed as text so PostgreSQL can infer the column's type.</summary>
    private static NpgsqlParameter Parameter(object? value) =>
        value is null ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown } : new NpgsqlParameter { Value = value };
}

/// <summary>Turns what users type after <c>--db</c> into an Npgsql connection string.</summary>
public static class PostgresConnection
{
    public static bool IsPostgres(string db) =>
        db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || (db.Contains('=', StringComparison.Ordinal) && db.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <c>postgres://user:password@host:port/database?option=value</c> (the libpq URL form) or a connection string as is.
    /// A host that starts with <c>/</c> (percent-encoded in the URL) is a unix-socket folder.
    /// </summary>
    public static string ToConnectionString(string db)
    {
        if (!db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return db;
        if (!Uri.TryCreate(db, UriKind.Absolute, out var uri))
            throw new StoreException($"not a PostgreSQL URL: {db} (expected postgres://user@host:port/database)");
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = Uri.UnescapeDataString(uri.Host.Length > 0 ? uri.Host : "localhost"),
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } name ? name : null,
        };
        if (uri.Port > 0)
            b.Port = uri.Port;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            // libpq's spelling of the two options people put in URLs; everything else is passed through as Npgsql knows it.
            if (key.Equals("host", StringComparison.OrdinalIgnoreCase))
                b.Host = value;
            else if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
                b["SSL Mode"] = value;
            else
                b[key] = value;
        }
        return b.ConnectionString;
    }
}
