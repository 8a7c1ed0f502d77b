using Storyline.Ingest;

namespace Storyline.Evaluation;

/// <summary>
/// Scores every stage against articles with a <c>NAME.gold.json</c> beside them (GOLD-FORMAT.md): line labels,
/// body, title, published date, statements, time, entities, events, claims, disputes; and, when the folder has a
/// <c>clusters.gold.json</c>, the statement and event clusters across articles.
/// </summary>
public sealed class GoldEvaluator : IDatasetEvaluator
{
    public string Format => "gold";

    public bool CanEvaluate(string directory) => Pairs(directory).Any();

    /// <summary>Article files that have gold beside them, in ordinal order.</summary>
    public static IEnumerable<(string Article, string Gold)> Pairs(string directory) =>
        Directory.EnumerateFiles(directory, "*.gold.json")
            .Order(StringComparer.Ordinal)
            .Select(gold => (Article: FindArticle(gold), Gold: gold))
            .Where(p => p.Article is not null)
            .Select(p => (p.Article!, p.Gold));

    private static string? FindArticle(string gold)
    {
        var stem = gold[..^".gold.json".Length];
        return new[] { ".txt", ".html", ".htm" }.Select(ext => stem + ext).FirstOrDefault(File.Exists);
    }

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var pairs = Pairs(directory).ToList();
        var report = new EvalReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), Format);
        var scorer = new GoldScorer();
        var source = new FileSource(w => report.Notes.Add(w.ToString()));
        var articles = new List<ClusterEvaluation.Article>();
        for (int i = 0; i < pairs.Count; i++)
        {
            var (article, goldPath) = pairs[i];
            progress?.Report(new EvalProgress(i, pairs.Count, Path.GetFileName(article)));
            var input = source.ReadFile(article).FirstOrDefault();
            if (input is null)
                continue;
            articles.Add(new ClusterEvaluation.Article(Path.GetFileName(article), pipeline.Process(input), GoldFile.Read(goldPath)));
        }
        // The folder is a corpus: entities are linked across its articles (EntityLinker) before scoring.
        new Entities.EntityLinker().Link(articles.Select(a => a.Predicted).ToList());
        // … and an article that names its days only by weekday is dated from the articles reporting the same occasion.
        Time.CorpusDater.Date(articles.Select(a => a.Predicted).ToList());
        foreach (var a in articles)
            scorer.Add(a.Predicted, a.Gold);
        progress?.Report(new EvalProgress(pairs.Count, pairs.Count, ""));
        report.Documents = scorer.Documents;
        scorer.WriteTo(report);
        var clusters = Path.Combine(directory, ClusterGold.FileName);
        if (File.Exists(clusters))
            ClusterEvaluation.Score(articles, ClusterGold.Read(clusters), report);
        return report;
    }
}
