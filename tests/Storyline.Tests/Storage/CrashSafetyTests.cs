using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

/// <summary>
/// Kill -9 in the middle of a run, several times, then run again: the store must end with exactly the documents and
/// annotations of an uninterrupted run. The kills come at points measured in stored documents, not in time, so the
/// test asserts the same thing on a fast machine and a slow one.
/// </summary>
[Collection("postgres")]
public sealed class CrashSafetyTests(PostgresServer server) : IDisposable
{
    private const int Documents = 2000;
    private static readonly string[] Tables = ["documents", "lines", "mentions", "statements", "time_expressions", "events", "publications", "minhash_bands"];

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Distinct articles (random words from a made-up vocabulary, seeded), so none is a near-duplicate of another.</summary>
    private string Corpus(int n)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, "corpus")).FullName;
        var random = new Random(20251204);
        var vocabulary = Enumerable.Range(0, 2000).Select(_ => new string(Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26))).ToArray())).ToArray();
        for (int i = 0; i < n; i++)
        {
            var words = Enumerable.Range(0, 80).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            File.WriteAllText(Path.Combine(folder, $"doc{i:D5}.txt"), $"Minister Number{i} said on Monday: “{string.Join(' ', words)}.”\n");
        }
        return folder;
    }

    /// <summary>Starts the command, kills it once <paramref name="killAt"/> documents are stored (or lets it finish); true when killed.</summary>
    private static bool RunAndKill(string[] args, Func<long> stored, long killAt)
    {
        using var p = CliProcess.Start(args);
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var guard = Stopwatch.StartNew();
        while (!p.HasExited && guard.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (SafeCount(stored) >= killAt)
            {
                p.Kill(); // SIGKILL: no cleanup, no flush, no finally
                p.WaitForExit();
                return true;
            }
            Thread.Sleep(20);
        }
        p.WaitForExit();
        return false;
    }

    private static long SafeCount(Func<long> count)
    {
        try
        {
            return count();
        }
        catch (Exception e) when (e is SqliteException or NpgsqlException)
        {
            return 0; // the database is being created or migrated; look again
        }
    }

    private static Dictionary<string, long> Counts(Func<string, long> count) => Tables.ToDictionary(t => t, count);

    private void KilledRunsEndLikeACleanRun(string killedDb, string cleanDb, Func<string, string, long> count)
    {
        var corpus = Corpus(Documents);
        var clean = CliProcess.Run("run", corpus, "--db", cleanDb);
        Assert.True(clean.Code == 0, clean.Err);
        var expected = Counts(t => count(cleanDb, t));
        Assert.Equal(Documents, expected["documents"]);

        int kills = new[] { 150, 700, 1300, 1900 }.Count(killAt => RunAndKill(["run", corpus, "--db", killedDb], () => count(killedDb, "documents"), killAt));
        Assert.True(kills >= 1, "no run was ever killed mid-way: the test tested nothing");
        var final = CliProcess.Run("run", corpus, "--db", killedDb);
        Assert.True(final.Code == 0, final.Err);

        Assert.Equal(expected, Counts(t => count(killedDb, t)));
    }

    private static long SqliteCount(string path, string table)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM {table}";
        return (long)cmd.ExecuteScalar()!;
    }

    private long PostgresCount(string url, string table)
    {
        using var c = new NpgsqlConnection(global::Storyline.Storage.PostgresConnection.ToConnectionString(url) + ";Pooling=false");
        c.Open();
        using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", c);
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public void A_sqlite_run_killed_four_times_and_resumed_stores_every_document_exactly_once() =>
        KilledRunsEndLikeACleanRun(_dir.File("killed.db"), _dir.File("clean.db"), (db, table) => File.Exists(db) ? SqliteCount(db, table) : 0);

    [SkippableFact]
    public void A_postgres_run_killed_four_times_and_resumed_stores_every_document_exactly_once() =>
        KilledRunsEndLikeACleanRun(server.Url(server.CreateDatabase()), server.Url(server.CreateDatabase()), PostgresCount);

    [SkippableFact]
    public void A_worker_killed_mid_queue_leaves_its_item_to_be_reclaimed_and_the_queue_ends_done_exactly_once()
    {
        var db = server.Url(server.CreateDatabase());
        var corpus = Corpus(400);
        Assert.Equal(0, CliProcess.Run("enqueue", corpus, "--db", db).Code);

        Assert.True(RunAndKill(["worker", "--db", db, "--lease", "2"], () => PostgresCount(db, "documents"), 120), "the worker finished before it could be killed");
        var (code, _, err) = CliProcess.Run("worker", "--db", db, "--lease", "2");

        Assert.True(code == 0, err);
        Assert.Equal(400, PostgresCount(db, "documents"));
        Assert.Equal(400, PostgresCount(db, "publications"));
        using var c = new NpgsqlConnection(global::Storyline.Storage.PostgresConnection.ToConnectionString(db));
        c.Open();
        using var cmd = new NpgsqlCommand("SELECT count(*) FROM work_items WHERE state = 'done'", c);
        Assert.Equal(400L, (long)cmd.ExecuteScalar()!);
    }
}
