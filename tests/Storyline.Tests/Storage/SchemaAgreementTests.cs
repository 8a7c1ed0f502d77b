using Microsoft.Data.Sqlite;
using Npgsql;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

/// <summary>
/// Both stores migrated to the latest version must have the same tables with the same columns in the same order,
/// apart from what each keeps for itself: SQLite's FTS5 tables, PostgreSQL's tsvector and insertion-order columns,
/// its work queue and its version table. A column added to one store's migrations only fails here.
/// </summary>
[Collection("postgres")]
public sealed class SchemaAgreementTests(PostgresServer server) : IDisposable
{
    private static readonly HashSet<string> PostgresOnlyColumns = ["search", "seq", "seen"];
    private static readonly HashSet<string> PostgresOnlyTables = ["work_items", "storyline_schema"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [SkippableFact]
    public void Both_stores_have_the_same_tables_and_columns()
    {
        var database = server.CreateDatabase();
        new PostgresStore(server.Url(database)).Dispose();   // opening a store migrates it to the latest version
        new SqliteStore(_dir.File("schema.db")).Dispose();

        var sqlite = SqliteColumns(_dir.File("schema.db"));
        var postgres = PostgresColumns(server.ConnectionString(database));

        Assert.Contains("statements", sqlite.Keys);
        Assert.Contains("confidence", sqlite["statements"]);
        Assert.Equal(
            string.Join('\n', sqlite.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {string.Join(", ", t.Value)}")),
            string.Join('\n', postgres.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {string.Join(", ", t.Value)}")));
    }

    private static Dictionary<string, List<string>> SqliteColumns(string file)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        conn.Open();
        var tables = new List<string>();
        using (var cmd = new SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'", conn))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                tables.Add(r.GetString(0));
        var columns = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            using var cmd = new SqliteCommand($"SELECT name FROM pragma_table_info('{table}') ORDER BY cid", conn);
            using var r = cmd.ExecuteReader();
            var names = new List<string>();
            while (r.Read())
                names.Add(r.GetString(0));
            columns[table] = names;
        }
        return columns;
    }

    private static Dictionary<string, List<string>> PostgresColumns(string connectionString)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position", conn);
        using var r = cmd.ExecuteReader();
        var columns = new Dictionary<string, List<string>>();
        while (r.Read())
        {
            string table = r.GetString(0), column = r.GetString(1);
            if (PostgresOnlyTables.Contains(table) || PostgresOnlyColumns.Contains(column))
                continue;
            if (!columns.TryGetValue(table, out var names))
                columns[table] = names = [];
            names.Add(column);
        }
        return columns;
    }
}
