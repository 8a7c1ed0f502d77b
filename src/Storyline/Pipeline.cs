using System.Diagnostics;
using Storyline.Documents;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline;

/// <summary>One pipeline stage: reads a document and adds one layer of annotations to it.</summary>
public interface IStage
{
    string Name { get; }

    void Apply(Document document);
}

/// <summary>
/// Composes the stages in order: extraction, then each annotation stage. The one place to see the order.
/// Stages are pure functions of the document; the pipeline holds no per-document state, so one instance
/// serves any number of threads.
/// </summary>
public sealed class Pipeline
{
    private readonly ArticleExtractor _extractor;
    private readonly IReadOnlyList<IStage> _stages;
    private readonly long[] _ticks;

    public Pipeline(ArticleExtractor extractor, IReadOnlyList<IStage> stages)
    {
        _extractor = extractor;
        _stages = stages;
        _ticks = new long[stages.Count + 1];
    }

    /// <summary>The default pipeline with the shipped models; <paramref name="attributions"/> says how statements use the attribution tagger.</summary>
    public static Pipeline CreateDefault(Statements.AttributionModelUse attributions = Statements.AttributionModelUse.Rules) =>
        new(new ArticleExtractor(), DefaultStages(attributions));

    public static IReadOnlyList<IStage> DefaultStages(Statements.AttributionModelUse attributions = Statements.AttributionModelUse.Rules) =>
    [
        new Language.LanguageStage(),
        new Time.TimeStage(),
        new Entities.EntityStage(),
        new Statements.StatementStage(attributions),
        new Events.EventStage(),
        new Time.DatingStage(),
    ];

    public IEnumerable<string> StageNames => _stages.Select(s => s.Name).Prepend("extraction");

    public Document Process(SourceDocument source)
    {
        var document = Extract(source);
        Annotate(document);
        return document;
    }

    /// <summary>Runs extraction only: what the extraction benchmarks score.</summary>
    public Document Extract(SourceDocument source)
    {
        long start = Stopwatch.GetTimestamp();
        var document = _extractor.Extract(source);
        Interlocked.Add(ref _ticks[0], Stopwatch.GetTimestamp() - start);
        return document;
    }

    /// <summary>Runs every annotation stage on an already extracted document.</summary>
    public void Annotate(Document document)
    {
        for (int i = 0; i < _stages.Count; i++)
        {
            long start = Stopwatch.GetTimestamp();
            _stages[i].Apply(document);
            Interlocked.Add(ref _ticks[i + 1], Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>Time spent in each stage since this pipeline was created (all threads added up).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Time)> StageTimes() =>
        StageNames.Select((name, i) => (name, Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[i])))).ToList();
}
