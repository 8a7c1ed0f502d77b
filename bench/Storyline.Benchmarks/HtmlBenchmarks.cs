using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using Storyline.Extraction;
using Storyline.Extraction.Html;
using Storyline.Ingest;

namespace Storyline.Benchmarks;

/// <summary>HTML extraction in its parts: parsing, reading and scoring blocks, reading metadata, and the whole extractor. One op = every page once.</summary>
[MemoryDiagnoser]
public class HtmlBenchmarks
{
    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly ArticleExtractor _extractor = new();
    private IReadOnlyList<string> _pages = [];
    private List<IHtmlDocument> _parsed = [];

    [GlobalSetup]
    public void Setup()
    {
        _pages = BenchData.Pages();
        _parsed = [.. _pages.Select(p => _parser.ParseDocument(p))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in _parsed)
            d.Dispose();
    }

    [Benchmark]
    public int Parse()
    {
        int n = 0;
        foreach (var p in _pages)
        {
            using var document = _parser.ParseDocument(p);
            n += document.All.Length;
        }
        return n;
    }

    /// <summary>Block reading and scoring on already parsed pages: the extractor's own work, without the parser.</summary>
    [Benchmark]
    public int ScoreBlocks()
    {
        int n = 0;
        foreach (var d in _parsed)
        {
            if (d.Body is { } body)
                n += ContentFinder.Find(BlockReader.Read(body), PhraseLexicon.Default).Count;
        }
        return n;
    }

    /// <summary>Title, outlet, authors, date and language on already parsed pages: the metadata readers' own work.</summary>
    [Benchmark]
    public int Metadata()
    {
        int n = 0;
        foreach (var d in _parsed)
            n += PageMetadata.Read(d, null).Authors.Count;
        return n;
    }

    [Benchmark]
    public int Extract()
    {
        int n = 0;
        foreach (var p in _pages)
            n += _extractor.Extract(new SourceDocument("bench:", p, ContentKind.Html)).Text.Length;
        return n;
    }
}
