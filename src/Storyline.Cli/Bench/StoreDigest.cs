using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Storyline.Cli.Bench;

/// <summary>
/// A hash of everything a run stored: every row of every table, in a fixed order, so that a change meant as a pure
/// speed-up (of a stage or of the writes) can be checked against the last build's digest byte for byte. The one
/// column that differs between two runs of the same build, <c>ingested_at</c>, is left out, and FTS5's shadow tables
/// (segment layout, which depends on when the index merged) are read through their virtual table instead.
/// </summary>
internal static class StoreDigest
{
    private static readonly HashSet<string> Unstable = new(StringComparer.Ordinal) { "ingested_at" };

    public static string Of(string dbPath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var tables = new List<(string Name, bool Virtual)>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var r = list.ExecuteReader();
            while (r.Read())
                tables.Add((r.GetString(0), r.GetString(1).StartsWith("CREATE VIRTUAL TABLE", StringComparison.OrdinalIgnoreCase)));
        }
        var shadows = tables.Where(t => t.Virtual).Select(t => t.Name + "_").ToList();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, isVirtual) in tables)
        {
            if (!isVirtual && shadows.Any(s => name.StartsWith(s, StringComparison.Ordinal)))
                continue;
            var columns = Columns(connection, name, isVirtual);
            var select = string.Join(", ", columns);
            var order = string.Join(", ", Enumerable.Range(1, columns.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)));
            hash.AppendData(Encoding.UTF8.GetBytes($"\u0001{name}({select})"));
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT {select} FROM \"{name}\" ORDER BY {order}";
            using var rows = cmd.ExecuteReader();
            while (rows.Read())
            {
                hash.AppendData("\u0002"u8);
                for (int i = 0; i < rows.FieldCount; i++)
                    hash.AppendData(Encoding.UTF8.GetBytes(Field(rows, i)));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static List<string> Columns(SqliteConnection connection, string table, bool isVirtual)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        using var r = cmd.ExecuteReader();
        var columns = isVirtual ? new List<string> { "rowid" } : [];
        while (r.Read())
        {
            var column = r.GetString(0);
            if (!Unstable.Contains(column))
                columns.Add($"\"{column}\"");
        }
        return columns;
    }

    /// <summary>A field with its type, so that NULL, the empty string and 0 never hash alike.</summary>
    private static string Field(SqliteDataReader r, int i) => r.IsDBNull(i) ? "\u0003N" : r.GetValue(i) switch
    {
        byte[] b => "\u0003B" + Convert.ToHexString(b),
        long l => "\u0003I" + l.ToString(CultureInfo.InvariantCulture),
        double d => "\u0003R" + d.ToString("R", CultureInfo.InvariantCulture),
        var v => "\u0003T" + Convert.ToString(v, CultureInfo.InvariantCulture),
    };
}
