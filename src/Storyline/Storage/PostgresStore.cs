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
public sealed partial class PostgresStore : ICorpusStore
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

    public SaveOutcome Save(Document document) => InTransaction((conn, tx) => SaveAll([document], conn, tx)[0]);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own and commits it, trying again when PostgreSQL chose it
    /// as the victim of a deadlock: the transaction was rolled back whole, so trying again is safe.
    /// </summary>
    internal T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                using var conn = _source.OpenConnection();
                using var tx = conn.BeginTransaction();
                var result = work(conn, tx);
                tx.Commit();
                return result;
            }
            catch (PostgresException e) when (attempt < 5 && e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
            }
        }
    }

    /// <summary>
    /// Writes documents inside the caller's transaction (the work queue commits them together with their item).
    /// First it locks the MinHash band keys of every text, in one sorted order: two copies of one wire story share a
    /// band key, so when two writers store them at once the second waits for the first to commit and then finds it
    /// as a near-duplicate, instead of both storing a copy. Texts with no key in common never wait for each other.
    /// </summary>
    internal static IReadOnlyList<SaveOutcome> SaveAll(IReadOnlyList<Document> documents, NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var signatures = documents.Select(d => MinHash.Of(d.BodyText)).ToList();
        LockBands(conn, tx, signatures.OfType<uint[]>().SelectMany(LockKeys).Distinct().Order());
        return [.. documents.Select((d, i) => Save(d, signatures[i], conn, tx))];
    }

    /// <summary>The advisory-lock keys of a signature: one per band, the band mixed in so equal keys of two bands differ.</summary>
    private static IEnumerable<long> LockKeys(uint[] signature) =>
        MinHash.BandKeys(signature).Select((key, band) => unchecked((key * MinHash.Bands) + band));

    private static void LockBands(NpgsqlConnection conn, NpgsqlTransaction tx, IEnumerable<long> keys)
    {
        // One statement per key, run in order in one round trip: the order is what keeps two writers from deadlocking.
        using var batch = new NpgsqlBatch(conn, tx);
        foreach (var key in keys)
        {
            var cmd = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)");
            cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            batch.BatchCommands.Add(cmd);
        }
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
    }

    private static SaveOutcome Save(Document d, uint[]? signature, NpgsqlConnection conn, NpgsqlTransaction tx)
    {
        var m = d.Metadata;
        var body = d.BodyText;
        // Seen before, as a document or as a variant of one: only the publication (a new URL) may be new.
        if (Scalar(conn, tx, "SELECT id FROM documents WHERE id = $1 UNION ALL SELECT document_id FROM publications WHERE variant_id = $1 LIMIT 1", d.Id) is string known)
        {
            AddPublication(conn, tx, known, d);
            return SaveOutcome.AlreadyStored;
        }
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
                m.Published, m.PublishedInferred, m.PublishedNote, m.Language, d.Text, body, DocumentSearch(d),
                signature is null ? null : MinHash.ToBytes(signature));
            if (insert.ExecuteNonQuery() == 0)
            {
                // Another writer stored the same text a moment ago and has committed.
                AddPublication(conn, tx, d.Id, d);
                return SaveOutcome.AlreadyStored;
            }
        }
        AddPublication(conn, tx, d.Id, d);
        var bands = signature is null ? [] : MinHash.BandKeys(signature).Select((k, b) => new object?[] { b, k, d.Id });
        WriteAnnotations(conn, tx, d, ("INSERT INTO minhash_bands VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", bands));
        return SaveOutcome.Added;
    }

    /// <summary>What the document search column indexes: the title and the body, folded as <see cref="SearchText"/> does.</summary>
    private static string DocumentSearch(Document d) => SearchText.Fold(d.Metadata.Title + "\n" + d.BodyText);

    /// <summary>Every annotation row of a document, and any <paramref name="extra"/> rows, in one round trip.</summary>
    private static void WriteAnnotations(NpgsqlConnection conn, NpgsqlTransaction tx, Document d, params (string Sql, IEnumerable<object?[]> Rows)[] extra)
    {
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
        foreach (var (sql, rows) in extra)
            Rows(sql, rows);
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
    }

    private static readonly string[] AnnotationTables = ["lines", "mentions", "statements", "time_expressions", "events", "claims", "disputes"];

    public bool Update(Document document) => InTransaction((conn, tx) =>
    {
        var m = document.Metadata;
        using (var update = new NpgsqlCommand(
            """
            UPDATE documents SET source_uri = $2, title = $3, outlet = $4, authors = $5, published = $6, published_inferred = $7,
                published_note = $8, language = $9, body = $10, search = to_tsvector('simple', $11)
            WHERE id = $1
            """, conn, tx))
        {
            Add(update, document.Id, m.SourceUri, m.Title, m.Outlet, JsonSerializer.Serialize(m.Authors, StoreJson.Default.IReadOnlyListString),
                m.Published, m.PublishedInferred, m.PublishedNote, m.Language, document.BodyText, DocumentSearch(document));
            if (update.ExecuteNonQuery() == 0)
                return false;
        }
        foreach (var table in AnnotationTables)
        {
            using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE document_id = $1", conn, tx);
            Add(delete, document.Id);
            delete.ExecuteNonQuery();
        }
        WriteAnnotations(conn, tx, document);
        return true;
    });

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

    public IReadOnlyList<PublicationRecord> Publications(string documentId) =>
        Rows("SELECT document_id, source_uri, variant_id, outlet, title, published FROM publications WHERE document_id = $1 ORDER BY seen",
            r => new PublicationRecord(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Date(r, 5)), documentId);

    public bool Contains(string documentId) =>
        Scalar("SELECT 1 FROM documents WHERE id = $1 UNION ALL SELECT 1 FROM publications WHERE variant_id = $1 LIMIT 1", documentId) is not null;

    public long CountDocuments() => (long)Scalar("SELECT count(*) FROM documents")!;

    public long CountStatements() => (long)Scalar("SELECT count(*) FROM statements")!;

    public DocumentRecord? GetDocument(string id) => ReadDocuments("WHERE id = $1", id).FirstOrDefault();

    public IEnumerable<DocumentRecord> Documents(int offset = 0, int limit = int.MaxValue) =>
        ReadDocuments("ORDER BY published NULLS FIRST, id COLLATE \"C\" LIMIT $1 OFFSET $2", (long)limit, (long)offset);

    private List<DocumentRecord> ReadDocuments(string tail, params object?[] args) =>
        Rows($"SELECT id, source_uri, title, outlet, authors, published, published_inferred, published_note, language, text, body FROM documents {tail}",
            r => new DocumentRecord(
                r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), Strings(r.GetString(4)),
                Date(r, 5), r.GetBoolean(6), Text(r, 7), Text(r, 8), r.GetString(9), r.GetString(10)),
            args);

    public IEnumerable<StatementRecord> QueryStatements(StatementQuery q)
    {
        var filter = StatementFilter(q);
        var sql = $"""
            SELECT s.id, s.document_id, d.source_uri, d.outlet, d.published, s.speaker, s.kind, s.text, s.cue, s.addressee, s.said_on, s.start, s.length,
                   s.said_on_is_publication, d.title, s.confidence
            FROM statements s JOIN documents d ON d.id = s.document_id
            {filter.Where}
            ORDER BY coalesce(s.said_on, d.published) NULLS FIRST, s.document_id COLLATE "C", s.start, s.id
            LIMIT {filter.Arg((long)q.Limit)} OFFSET {filter.Arg((long)q.Offset)}
            """;
        return Rows(sql, r => new StatementRecord(
            r.GetInt64(0), r.GetString(1), Text(r, 2), Text(r, 3), Date(r, 4), Text(r, 5), r.GetString(6), r.GetString(7),
            Text(r, 8), Text(r, 9), Date(r, 10), r.GetInt32(11), r.GetInt32(12), r.GetBoolean(13), Text(r, 14),
            r.IsDBNull(15) ? null : r.GetDouble(15)), [.. filter.Args]);
    }

    public long CountStatements(StatementQuery q)
    {
        var filter = StatementFilter(q);
        return (long)Scalar($"SELECT count(*) FROM statements s JOIN documents d ON d.id = s.document_id {filter.Where}", [.. filter.Args])!;
    }

    /// <summary>
    /// The WHERE clause of a statement query over <c>statements s JOIN documents d</c>. Each filter means what it
    /// means in SqliteStore: substring speaker match, every search word required, outlet compared without case,
    /// dates on the statement's own date or else the publication date.
    /// </summary>
    private static Filter StatementFilter(StatementQuery q)
    {
        var f = new Filter();
        if (q.Speaker is { } speaker)
            f.Add($"s.speaker ILIKE {f.Arg("%" + EscapeLike(speaker) + "%")}");
        if (q.Text is { } text)
            f.Add($"s.search @@ plainto_tsquery('simple', {f.Arg(SearchText.Fold(text))})");
        if (q.Outlet is { } outlet)
            f.Add($"lower(d.outlet) = lower({f.Arg(outlet)})");
        if (q.From is { } from)
            f.Add($"coalesce(s.said_on, d.published) >= {f.Arg(from)}");
        if (q.To is { } to)
            f.Add($"coalesce(s.said_on, d.published) <= {f.Arg(to)}");
        if (q.EntityId is { } entity)
            f.Add($"s.id IN ({CorpusSql.SpokenByIds(f.Arg(entity))})");
        if (q.DocumentId is { } document)
            f.Add($"s.document_id = {f.Arg(document)}");
        if (q.Ids is { } ids)
            f.Add($"s.id = ANY({f.Arg(ids.ToArray())})");
        return f;
    }

    /// <summary>A WHERE clause built condition by condition, with its positional parameters.</summary>
    private sealed class Filter
    {
        private readonly List<string> _conditions = [];

        public List<object?> Args { get; } = [];

        public string Where => _conditions.Count > 0 ? "WHERE " + string.Join(" AND ", _conditions) : "";

        public void Add(string condition) => _conditions.Add(condition);

        /// <summary>Adds a parameter and returns its placeholder.</summary>
        public string Arg(object? value)
        {
            Args.Add(value);
            return "$" + Args.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public void Dispose() => _source.Dispose();

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    private static IReadOnlyList<string> Strings(string json) => JsonSerializer.Deserialize(json, StoreJson.Default.IReadOnlyListString) ?? [];

    private object? Scalar(string sql, params object?[] args)
    {
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, conn);
        Add(cmd, args);
        return cmd.ExecuteScalar();
    }

    /// <summary>Runs a query on a connection of its own and maps every row.</summary>
    private List<T> Rows<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args)
    {
        using var conn = _source.OpenConnection();
        using var cmd = new NpgsqlCommand(sql, conn);
        Add(cmd, args);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
            list.Add(read(r));
        return list;
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
