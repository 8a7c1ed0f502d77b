using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Storyline.Tests.Support;

/// <summary>
/// A real PostgreSQL server for the tests: a throw-away cluster made with <c>initdb</c> in a temp folder, listening on
/// a free loopback port and a unix socket in that folder, stopped and removed at the end. PostgreSQL refuses to run as
/// root, so as root the cluster belongs to the <c>postgres</c> system user. When no PostgreSQL is installed,
/// <see cref="Unavailable"/> says why and the tests that need it are skipped.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string? _root;
    private readonly string? _pgCtl;
    private readonly string? _runAs;
    private int _databases;

    public PostgresServer()
    {
        var bin = FindBinaries();
        if (bin is null)
        {
            Unavailable = "PostgreSQL not found (no initdb/pg_ctl on PATH, in /usr/lib/postgresql/*/bin or /usr/local/bin); install the postgresql package to run these tests";
            return;
        }
        if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root")
        {
            if (Run("id", ["-u", "postgres"], null).Code != 0)
            {
                Unavailable = "running as root and there is no 'postgres' user to own the test cluster";
                return;
            }
            _runAs = "postgres";
        }
        _root = Path.Combine(Path.GetTempPath(), "storyline-pg-" + Guid.NewGuid().ToString("n")[..12]);
        Directory.CreateDirectory(_root);
        if (_runAs is not null)
            Check(Run("chown", [_runAs, _root], null), "chown");
        var data = Path.Combine(_root, "data");
        Port = FreePort();
        _pgCtl = Path.Combine(bin, "pg_ctl");
        Check(Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "storyline", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], _runAs), "initdb");
        // fsync off: the tests kill clients, never the server, and a cluster that lives for one test run needs no durability.
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        Check(Run(_pgCtl, ["-D", data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o", options, "start"], _runAs), "pg_ctl start");
        Started = true;
    }

    /// <summary>Why there is no server, or null when there is one.</summary>
    public string? Unavailable { get; }

    public bool Started { get; }

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "storyline", Database = database, Pooling = true }.ConnectionString;

    public string Url(string database) => $"postgres://storyline@127.0.0.1:{Port}/{database}";

    /// <summary>A new empty database, so every test starts from nothing; returns its name. Skips the test without a server.</summary>
    public string CreateDatabase()
    {
        Skip.If(Unavailable is not null, Unavailable);
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("n")[..8]}";
        using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        cmd.ExecuteNonQuery();
        return name;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (Started && _root is not null)
            Run(_pgCtl!, ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"], _runAs);
        if (_root is not null)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        candidates.Add("/usr/local/bin");
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Check((int Code, string Output) result, string what)
    {
        if (result.Code != 0)
            throw new InvalidOperationException($"{what} failed ({result.Code}): {result.Output}");
    }

    private static (int Code, string Output) Run(string file, string[] args, string? runAs)
    {
        var psi = new ProcessStartInfo(runAs is null ? file : "runuser") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAs is not null)
        {
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add(runAs);
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(file);
        }
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;
