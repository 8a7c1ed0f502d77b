using System.Diagnostics;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline;

/// <summary>What happened to one source document in a run.</summary>
public readonly record struct RunItem(SourceDocument Source, Document? Document, SaveOutcome? Outcome, TimeSpan Elapsed, string? Error);

/// <summary>
/// Streams sources through the pipeline on several threads and into the store on one: stages run in parallel,
/// writes stay single-writer and in input order, so a run is deterministic and memory stays constant.
/// Documents already stored are recognised by their content hash before any work is done on them.
/// </summary>
public sealed class PipelineRunner(Pipeline pipeline, IStore store, int threads)
{
    private long _storeTicks;

    /// <summary>Time spent writing to the store (one writer, so this is wall time).</summary>
    public TimeSpan StoreTime => Stopwatch.GetElapsedTime(0, _storeTicks);

    public IEnumerable<RunItem> Run(IEnumerable<SourceDocument> sources)
    {
        if (threads <= 1)
        {
            // One thread means one: no PLINQ helper threads, so single-core figures are honest.
            foreach (var source in sources)
                yield return Save(Process(source));
            yield break;
        }
        foreach (var item in sources.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).Select(Process))
            yield return Save(item);
    }

    private RunItem Process(SourceDocument source)
    {
        long start = Stopwatch.GetTimestamp();
        if (store.Contains(source.Id))
            return new RunItem(source, null, SaveOutcome.AlreadyStored, Stopwatch.GetElapsedTime(start), null);
        try
        {
            return new RunItem(source, pipeline.Process(source), null, Stopwatch.GetElapsedTime(start), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One bad document must not end a run over thousands: report it and go on.
            return new RunItem(source, null, null, Stopwatch.GetElapsedTime(start), $"pipeline failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private RunItem Save(RunItem item)
    {
        if (item.Document is null)
            return item;
        long start = Stopwatch.GetTimestamp();
        try
        {
            var outcome = store.Save(item.Document);
            _storeTicks += Stopwatch.GetTimestamp() - start;
            return item with { Outcome = outcome, Elapsed = item.Elapsed + Stopwatch.GetElapsedTime(start) };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return item with { Document = null, Error = $"store failed: {e.GetType().Name}: {e.Message}" };
        }
    }
}
