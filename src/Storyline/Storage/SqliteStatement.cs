using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Storyline.Storage;

/// <summary>
/// One compiled write statement of the store, run on the connection's own SQLite handle with its parameters bound
/// by position. The write path runs tens of these per document: through <see cref="SqliteCommand"/> each run also
/// built a data reader, looked every parameter up by name (a linear scan in SQLite) and re-checked the command's
/// transaction, which cost more than SQLite's own work. The SQL and the values bound are the same, so the rows are
/// too. Values bind as Microsoft.Data.Sqlite binds them: text, integers, reals, blobs and NULL, nothing else.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        int rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        SqliteException.ThrowExceptionForRC(rc, _db);
        ParameterCount = raw.sqlite3_bind_parameter_count(_stmt);
    }

    public int ParameterCount { get; }

    /// <summary>Binds <paramref name="value"/> to parameter <paramref name="index"/> (0-based, in the SQL's order).</summary>
    public void Bind(int index, object? value)
    {
        int i = index + 1;
        int rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_stmt, i),
            string s => raw.sqlite3_bind_text(_stmt, i, s),
            int n => raw.sqlite3_bind_int64(_stmt, i, n),
            long n => raw.sqlite3_bind_int64(_stmt, i, n),
            bool b => raw.sqlite3_bind_int64(_stmt, i, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(_stmt, i, d),
            float f => raw.sqlite3_bind_double(_stmt, i, f),
            // An empty array binds as NULL through bind_blob; Microsoft.Data.Sqlite stores an empty blob.
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(_stmt, i, 0),
            byte[] bytes => raw.sqlite3_bind_blob(_stmt, i, bytes),
            _ => throw new NotSupportedException($"the store does not bind values of type {value.GetType().Name}"),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <summary>Binds <paramref name="values"/> to the first parameters, in order.</summary>
    public SqliteStatement BindAll(params ReadOnlySpan<object?> values)
    {
        for (int i = 0; i < values.Length; i++)
            Bind(i, values[i]);
        return this;
    }

    /// <summary>Runs the statement to completion (it returns no rows) and makes it ready for the next run.</summary>
    public void Execute()
    {
        try
        {
            int rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
                throw new InvalidOperationException("a write statement of the store returned rows");
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        finally
        {
            // Reset releases the statement's hold on the database; its error code repeats step's, reported above.
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Binds <paramref name="values"/> and runs the statement.</summary>
    public void Run(params ReadOnlySpan<object?> values)
    {
        BindAll(values);
        Execute();
    }

    public void Dispose() => _stmt.Dispose();
}
