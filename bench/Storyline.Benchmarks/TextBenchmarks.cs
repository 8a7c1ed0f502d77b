using BenchmarkDotNet.Attributes;
using Storyline.Documents;
using Storyline.Language;
using Storyline.Statements;
using Storyline.Time;

namespace Storyline.Benchmarks;

/// <summary>The per-character scanners over article text: tokenizer, quote marks, time expressions. One op = every text once.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private IReadOnlyList<string> _texts = [];

    [GlobalSetup]
    public void Setup() => _texts = BenchData.Texts();

    [Benchmark]
    public int Tokenize()
    {
        int n = 0;
        foreach (var t in _texts)
            n += Tokenizer.Tokenize(t).Count;
        return n;
    }

    [Benchmark]
    public int ScanQuotes()
    {
        int n = 0;
        foreach (var t in _texts)
            n += QuoteFinder.FindAll(t, new Span(0, t.Length)).Count;
        return n;
    }

    [Benchmark]
    public int TagTime()
    {
        int n = 0;
        foreach (var t in _texts)
            n += TimeGrammar.Find(t).Count;
        return n;
    }
}
