using System.IO.Compression;
using System.Text;
using Storyline.Ingest;
using Storyline.Tests.Support;

namespace Storyline.Tests.Ingest;

public sealed class WarcReaderTests
{
    /// <summary>One WARC record: version line, headers, block, and the two CRLFs that end it.</summary>
    private static byte[] Record(string type, string? target, string contentType, byte[] block)
    {
        var head = new StringBuilder("WARC/1.1\r\n")
            .Append("WARC-Type: ").Append(type).Append("\r\n")
            .Append("WARC-Record-ID: <urn:uuid:").Append(Guid.NewGuid()).Append(">\r\n")
            .Append("WARC-Date: 2025-12-04T10:00:00Z\r\n");
        if (target is not null)
            head.Append("WARC-Target-URI: ").Append(target).Append("\r\n");
        head.Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(block.Length).Append("\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8.ToArray()];
    }

    private static byte[] Response(string target, string status, string contentType, byte[] body, string extraHeaders = "") =>
        Record("response", target, "application/http; msgtype=response",
            [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {contentType}\r\n{extraHeaders}\r\n"), .. body]);

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(data);
        return output.ToArray();
    }

    private static byte[] Chunked(byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8.ToArray()];

    private static List<byte[]> SampleRecords() =>
    [
        Record("warcinfo", null, "application/warc-fields", "software: hand-made\r\n"u8.ToArray()),
        Record("request", "https://a.example/one", "application/http; msgtype=request", "GET /one HTTP/1.1\r\n\r\n"u8.ToArray()),
        Response("https://a.example/one", "200 OK", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(TestWebServer.Article(1))),
        Response("https://a.example/missing", "404 Not Found", "text/html", "<html>gone</html>"u8.ToArray()),
        Response("https://a.example/logo.png", "200 OK", "image/png", [0x89, 0x50, 0x4E, 0x47]),
        Response("https://b.example/two", "200 OK", "text/html; charset=windows-1252", Gzip(Encoding.Latin1.GetBytes(TestWebServer.Article(2).Replace("minister", "ministère", StringComparison.Ordinal))),
            "Content-Encoding: gzip\r\n"),
        Response("https://b.example/three", "200 OK", "text/html", Chunked(Encoding.UTF8.GetBytes(TestWebServer.Article(3))), "Transfer-Encoding: chunked\r\n"),
    ];

    private static (List<SourceDocument> Docs, List<IngestWarning> Warnings) Read(byte[] warc)
    {
        var warnings = new List<IngestWarning>();
        var docs = new WarcReader(warnings.Add).Read(new MemoryStream(warc), "test.warc").ToList();
        return (docs, warnings);
    }

    [Fact]
    public void Html_responses_are_read_from_a_plain_warc_and_everything_else_is_skipped()
    {
        var (docs, warnings) = Read(SampleRecords().SelectMany(r => r).ToArray());
        Assert.Empty(warnings);
        Assert.Equal(["https://a.example/one", "https://b.example/two", "https://b.example/three"], docs.Select(d => d.Uri));
        Assert.All(docs, d => Assert.Equal(ContentKind.Html, d.Kind));
        Assert.Contains("ministère", docs[1].Content, StringComparison.Ordinal);
        Assert.Contains("3 new schools", docs[2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warc_gz_with_one_gzip_member_per_record_reads_the_same()
    {
        var gz = SampleRecords().SelectMany(Gzip).ToArray();
        var (docs, warnings) = Read(gz);
        Assert.Empty(warnings);
        Assert.Equal(3, docs.Count);
    }

    [Fact]
    public void A_truncated_warc_gz_keeps_the_records_before_the_damage_and_says_where_it_stopped()
    {
        var gz = SampleRecords().SelectMany(Gzip).ToArray();
        var (docs, warnings) = Read(gz[..(gz.Length - 40)]);
        Assert.Equal(2, docs.Count);
        var w = Assert.Single(warnings);
        Assert.Contains("truncated or corrupt", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_over_the_size_limit_are_skipped_without_being_held_and_reading_goes_on()
    {
        var huge = new byte[WarcReader.MaxRecordBytes + 1];
        Array.Fill(huge, (byte)'x');
        var warc = new[] { Response("https://big.example/", "200 OK", "text/html", huge), SampleRecords()[2] }.SelectMany(r => r).ToArray();
        var (docs, warnings) = Read(warc);
        Assert.Equal("https://a.example/one", Assert.Single(docs).Uri);
        Assert.Contains("over the", Assert.Single(warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a warc at all\r\n")]
    [InlineData("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n")]
    [InlineData("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nshort")]
    public void Garbage_is_a_warning_not_a_crash(string text)
    {
        var (docs, warnings) = Read(Encoding.ASCII.GetBytes(text));
        Assert.Empty(docs);
        Assert.Single(warnings);
    }

    [Fact]
    public void A_warc_gz_is_read_as_a_stream_record_by_record_never_whole()
    {
        // A 4 GiB archive that exists only as a pattern: reading it whole would take minutes; reading it as a stream
        // takes what the records asked for, plus what the buffers look ahead.
        var member = Gzip(SampleRecords()[2]);
        using var archive = new RepeatingStream(member, 4L << 30);

        var docs = new WarcReader(_ => { }).Read(archive, "crawl.warc.gz").Take(1000).ToList();

        Assert.Equal(1000, docs.Count);
        Assert.All(docs, d => Assert.Equal("https://a.example/one", d.Uri));
        Assert.InRange(archive.Position, 999L * member.Length, (1000L * member.Length) + (4 << 16));
    }

    /// <summary>A read-only stream of <paramref name="length"/> bytes made of one block over and over, held once.</summary>
    private sealed class RepeatingStream(byte[] block, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => _position = Math.Clamp(value, 0, length);
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = (int)Math.Min(count, length - _position);
            for (int i = 0; i < n; i++)
                buffer[offset + i] = block[(_position + i) % block.Length];
            _position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Warc_files_are_read_by_storyline_run()
    {
        using var dir = new TempDir();
        dir.Write("crawl.warc.gz", SampleRecords().SelectMany(Gzip).ToArray());
        var db = dir.File("s.db");
        var (code, _, err) = CliProcess.Run("run", dir.Path, "--db", db);
        Assert.True(code == 0, err);
        using var store = new global::Storyline.Storage.SqliteStore(db);
        Assert.Equal(3, store.CountDocuments());
    }
}
