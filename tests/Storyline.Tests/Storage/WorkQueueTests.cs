using Npgsql;
using Storyline.Ingest;
using Storyline.Storage;
using Storyline.Tests.Support;

namespace Storyline.Tests.Storage;

/// <summary>The PostgreSQL work queue, against a real server: parallel workers, dead workers, poison inputs.</summary>
[Collection("postgres")]
public sealed class WorkQueueTests(PostgresServer server) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private List<string> Articles(int n, string prefix = "a") =>
        Enumerable.Range(0, n).Select(i => _dir.Write($"{prefix}{i:D4}.txt", $"Minister {prefix}{i} said on Tuesday: “We will build {i} new schools this year.”\n")).ToList();

    private PostgresStore Store(string database) => new(server.Url(database));

    private static QueueWorker Worker(PostgresWorkQueue queue) => new(queue, Pipeline.CreateDefault(), new SourceReader().Read);

    private long Scalar(string database, string sql)
    {
        using var conn = new NpgsqlConnection(server.ConnectionString(database));
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableFact]
    public void Three_workers_in_parallel_process_every_item_exactly_once()
    {
        var db = server.CreateDatabase();
        var files = Articles(90);
        using (var store = Store(db))
            Assert.Equal(90, new PostgresWorkQueue(store, TimeSpan.FromMinutes(5)).Enqueue(files));

        var summaries = Enumerable.Range(0, 3).AsParallel().WithDegreeOfParallelism(3).Select(i =>
        {
            using var store = Store(db);
            return Worker(new PostgresWorkQueue(store, TimeSpan.FromMinutes(5), $"w{i}")).Run();
        }).ToList();

        Assert.Equal(90, summaries.Sum(s => s.Items));
        Assert.Equal(90, summaries.Sum(s => s.DocumentsAdded));
        Assert.Equal(0, summaries.Sum(s => s.DocumentsKnown + s.LeasesLost + s.Failed));
        Assert.Equal(90, Scalar(db, "SELECT count(*) FROM work_items WHERE state = 'done' AND attempts = 1"));
        Assert.Equal(90, Scalar(db, "SELECT count(DISTINCT id) FROM documents"));
        Assert.Equal(90, Scalar(db, "SELECT count(DISTINCT source_uri) FROM documents"));
    }

    [SkippableFact]
    public void Work_claimed_by_a_worker_that_died_is_reclaimed_after_its_lease_and_done_once()
    {
        var db = server.CreateDatabase();
        var files = Articles(3);
        using var store = Store(db);
        var dead = new PostgresWorkQueue(store, TimeSpan.FromMilliseconds(1), "dead");
        dead.Enqueue(files);
        var claimed = dead.Claim();
        Assert.NotNull(claimed);
        Assert.Equal(files[0], claimed.Source);

        var summary = Worker(new PostgresWorkQueue(store, TimeSpan.FromMinutes(5), "alive")).Run();

        Assert.Equal(3, summary.Items);
        Assert.Equal(3, store.CountDocuments());
        Assert.Equal(2, Scalar(db, $"SELECT attempts FROM work_items WHERE id = {claimed.Id}"));
        // The dead worker coming back to life cannot complete what is no longer its own, nor store a document twice.
        Assert.False(dead.Complete(claimed, [Pipeline.CreateDefault().Process(new FileSource(_ => { }).ReadFile(files[0]).Single())]));
        Assert.Equal(3, store.CountDocuments());
        Assert.Equal(new QueueCounts(0, 0, 3, 0), dead.Counts());
    }

    [SkippableFact]
    public void An_item_whose_workers_keep_dying_is_given_up_on_with_a_reason()
    {
        var db = server.CreateDatabase();
        using var store = Store(db);
        var dying = new PostgresWorkQueue(store, TimeSpan.FromMilliseconds(1), "dying");
        dying.Enqueue(Articles(1, "poison"));
        for (int i = 0; i < PostgresWorkQueue.MaxAttempts; i++)
        {
            while (dying.Claim() is null)
                Thread.Sleep(5); // the previous 1 ms lease has not run out yet
        }
        // Let the fifth lease run out too: a live lease hides the item from the worker, which would then find nothing.
        Thread.Sleep(50);

        var summary = Worker(new PostgresWorkQueue(store, TimeSpan.FromMinutes(5))).Run();

        Assert.Equal(0, summary.Items);
        var (_, note) = Assert.Single(dying.Failures());
        Assert.Contains("abandoned after 5 attempts", note, StringComparison.Ordinal);
        Assert.Equal(0, store.CountDocuments());
    }

    [SkippableFact]
    public void Unreadable_sources_fail_with_their_reason_and_the_rest_is_done()
    {
        var db = server.CreateDatabase();
        using var store = Store(db);
        var queue = new PostgresWorkQueue(store, TimeSpan.FromMinutes(5));
        var binary = _dir.Write("binary.txt", [0, 1, 2, 0, 255]);
        queue.Enqueue([.. Articles(2), binary, _dir.File("missing.txt")]);
        var warnings = new List<IngestWarning>();

        var summary = Worker(queue).Run(warn: warnings.Add);

        Assert.Equal(2, summary.Items);
        Assert.Equal(2, summary.Failed);
        Assert.Equal(2, warnings.Count);
        var failures = queue.Failures().ToDictionary(f => f.Source, f => f.Note);
        Assert.Contains("binary", failures[binary], StringComparison.Ordinal);
        Assert.Contains("cannot read", failures[_dir.File("missing.txt")], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_enqueue_and_worker_commands_drain_a_folder_into_the_store()
    {
        var db = server.CreateDatabase();
        Articles(12);
        var url = server.Url(db);

        Assert.Equal(0, CliProcess.Run("enqueue", _dir.Path, "--db", url).Code);
        Assert.Equal(0, CliProcess.Run("enqueue", _dir.Path, "--db", url).Code); // queued once, however often asked
        var (code, output, _) = CliProcess.Run("worker", "--db", url, "--threads", "2");

        Assert.Equal(0, code);
        Assert.Contains("documents added", output, StringComparison.Ordinal);
        using var store = Store(db);
        Assert.Equal(12, store.CountDocuments());
        Assert.Equal(12, Scalar(db, "SELECT count(*) FROM work_items"));
        Assert.Equal(global::Storyline.Cli.ExitCodes.Usage, CliProcess.Run("worker", "--db", _dir.File("local.db")).Code);
    }
}
