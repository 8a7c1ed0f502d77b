using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace Storyline.Benchmarks;

/// <summary>
/// The store's row writes in isolation: <see cref="Rows"/> rows of a mention-shaped table (document id, start,
/// length, type, entity id) in one transaction, one prepared INSERT a row against prepared INSERTs of
/// <see cref="Storage.SqliteStore.MaxRowsPerInsert"/> rows and of 32 (the first is what <c>SqliteStore</c> writes lines, mentions, time
/// expressions and MinHash bands with). One op = all the rows, into a fresh in-memory database.
/// </summary>
[MemoryDiagnoser]
public class InsertBenchmarks
{
    public const int Rows = 4096;

    private SqliteConnection? _connection;

    [IterationSetup]
    public void Open()
    {
        _connection = new SqliteConnection("Data Source=:memory:");
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE mentions (document_id TEXT NOT NULL, start INTEGER NOT NULL, length INTEGER NOT NULL, type TEXT NOT NULL, entity_id TEXT); CREATE INDEX mentions_document ON mentions(document_id);";
        create.ExecuteNonQuery();
    }

    [IterationCleanup]
    public void Close() => _connection?.Dispose();

    [Benchmark(Baseline = true)]
    public int OneRowPerInsert() => Insert(1);

    [Benchmark]
    public int ManyRowsPerInsert() => Insert(Storage.SqliteStore.MaxRowsPerInsert);

    /// <summary>More rows a statement: slower, since each parameter is bound by a name SQLite looks up linearly.</summary>
    [Benchmark]
    public int ThirtyTwoRowsPerInsert() => Insert(32);

    private int Insert(int rowsPerInsert)
    {
        const int width = 5;
        using var tx = _connection!.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO mentions VALUES " + string.Join(", ", Enumerable.Range(0, rowsPerInsert)
            .Select(r => "(" + string.Join(", ", Enumerable.Range(0, width).Select(c => $"$p{(r * width) + c}")) + ")"));
        for (int i = 0; i < rowsPerInsert * width; i++)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
        for (int row = 0; row < Rows; row += rowsPerInsert)
        {
            for (int r = 0; r < rowsPerInsert; r++)
            {
                int at = r * width, n = row + r;
                cmd.Parameters[at].Value = "sha256:0123456789abcdef";
                cmd.Parameters[at + 1].Value = n * 7;
                cmd.Parameters[at + 2].Value = 5 + (n % 9);
                cmd.Parameters[at + 3].Value = "PERSON";
                cmd.Parameters[at + 4].Value = n % 3 == 0 ? DBNull.Value : "person:pavel-orlov";
            }
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return Rows;
    }
}
