using System.IO.Compression;
using System.Text;
using Storyline.Ingest;
using Storyline.Tests.Support;
using Xunit.Abstractions;

namespace Storyline.Tests.Ingest;

/// <summary>
/// Generated hostile inputs through the real ingest path (file reading, WARC, feeds, extraction, every pipeline stage):
/// zero crashes, zero hangs (each input within a time budget), and every rejection explained by a warning. CI runs a
/// few cycles of every kind; <c>STORYLINE_HOSTILE=10000</c> runs that many by hand as a soak, in which every
/// thousandth HTML input is 100 MB. The test's output gives the totals and the slowest input.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private const int Kinds = 10;

    /// <summary>Input number <paramref name="i"/>: its kind cycles, its bytes come from a seed, so any failure can be replayed.</summary>
    private static (string Name, byte[] Bytes) Generate(int i, bool soak)
    {
        var random = new Random(i);
        byte[] Random(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => new string((char)('a' + random.Next(26)), random.Next(1, 8))));
        return (i % Kinds) switch
        {
            0 => ($"{i}-binary.txt", Random(random.Next(1, 20_000))),
            1 => ($"{i}-truncated.warc.gz", TruncatedWarc(random)),
            2 => ($"{i}-invalid-utf8.txt", [.. Encoding.UTF8.GetBytes(Words(50)), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes(Words(20))]),
            3 => ($"{i}-huge.html", Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<p>" + Words(20) + "</p>", soak && i % 1000 == 3 ? 1_000_000 : 5_000)) + "</body></html>")),
            4 => ($"{i}-deep.html", Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + Words(30) + "</body></html>")),
            5 => ($"{i}-laughs.xml", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><title>&c;</title></channel></rss>""")),
            6 => ($"{i}-malformed.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', "{\"text\": \"unterminated", "[1, 2, 3]", "{\"html\": 42}", "\u0000\u0001", "{\"text\": \"" + Words(40) + "\"}", "{" + new string('[', 5000)))),
            7 => ($"{i}-empty.txt", []),
            8 => ($"{i}-absurd-dates.jsonl", Encoding.UTF8.GetBytes(string.Join('\n',
                new[] { "99999-99-99", "0001-01-01", "-5000", "9999-12-31T23:59:59Z", "1970-01-01", "yesterday", "" }.Select(d => $"{{\"text\": \"The minister said on Monday that {Words(30)}.\", \"published\": \"{d}\"}}")))),
            _ => ($"{i}-control-chars.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 2000).Select(_ => (char)random.Next(1, 32))) + Words(10))),
        };
    }

    private static byte[] TruncatedWarc(Random random)
    {
        var body = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The minister said the port would reopen.</p></body></html>";
        var record = $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}\r\n\r\n";
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(record));
        var bytes = output.ToArray();
        return bytes[..random.Next(1, bytes.Length - 1)];
    }

    [Fact]
    public async Task Hostile_inputs_are_rejected_with_reasons_never_crashes_or_hangs()
    {
        bool soak = int.TryParse(Environment.GetEnvironmentVariable("STORYLINE_HOSTILE"), out var count);
        if (!soak)
            count = Kinds * 3;
        using var dir = new TempDir();
        var pipeline = Pipeline.CreateDefault();
        // The budget is for the input, not for compiling the stages: one ordinary article runs through them first.
        foreach (var source in new FileSource(_ => { }).ReadFile(dir.Write("warm-up.html", TestWebServer.Article(1))))
            pipeline.Process(source);
        var crashes = new List<string>();
        var unexplained = new List<string>();
        int stored = 0, rejected = 0;
        var slowest = (Name: "", Time: TimeSpan.Zero);
        for (int i = 0; i < count; i++)
        {
            var (name, bytes) = Generate(i, soak);
            var path = dir.Write(name, bytes);
            var warnings = new List<IngestWarning>();
            int documents = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var work = Task.Run(() =>
            {
                if (name.EndsWith(".xml", StringComparison.Ordinal))
                {
                    if (FeedReader.Parse(Encoding.UTF8.GetString(bytes), new Uri("https://x.example/"), out var error) is null)
                        warnings.Add(new IngestWarning(name, error!));
                    return;
                }
                foreach (var source in new FileSource(warnings.Add).ReadFile(path))
                {
                    pipeline.Process(source);
                    documents++;
                }
            });
            if (await Task.WhenAny(work, Task.Delay(Budget)) != work)
                crashes.Add($"{name}: no answer within {Budget.TotalSeconds} s (hang)");
            else if (work.Exception is { } e)
                crashes.Add($"{name}: {e.InnerException!.GetType().Name}: {e.InnerException.Message}");
            if (work.IsCompletedSuccessfully && documents == 0 && warnings.Count == 0)
                unexplained.Add($"{name}: nothing read and no reason given");
            stored += documents;
            rejected += warnings.Count;
            if (clock.Elapsed > slowest.Time)
                slowest = (name, clock.Elapsed);
            File.Delete(path);
        }
        log.WriteLine($"{count} hostile inputs: {stored} documents, {rejected} warnings, {crashes.Count} crashes or hangs, {unexplained.Count} unexplained; slowest {slowest.Name} in {slowest.Time.TotalSeconds:F1} s");
        Assert.True(crashes.Count == 0, string.Join('\n', crashes));
        Assert.True(unexplained.Count == 0, string.Join('\n', unexplained));
    }

    [Fact]
    public void The_nesting_guard_lets_sloppy_real_pages_through()
    {
        var sloppy = "<html><body>" + string.Concat(Enumerable.Repeat("<p>para<br><img src=x><li>item<input/>", 20_000)) + "<div><div><span>x</span></div></div></body></html>";
        Assert.Null(HtmlGuard.Check(sloppy));
        Assert.NotNull(HtmlGuard.Check(string.Concat(Enumerable.Repeat("<div><span>", 3000))));
    }
}
