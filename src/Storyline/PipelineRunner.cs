using System.Collections.Concurrent;
using System.Diagnostics;
using Storyline.Documents;
using Storyline.Ingest;
using Storyline.Storage;

namespace Storyline;

/// <summary>What happened to one source document in a run.</summary>
public readonly record struct RunItem(SourceDocument Source, Document? Document, SaveOutcome? Outcome, TimeSpan Elapsed, string? Error);

/// <summary>
/// Streams sources through the pipeline on several threads and into the store on one: stages run in parallel,
/// one writer thread saves the documents in input order, several per transaction, so a run is deterministic
/// (which copy of a near-duplicate is the original does not depend on timing) and memory stays constant: at most
/// <see cref="Window"/> documents are between the reader and the caller at any time.
/// Documents already stored are recognised by their content hash before any work is done on them.
/// </summary>
public sealed class PipelineRunner(Pipeline pipeline, IStore store, int threads)
{
    /// <summary>
    /// Documents written in one transaction at most. A commit per batch rather than per document is most of what
    /// the store costs for short texts; each document still has a savepoint of its own, so it is stored whole or not at all.
    /// </summary>
    public const int MaxBatch = 32;

    /// <summary>Documents in flight at most (read but not yet handed to the caller): what bounds memory.</summary>
    public int Window => Math.Max(2 * MaxBatch, 8 * threads);

    private long _storeTicks;

    /// <summary>Time spent writing to the store (one writer, so this is wall time).</summary>
    public TimeSpan StoreTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _storeTicks));

    public IEnumerable<RunItem> Run(IEnumerable<SourceDocument> sources) => threads <= 1 ? RunOnOneThread(sources) : RunInParallel(sources);

    /// <summary>One thread means one: no helper threads, so single-core figures are honest.</summary>
    private IEnumerable<RunItem> RunOnOneThread(IEnumerable<SourceDocument> sources)
    {
        var batch = new List<RunItem>(MaxBatch);
        foreach (var source in sources)
        {
            batch.Add(Process(source));
            if (batch.Count < MaxBatch)
                continue;
            foreach (var item in Save(batch))
                yield return item;
            batch.Clear();
        }
        foreach (var item in Save(batch))
            yield return item;
    }

    /// <summary>
    /// A reader thread enumerates the sources and queues each twice: as work for the stage threads, and as a slot in
    /// input order for the writer thread, which waits for each slot's result in turn. Both queues are bounded, so a
    /// slow writer or a slow caller holds the reader back instead of filling memory.
    /// </summary>
    private IEnumerable<RunItem> RunInParallel(IEnumerable<SourceDocument> sources)
    {
        using var stop = new CancellationTokenSource();
        using var work = new BlockingCollection<(SourceDocument Source, TaskCompletionSource<RunItem> Result)>(Window);
        using var ordered = new BlockingCollection<Task<RunItem>>(Window);
        using var done = new BlockingCollection<RunItem>(Window);
        var failures = new ConcurrentQueue<Exception>();

        void Guard(Action body, params BlockingCollection<RunItem>[] complete)
        {
            try
            {
                body();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped early: nothing to report.
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
                stop.Cancel();
            }
            finally
            {
                foreach (var c in complete)
                    c.CompleteAdding();
            }
        }

        var readerThread = Start("storyline reader", () => Guard(() =>
        {
            try
            {
                foreach (var source in sources)
                {
                    var result = new TaskCompletionSource<RunItem>(TaskCreationOptions.RunContinuationsAsynchronously);
                    ordered.Add(result.Task, stop.Token);
                    work.Add((source, result), stop.Token);
                }
            }
            finally
            {
                work.CompleteAdding();
                ordered.CompleteAdding();
            }
        }));
        var stageThreads = Enumerable.Range(0, threads).Select(i => Start($"storyline stages {i}", () => Guard(() =>
        {
            foreach (var (source, result) in work.GetConsumingEnumerable(stop.Token))
                result.SetResult(Process(source));
        }))).ToList();
        var writerThread = Start("storyline writer", () => Guard(() =>
        {
            var batch = new List<RunItem>(MaxBatch);
            foreach (var next in ordered.GetConsumingEnumerable(stop.Token))
            {
                next.Wait(stop.Token);
                batch.Add(next.Result);
                // Commit when the batch is full or nothing else is queued: waiting longer would only delay the caller.
                if (batch.Count < MaxBatch && ordered.Count > 0)
                    continue;
                foreach (var item in Save(batch))
                    done.Add(item, stop.Token);
                batch.Clear();
            }
            foreach (var item in Save(batch))
                done.Add(item, stop.Token);
        }, done));

        try
        {
            // Not cancellable: the writer completes `done` however it ends, and a failure is rethrown below.
            foreach (var item in done.GetConsumingEnumerable())
                yield return item;
        }
        finally
        {
            // Also reached when the caller stops enumerating early: release every thread before the queues are disposed.
            stop.Cancel();
            readerThread.Join();
            writerThread.Join();
            foreach (var t in stageThreads)
                t.Join();
        }
        if (failures.TryDequeue(out var failure))
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private static Thread Start(string name, Action body)
    {
        var thread = new Thread(() => body()) { Name = name, IsBackground = true };
        thread.Start();
        return thread;
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

    /// <summary>Saves the batch's documents in one call; each item's elapsed time gets its share of the write.</summary>
    private List<RunItem> Save(List<RunItem> batch)
    {
        var documents = batch.Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        if (documents.Count == 0)
            return [.. batch];
        long start = Stopwatch.GetTimestamp();
        IReadOnlyList<SaveResult> results;
        try
        {
            results = store.SaveMany(documents);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The batch as a whole failed (its commit, say): none of it is stored.
            results = [.. documents.Select(_ => new SaveResult(null, e))];
        }
        long ticks = Stopwatch.GetTimestamp() - start;
        Interlocked.Add(ref _storeTicks, ticks);
        var share = TimeSpan.FromTicks(Stopwatch.GetElapsedTime(0, ticks).Ticks / documents.Count);

        var saved = new List<RunItem>(batch.Count);
        int next = 0;
        foreach (var item in batch)
        {
            if (item.Document is null)
            {
                saved.Add(item);
                continue;
            }
            var result = results[next++];
            saved.Add(result.Error is { } error
                ? item with { Document = null, Elapsed = item.Elapsed + share, Error = $"store failed: {error.GetType().Name}: {error.Message}" }
                : item with { Outcome = result.Outcome, Elapsed = item.Elapsed + share });
        }
        return saved;
    }
}
