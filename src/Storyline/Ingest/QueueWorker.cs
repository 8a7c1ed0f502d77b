using Storyline.Documents;
using Storyline.Storage;

namespace Storyline.Ingest;

/// <summary>What one worker did: items it completed or gave up on, documents it stored.</summary>
public sealed record WorkerSummary(int Items, int Failed, int LeasesLost, int DocumentsAdded, int DocumentsKnown);

/// <summary>
/// Drains a <see cref="PostgresWorkQueue"/>: claim an item, read its source, run the pipeline, store the documents and
/// mark the item done in one transaction. Without <c>watch</c> it returns once the queue is empty and no other worker
/// holds a lease (a lease that runs out is reclaimed here first), so a fleet of workers ends only when all work is done.
/// </summary>
public sealed class QueueWorker(PostgresWorkQueue queue, Pipeline pipeline, Func<string, Action<IngestWarning>, IEnumerable<SourceDocument>> read)
{
    /// <summary>How long an idle worker waits before looking again.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(250);

    public WorkerSummary Run(bool watch = false, Action<IngestWarning>? warn = null, CancellationToken cancel = default)
    {
        int items = 0, failed = 0, lost = 0, added = 0, known = 0;
        while (!cancel.IsCancellationRequested)
        {
            var item = queue.Claim();
            if (item is null)
            {
                var counts = queue.Counts();
                if (!watch && counts.Pending == 0 && counts.Leased == 0)
                    break;
                cancel.WaitHandle.WaitOne(Poll);
                continue;
            }
            var warnings = new List<IngestWarning>();
            var documents = new List<Document>();
            foreach (var source in read(item.Source, warnings.Add))
            {
                try
                {
                    documents.Add(pipeline.Process(source));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    warnings.Add(new IngestWarning(source.Uri, $"pipeline failed: {e.GetType().Name}: {e.Message}"));
                }
            }
            foreach (var w in warnings)
                warn?.Invoke(w);
            var note = warnings.Count == 0 ? null : string.Join("\n", warnings.Select(w => w.ToString()));
            if (documents.Count == 0 && warnings.Count > 0)
            {
                queue.Fail(item, note!);
                failed++;
                continue;
            }
            bool mine = queue.Complete(item, documents, note, (_, outcome) =>
            {
                if (outcome == SaveOutcome.Added)
                    added++;
                else
                    known++;
            });
            if (mine)
                items++;
            else
                lost++;
        }
        return new WorkerSummary(items, failed, lost, added, known);
    }
}
