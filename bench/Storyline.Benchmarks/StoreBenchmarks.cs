using BenchmarkDotNet.Attributes;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline.Benchmarks;

/// <summary>
/// SQLite writes of fully annotated documents into a fresh store: one transaction per document against batches of
/// <see cref="PipelineRunner.MaxBatch"/> (what the pipeline runner does). One op = <see cref="Documents"/> documents.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class StoreBenchmarks
{
    public const int Documents = 256;

    private List<Document> _documents = [];
    private string _directory = "";
    private SqliteStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = Pipeline.CreateDefault();
        var texts = BenchData.Texts();
        // Distinct ids (a suffix changes the content hash), so every document is really written.
        _documents = [.. Enumerable.Range(0, Documents).Select(i => pipeline.Process(new SourceDocument($"bench:{i}", texts[i % texts.Count] + $"\n\u200B{i}", ContentKind.Text)))];
        _directory = Directory.CreateTempSubdirectory("storyline-store-bench-").FullName;
    }

    [IterationSetup]
    public void OpenStore() => _store = new SqliteStore(Path.Combine(_directory, $"{Guid.NewGuid():n}.db"));

    [IterationCleanup]
    public void CloseStore() => _store?.Dispose();

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public int SaveOneByOne()
    {
        foreach (var d in _documents)
            _store!.Save(d);
        return _documents.Count;
    }

    [Benchmark]
    public int SaveInBatches()
    {
        for (int i = 0; i < _documents.Count; i += PipelineRunner.MaxBatch)
            _store!.SaveMany(_documents.GetRange(i, Math.Min(PipelineRunner.MaxBatch, _documents.Count - i)));
        return _documents.Count;
    }
}
