using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Documents;

namespace Storyline.Storage;

/// <summary>
/// The embedded store: one SQLite file, WAL journal, FTS5 over document bodies and statement texts.
/// Each document is written in one transaction (or one savepoint of a batch), so a run killed at any point leaves
/// no half-written document. The write path reuses its prepared statements; <see cref="Contains"/> reads on a
/// connection of its own, so the pipeline's threads do not queue behind the writer.
/// </summary>
public sealed partial class SqliteStore : ICorpusStore
{
    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    /// <summary>Queries of the write path, prepared once per connection (SQLite keeps them compiled).</summary>
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The write path's inserts and savepoints, compiled once per connection and run on its handle (see <see cref="SqliteStatement"/>).</summary>
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);

    /// <summary>A second connection for <see cref="Contains"/>: under WAL it reads the last commit while the writer writes.</summary>
    private readonly SqliteConnection _reader;
    private readonly Lock _readGate = new();
    private SqliteCommand? _contains;

    public SqliteStore(string path)
    {
        Path = path;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        // WAL with synchronous = NORMAL: a commit is an append to the log, synced at checkpoints; a crash may lose the
        // last commits but never leaves a torn one. A larger page cache keeps the FTS and index pages of a long run hot.
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;");
        Migrate();
        _reader = new SqliteConnection(builder.ToString());
        _reader.Open();
        using var pragma = _reader.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
    }

    public string Path { get; }

    public int SchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        int version = SchemaVersion;
        if (version > SqliteMigrations.Steps.Length)
            throw new StoreException($"{Path} has schema version {version}, newer than this Storyline knows ({SqliteMigrations.Steps.Length}); upgrade Storyline.");
        for (int step = version; step < SqliteMigrations.Steps.Length; step++)
        {
            using var tx = _connection.BeginTransaction();
            Execute(SqliteMigrations.Steps[step], tx);
            Execute($"PRAGMA user_version = {step + 1}", tx);
            tx.Commit();
        }
    }

    public SaveOutcome Save(Document document)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var outcome = Write(document, tx);
            tx.Commit();
            return outcome;
        }
    }

    /// <summary>
    /// One transaction for the batch, one savepoint per document: a document that fails is rolled back alone and
    /// reported, the others are committed together. A commit per batch instead of per document is what makes
    /// thousands of small documents a second affordable.
    /// </summary>
    public IReadOnlyList<SaveResult> SaveMany(IReadOnlyList<Document> documents)
    {
        var results = new SaveResult[documents.Count];
        if (documents.Count == 0)
            return results;
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            // The savepoint statements are compiled once, like the inserts: SqliteTransaction.Save and Release compile
            // their SQL anew on every call, which was a sixth of what a batch cost.
            var savepoint = Statement("SAVEPOINT document");
            var release = Statement("RELEASE document");
            for (int i = 0; i < documents.Count; i++)
            {
                savepoint.Execute();
                try
                {
                    results[i] = new SaveResult(Write(documents[i], tx), null);
                    release.Execute();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Statement("ROLLBACK TO document").Execute();
                    release.Execute();
                    results[i] = new SaveResult(null, e);
                }
            }
            tx.Commit();
        }
        return results;
    }

    /// <summary>Writes one document inside <paramref name="tx"/>: the body of <see cref="Save"/> and of each step of <see cref="SaveMany"/>.</summary>
    private SaveOutcome Write(Document document, SqliteTransaction tx)
    {
        // Seen before, as a document or as a variant of one: only the publication (a new URL) may be new.
        if (Bind(Prepared("SELECT id FROM documents WHERE id = $id UNION ALL SELECT document_id FROM publications WHERE variant_id = $id LIMIT 1", tx),
                ("$id", document.Id)).ExecuteScalar() is string known)
        {
            AddPublication(known, document);
            return SaveOutcome.AlreadyStored;
        }
        // BodyText joins the body lines anew on every call: once here for the signature, the row and the index.
        var body = document.BodyText;
        var signature = MinHash.Of(body);
        if (signature is not null && NearDuplicateOf(signature, tx) is { } original)
        {
            AddPublication(original, document);
            return SaveOutcome.NearDuplicate;
        }
        var insert = Statement(
            """
            INSERT INTO documents (id, source_uri, title, outlet, authors, published, published_inferred, published_note, language, body, text, ingested_at, minhash)
            VALUES ($id, $uri, $title, $outlet, $authors, $published, $inferred, $note, $language, $body, $text, $now, $minhash)
            """);
        insert.BindAll(DocumentValues(document, body));
        insert.Bind(DocumentColumnNames.Length, document.Text);
        insert.Bind(DocumentColumnNames.Length + 1, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        insert.Bind(DocumentColumnNames.Length + 2, signature is null ? null : MinHash.ToBytes(signature));
        insert.Execute();
        if (signature is not null)
        {
            var keys = MinHash.BandKeys(signature);
            var bands = Rows();
            for (int b = 0; b < keys.Length; b++)
                AddRow(bands, b, keys[b], document.Id);
            InsertRows("INSERT OR IGNORE INTO minhash_bands", 3, bands);
        }
        AddPublication(document.Id, document);
        IndexText(document, body);
        WriteAnnotations(document);
        return SaveOutcome.Added;
    }

    private void IndexText(Document document, string body) =>
        Statement("INSERT INTO documents_fts (document_id, title, body) VALUES ($id, $title, $body)").Run(document.Id, document.Metadata.Title, body);

    public bool Update(Document document)
    {
        lock (_gate)
        {
            using var tx = _connection.BeginTransaction();
            var body = document.BodyText;
            var updated = Execute(
                """
                UPDATE documents SET source_uri = $uri, title = $title, outlet = $outlet, authors = $authors, published = $published,
                    published_inferred = $inferred, published_note = $note, language = $language, body = $body
                WHERE id = $id
                """,
                tx, DocumentColumns(document, body));
            if (updated == 0)
                return false;
            var id = ("$id", (object?)document.Id);
            // statements_fts is an external-content index: its rows are removed by the 'delete' command, with the old text.
            Execute("INSERT INTO statements_fts (statements_fts, rowid, text) SELECT 'delete', id, text FROM statements WHERE document_id = $id", tx, id);
            Execute("DELETE FROM documents_fts WHERE document_id = $id", tx, id);
            foreach (var table in AnnotationTables)
                Execute($"DELETE FROM {table} WHERE document_id = $id", tx, id);
            IndexText(document, body);
            WriteAnnotations(document);
            tx.Commit();
            return true;
        }
    }

    private static readonly string[] AnnotationTables = ["lines", "mentions", "statements", "time_expressions", "events", "claims", "disputes"];

    /// <summary>The parameters every write of a document row takes: its id and metadata, and the body the lines make.</summary>
    private static readonly string[] DocumentColumnNames = ["$id", "$uri", "$title", "$outlet", "$authors", "$published", "$inferred", "$note", "$language", "$body"];

    /// <summary>The values of <see cref="DocumentColumnNames"/>, in that order.</summary>
    private static object?[] DocumentValues(Document d, string body) =>
    [
        d.Id, d.Metadata.SourceUri, d.Metadata.Title, d.Metadata.Outlet,
        JsonSerializer.Serialize(d.Metadata.Authors, StoreJson.Default.IReadOnlyListString),
        Format(d.Metadata.Published), d.Metadata.PublishedInferred ? 1 : 0,
        d.Metadata.PublishedNote, d.Metadata.Language, body,
    ];

    private static (string, object?)[] DocumentColumns(Document d, string body) => [.. DocumentColumnNames.Zip(DocumentValues(d, body))];

    private static readonly string NearDuplicateSql =
        $"SELECT DISTINCT d.id, d.minhash FROM minhash_bands b JOIN documents d ON d.id = b.document_id WHERE {NearDuplicates.BandCondition(b => $"$k{b}")}";

    /// <summary>The stored document most like this signature, when at least <see cref="MinHash.Threshold"/> alike.</summary>
    private string? NearDuplicateOf(uint[] signature, SqliteTransaction tx)
    {
        var keys = MinHash.BandKeys(signature);
        var cmd = Prepared(NearDuplicateSql, tx);
        for (int b = 0; b < keys.Length; b++)
            Bind(cmd, ($"$k{b}", keys[b]));
        using var r = cmd.ExecuteReader();
        var candidates = new List<(string, byte[])>();
        while (r.Read())
            candidates.Add((r.GetString(0), (byte[])r.GetValue(1)));
        return NearDuplicates.Nearest(signature, candidates);
    }

    private void AddPublication(string documentId, Document d) =>
        Statement("INSERT OR IGNORE INTO publications VALUES ($d, $uri, $variant, $outlet, $title, $published)")
            .Run(documentId, d.Metadata.SourceUri ?? d.Id, d.Id, d.Metadata.Outlet, d.Metadata.Title, Format(d.Metadata.Published));

    public long CountPublications()
    {
        lock (_gate)
            return (long)Scalar("SELECT count(*) FROM publications")!;
    }

    public IReadOnlyList<PublicationRecord> Publications(string documentId)
    {
        lock (_gate)
        {
            using var cmd = Command("SELECT document_id, source_uri, variant_id, outlet, title, published FROM publications WHERE document_id = $d ORDER BY rowid", null, ("$d", documentId));
            using var r = cmd.ExecuteReader();
            var list = new List<PublicationRecord>();
            while (r.Read())
                list.Add(new PublicationRecord(r.GetString(0), r.GetString(1), r.GetString(2), NullableString(r, 3), NullableString(r, 4), ParseDate(NullableString(r, 5))));
            return list;
        }
    }

    private void WriteAnnotations(Document d)
    {
        // Rows go in by multi-row INSERTs (see InsertRows), in the order a row at a time gave them; entities before
        // their aliases, which refer to them.
        var rows = Rows();
        foreach (var line in d.Lines)
            AddRow(rows, d.Id, line.Span.Start, line.Span.Length, LabelName(line.Label));
        InsertRows("INSERT INTO lines", 4, rows);

        rows = Rows();
        foreach (var e in d.Entities)
            AddRow(rows, e.Id, e.Name, e.Type);
        InsertRows("INSERT OR IGNORE INTO entities (id, name, type)", 3, rows);
        rows = Rows();
        foreach (var e in d.Entities)
        {
            foreach (var a in e.Aliases.Append(e.Name).Distinct(StringComparer.Ordinal))
                AddRow(rows, e.Id, a);
        }
        InsertRows("INSERT OR IGNORE INTO entity_aliases", 2, rows);

        rows = Rows();
        foreach (var m in d.Mentions)
            AddRow(rows, d.Id, m.Span.Start, m.Span.Length, m.Type, m.EntityId);
        InsertRows("INSERT INTO mentions", 5, rows);

        var statements = Statement(
            """
            INSERT INTO statements (document_id, start, length, kind, speaker, speaker_start, speaker_length, cue, cue_start, cue_length, addressee, said_on, said_on_is_publication, confidence, text)
            VALUES ($d, $s, $l, $k, $sp, $sps, $spl, $c, $cs, $cl, $a, $on, $pub, $cf, $text)
            """);
        // The index row takes the id of the row just inserted from the connection (only the writer, under _gate, uses
        // it): reading it back with RETURNING made each statement's insert cost about twice as much.
        var statementIndex = Statement("INSERT INTO statements_fts (rowid, text) VALUES (last_insert_rowid(), $text)");
        foreach (var st in d.Statements)
        {
            var text = d.Slice(st.Content);
            statements.Run(d.Id, st.Content.Start, st.Content.Length, st.Kind.ToString().ToLowerInvariant(), st.Speaker,
                st.SpeakerSpan?.Start, st.SpeakerSpan?.Length, st.Cue is { } c ? d.Slice(c) : null, st.Cue?.Start, st.Cue?.Length,
                st.Addressee, Format(st.SaidOn), st.SaidOnIsPublication ? 1 : 0, st.Confidence, text);
            statementIndex.Run(text);
        }

        rows = Rows();
        foreach (var t in d.TimeExpressions)
            AddRow(rows, d.Id, t.Span.Start, t.Span.Length, t.Type.ToString().ToUpperInvariant(), t.Value);
        InsertRows("INSERT INTO time_expressions", 5, rows);

        var events = Statement(
            "INSERT INTO events (document_id, start, length, type, participants, date, place, negated, hypothetical) VALUES ($d, $s, $l, $t, $p, $dt, $pl, $n, $h)");
        foreach (var e in d.Events)
            events.Run(d.Id, e.Span.Start, e.Span.Length, e.Type, JsonSerializer.Serialize(e.Participants, StoreJson.Default.IReadOnlyListString),
                e.Date, e.Place, e.Negated ? 1 : 0, e.Hypothetical ? 1 : 0);

        rows = Rows();
        foreach (var c in d.Claims)
            AddRow(rows, d.Id, c.Span.Start, c.Span.Length, c.Quantity, c.Unit, c.Subject, c.Claimant);
        InsertRows("INSERT INTO claims", 7, rows);

        rows = Rows();
        foreach (var x in d.Disputes)
            AddRow(rows, d.Id, x.Claim.Start, x.Claim.Length, x.DisputedBy.Start, x.DisputedBy.Length);
        InsertRows("INSERT INTO disputes", 5, rows);
    }

    /// <summary>Line labels as stored (lower case), spelled once rather than per line.</summary>
    private static readonly Dictionary<LineLabel, string> LabelNames =
        Enum.GetValues<LineLabel>().ToDictionary(l => l, l => l.ToString().ToLowerInvariant());

    private static string LabelName(LineLabel label) => LabelNames[label];

    public bool Contains(string documentId)
    {
        lock (_readGate)
        {
            _contains ??= CreateContains();
            _contains.Parameters[0].Value = documentId;
            return _contains.ExecuteScalar() is not null;
        }
    }

    private SqliteCommand CreateContains()
    {
        var cmd = _reader.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM documents WHERE id = $id UNION ALL SELECT 1 FROM publications WHERE variant_id = $id LIMIT 1";
        cmd.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        return cmd;
    }

    public long CountDocuments()
    {
        lock (_gate)
            return (long)Scalar("SELECT count(*) FROM documents")!;
    }

    public long CountStatements()
    {
        lock (_gate)
            return (long)Scalar("SELECT count(*) FROM statements")!;
    }

    public DocumentRecord? GetDocument(string id)
    {
        lock (_gate)
            return ReadDocuments("WHERE id = $id", ("$id", id)).FirstOrDefault();
    }

    public IEnumerable<DocumentRecord> Documents(int offset = 0, int limit = int.MaxValue)
    {
        lock (_gate)
            return ReadDocuments("ORDER BY published, id LIMIT $limit OFFSET $offset", ("$limit", limit), ("$offset", offset));
    }

    private List<DocumentRecord> ReadDocuments(string tail, params (string, object?)[] args)
    {
        using var cmd = Command($"SELECT id, source_uri, title, outlet, authors, published, published_inferred, published_note, language, text, body FROM documents {tail}", null, args);
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentRecord>();
        while (r.Read())
        {
            list.Add(new DocumentRecord(
                r.GetString(0), NullableString(r, 1), NullableString(r, 2), NullableString(r, 3),
                JsonSerializer.Deserialize(r.GetString(4), StoreJson.Default.IReadOnlyListString) ?? [],
                ParseDate(NullableString(r, 5)), r.GetInt64(6) != 0, NullableString(r, 7), NullableString(r, 8),
                r.GetString(9), r.GetString(10)));
        }
        return list;
    }

    public IEnumerable<StatementRecord> QueryStatements(StatementQuery q)
    {
        var (where, args) = StatementFilter(q);
        args.Add(("$limit", q.Limit));
        args.Add(("$offset", q.Offset));
        var sql = $"""
            SELECT s.id, s.document_id, d.source_uri, d.outlet, d.published, s.speaker, s.kind, s.text, s.cue, s.addressee, s.said_on, s.start, s.length,
                   s.said_on_is_publication, d.title, s.confidence
            FROM statements s JOIN documents d ON d.id = s.document_id
            {where}
            ORDER BY coalesce(s.said_on, d.published), s.document_id, s.start, s.id
            LIMIT $limit OFFSET $offset
            """;
        lock (_gate)
        {
            using var cmd = Command(sql, null, [.. args]);
            using var r = cmd.ExecuteReader();
            var list = new List<StatementRecord>();
            while (r.Read())
            {
                list.Add(new StatementRecord(
                    r.GetInt64(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), ParseDate(NullableString(r, 4)),
                    NullableString(r, 5), r.GetString(6), r.GetString(7), NullableString(r, 8), NullableString(r, 9),
                    ParseDate(NullableString(r, 10)), r.GetInt32(11), r.GetInt32(12), r.GetInt64(13) != 0, NullableString(r, 14),
                    r.IsDBNull(15) ? null : r.GetDouble(15)));
            }
            return list;
        }
    }

    public long CountStatements(StatementQuery q)
    {
        var (where, args) = StatementFilter(q);
        lock (_gate)
            return (long)Scalar($"SELECT count(*) FROM statements s JOIN documents d ON d.id = s.document_id {where}", [.. args])!;
    }

    /// <summary>The WHERE clause of a statement query over <c>statements s JOIN documents d</c>.</summary>
    private static (string Where, List<(string, object?)> Args) StatementFilter(StatementQuery q)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (q.Speaker is { } speaker)
        {
            where.Add("s.speaker LIKE $speaker ESCAPE '\\'");
            args.Add(("$speaker", "%" + EscapeLike(speaker) + "%"));
        }
        if (q.Text is { } text)
        {
            where.Add("s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH $q)");
            args.Add(("$q", FtsQuery.From(text)));
        }
        if (q.Outlet is { } outlet)
        {
            where.Add("d.outlet = $outlet COLLATE NOCASE");
            args.Add(("$outlet", outlet));
        }
        if (q.From is { } from)
        {
            where.Add("coalesce(s.said_on, d.published) >= $from");
            args.Add(("$from", Format(from)));
        }
        if (q.To is { } to)
        {
            where.Add("coalesce(s.said_on, d.published) <= $to");
            args.Add(("$to", Format(to)));
        }
        if (q.EntityId is { } entity)
        {
            where.Add(SpokenBy);
            args.Add(("$entity", entity));
        }
        if (q.DocumentId is { } document)
        {
            where.Add("s.document_id = $document");
            args.Add(("$document", document));
        }
        if (q.Ids is { } ids)
        {
            where.Add("s.id IN (SELECT value FROM json_each($ids))");
            args.Add(("$ids", "[" + string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]"));
        }
        return (where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "", args);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var cmd in _prepared.Values)
                cmd.Dispose();
            _prepared.Clear();
            // Finalised before the connection closes, which would otherwise stay open behind them.
            foreach (var statement in _statements.Values)
                statement.Dispose();
            _statements.Clear();
            _multiRowInserts.Clear();
        }
        lock (_readGate)
            _contains?.Dispose();
        _reader.Dispose();
        _connection.Dispose();
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string? Format(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? s) =>
        s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] args)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private int Execute(string sql, SqliteTransaction? tx = null, params (string, object?)[] args)
    {
        using var cmd = Command(sql, tx, args);
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object?)[] args)
    {
        using var cmd = Command(sql, null, args);
        return cmd.ExecuteScalar();
    }

    /// <summary>
    /// The write path's query for <paramref name="sql"/>, created on first use and reused after (its parameters are added by <see cref="Bind"/>):
    /// SQLite compiles a statement once per command, not once per document.
    /// Callers hold <see cref="_gate"/> and must not dispose it.
    /// </summary>
    private SqliteCommand Prepared(string sql, SqliteTransaction tx)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            _prepared.Add(sql, cmd);
        }
        cmd.Transaction = tx;
        return cmd;
    }

    /// <summary>
    /// The write path's statement for <paramref name="sql"/>, compiled on first use and reused after. Callers hold
    /// <see cref="_gate"/>, inside a transaction of the connection, and must not dispose it.
    /// </summary>
    private SqliteStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteStatement(_connection, sql);
            _statements.Add(sql, statement);
        }
        return statement;
    }

    private SqliteCommand Prepare(string sql, SqliteTransaction tx, params string[] names)
    {
        var cmd = Command(sql, tx);
        foreach (var n in names)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
        return cmd;
    }

    /// <summary>Sets named parameters, adding those the command does not have yet.</summary>
    private static SqliteCommand Bind(SqliteCommand cmd, params (string Name, object? Value)[] args)
    {
        foreach (var (name, value) in args)
        {
            int i = cmd.Parameters.IndexOf(name);
            if (i >= 0)
                cmd.Parameters[i].Value = value ?? DBNull.Value;
            else
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    private static void SetAll(SqliteCommand cmd, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        SetAll(cmd, values);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>The store's own error: a message meant for the user, not a stack trace.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Turns a user's words into an FTS5 query that cannot be a syntax error: each word quoted, all required.</summary>
public static class FtsQuery
{
    public static string From(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => "\"" + w.Replace("\"", "\"\"") + "\"");
        return string.Join(" AND ", words);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class StoreJson : System.Text.Json.Serialization.JsonSerializerContext;
