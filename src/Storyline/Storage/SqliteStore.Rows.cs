namespace Storyline.Storage;

/// <summary>
/// Multi-row INSERTs for the write path. A document has tens to hundreds of line, mention and time rows; one
/// <c>INSERT … VALUES (…), (…), …</c> for up to <see cref="MaxRowsPerInsert"/> of them pays the per-statement cost
/// of Microsoft.Data.Sqlite (reset, step, the managed reader around it) once instead of once a row. SQLite
/// inserts a VALUES list in order, so the rows, and their rowids, are exactly what one insert a row gave.
/// Through Microsoft.Data.Sqlite more rows a statement were not better, as it binds every parameter by name (a
/// linear scan of the statement's parameters in SQLite), so binding grew with the square of the row count: on a
/// five-column table 8 rows a statement cost 3.6 µs CPU a row, 1 row 4.1 µs, 16 rows 4.1 µs and 32 rows 5.0 µs
/// (bench/README.md, `InsertBenchmarks`). The statements now bind by position (<see cref="SqliteStatement"/>).
/// </summary>
public sealed partial class SqliteStore
{
    /// <summary>Rows per statement at most; a remainder goes in by statements of 4, 2 and 1 rows, so each table has at most four.</summary>
    internal const int MaxRowsPerInsert = 8;

    /// <summary>The values of the rows being gathered, row after row (the writer's scratch, under <see cref="_gate"/>).</summary>
    private readonly List<object?> _rows = [];

    private List<object?> Rows()
    {
        _rows.Clear();
        return _rows;
    }

    private static void AddRow(List<object?> rows, params ReadOnlySpan<object?> values)
    {
        foreach (var v in values)
            rows.Add(v);
    }

    /// <summary>Inserts <paramref name="values"/>, <paramref name="width"/> to a row, with <paramref name="insert"/> (the statement up to VALUES).</summary>
    private void InsertRows(string insert, int width, List<object?> values)
    {
        int at = 0;
        for (int chunk = MaxRowsPerInsert; chunk >= 1; chunk /= 2)
        {
            while (values.Count - at >= chunk * width)
            {
                var statement = MultiRowInsert(insert, width, chunk);
                for (int i = 0; i < chunk * width; i++)
                    statement.Bind(i, values[at + i]);
                statement.Execute();
                at += chunk * width;
            }
        }
    }

    /// <summary>
    /// The multi-row commands by statement head and row count, so that the SQL text and its parameter names are
    /// built once per store, not once per document and chunk. The commands themselves are owned (and disposed) by
    /// the prepared-statement cache.
    /// </summary>
    private readonly Dictionary<(string Insert, int Rows), SqliteStatement> _multiRowInserts = [];

    private SqliteStatement MultiRowInsert(string insert, int width, int rows)
    {
        if (_multiRowInserts.TryGetValue((insert, rows), out var statement))
            return statement;
        var tuple = "(" + string.Join(", ", Enumerable.Repeat("?", width)) + ")";
        statement = Statement(insert + " VALUES " + string.Join(", ", Enumerable.Repeat(tuple, rows)));
        _multiRowInserts.Add((insert, rows), statement);
        return statement;
    }
}
