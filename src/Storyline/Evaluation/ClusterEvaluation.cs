using System.Globalization;
using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Evaluation;

/// <summary>
/// Scores the cross-document view (Stories/) against <c>clusters.gold.json</c>, twice: on what the pipeline found
/// (each predicted statement or event mapped to the gold one it overlaps by half, as <see cref="GoldScorer"/> does),
/// and on the gold statements and events themselves ("oracle mentions"), which measures the clustering alone.
/// </summary>
public static class ClusterEvaluation
{
    /// <summary>One article: its file name (as the gold names it), what the pipeline made of it, and its gold.</summary>
    public sealed record Article(string Name, Document Predicted, GoldFile Gold);

    private sealed record Run(ClusteringScores Statements, ClusteringScores Events, double DisputeRecall, int Disputes);

    public static void Score(IReadOnlyList<Article> articles, ClusterGold gold, EvalReport report, ClusteringSettings? settings = null)
    {
        var goldStatements = GoldClustering(articles, a => a.Gold.Statements.Select(s => s.Text), gold.StatementClusters, "statement", report);
        var goldEvents = GoldClustering(articles, a => a.Gold.Events.Select(e => e.Text), gold.EventClusters, "event", report);

        var pipeline = Evaluate(articles.Select(a => (a, a.Predicted)).ToList(), gold, goldStatements, goldEvents, settings);
        var oracle = Evaluate(articles.Select(a => (a, OracleDocument(a))).ToList(), gold, goldStatements, goldEvents, settings);
        var singletons = ClusteringScorer.Score(goldStatements.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal), goldStatements);
        var eventSingletons = ClusteringScorer.Score(goldEvents.Keys.ToDictionary(k => k, k => k, StringComparer.Ordinal), goldEvents);

        Write(report, "clusters", pipeline);
        Write(report, "clusters.oracle", oracle);
        var rows = new List<IReadOnlyList<string>>
        {
            Row("statements", pipeline.Statements),
            Row("statements, oracle mentions", oracle.Statements),
            Row("  baseline: all singletons", singletons),
            Row("events", pipeline.Events),
            Row("events, oracle mentions", oracle.Events),
            Row("  baseline: all singletons", eventSingletons),
        };
        report.Tables.Add(new EvalTable("Clusters (B³ and pairwise)", ["", "B³ P", "B³ R", "B³ F1", "pair P", "pair R", "pair F1", "items"], rows));
        var p = EvalReport.Percent;
        report.Tables.Add(new EvalTable("Cross-document disputes", ["mentions", "recall", "of"],
        [
            ["pipeline", p(pipeline.DisputeRecall), $"{pipeline.Disputes} disputes"],
            ["oracle", p(oracle.DisputeRecall), $"{oracle.Disputes} disputes"],
        ]));
    }

    private static void Write(EvalReport report, string prefix, Run run)
    {
        foreach (var (name, s) in new[] { ("statements", run.Statements), ("events", run.Events) })
        {
            report.Scores[$"{prefix}.{name}.f1"] = s.B3F1;
            report.Scores[$"{prefix}.{name}.b3.precision"] = s.B3Precision;
            report.Scores[$"{prefix}.{name}.b3.recall"] = s.B3Recall;
            report.Scores[$"{prefix}.{name}.pairwise.precision"] = s.PairPrecision;
            report.Scores[$"{prefix}.{name}.pairwise.recall"] = s.PairRecall;
            report.Scores[$"{prefix}.{name}.pairwise.f1"] = s.PairF1;
        }
        report.Scores[$"{prefix}.disputes.recall"] = run.DisputeRecall;
    }

    private static IReadOnlyList<string> Row(string name, ClusteringScores s)
    {
        var p = EvalReport.Percent;
        return [name, p(s.B3Precision), p(s.B3Recall), p(s.B3F1), p(s.PairPrecision), p(s.PairRecall), p(s.PairF1), s.Items.ToString(CultureInfo.InvariantCulture)];
    }

    private static string ItemId(string document, string text) => document + "\u0001" + text;

    /// <summary>Every gold item of every article, mapped to its gold cluster; items in no cluster are singletons.</summary>
    private static Dictionary<string, string> GoldClustering(IReadOnlyList<Article> articles, Func<Article, IEnumerable<string>> texts,
        List<GoldCluster> clusters, string what, EvalReport report)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            foreach (var t in texts(a))
                map[ItemId(a.Name, t)] = "singleton:" + ItemId(a.Name, t);
        }
        foreach (var c in clusters)
        {
            foreach (var m in c.Members)
            {
                var id = ItemId(m.Document, m.Text);
                if (map.ContainsKey(id))
                    map[id] = c.Id;
                else
                    report.Notes.Add($"{ClusterGold.FileName}: {what} cluster {c.Id} names a member that is no {what} in {m.Document}'s gold: “{m.Text}”");
            }
        }
        return map;
    }

    /// <summary>A copy of the article's text carrying the gold statements and events instead of the predicted ones.</summary>
    public static Document OracleDocument(Article a)
    {
        var published = DateOnly.TryParseExact(a.Gold.Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var p) ? p : (DateOnly?)null;
        var metadata = new DocumentMetadata { Published = published, Outlet = a.Gold.Outlet, Title = a.Gold.Title, Language = a.Gold.Language };
        var text = a.Predicted.Text;
        var doc = new Document(text, metadata, a.Predicted.Id) { Lines = a.Predicted.Lines };
        doc.Statements = a.Gold.Statements
            .Select(s => (Gold: s, Span: GoldScorer.Locate(text, s.Text)))
            .Where(x => x.Span is not null)
            .Select(x =>
            {
                var saidOn = DateOnly.TryParseExact(x.Gold.SaidOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
                // As the dating stage does: an undated statement is placed on the publication date, flagged.
                return new Statement(x.Span!.Value, Kind(x.Gold.Kind), x.Gold.Speaker, SaidOn: saidOn ?? published, SaidOnIsPublication: saidOn is null);
            })
            .ToList();
        doc.Events = a.Gold.Events
            .Select(e => (Gold: e, Span: GoldScorer.Locate(text, e.Text)))
            .Where(x => x.Span is not null)
            .Select(x => new Event(x.Span!.Value, x.Gold.Type, x.Gold.Participants, x.Gold.Date, x.Gold.Place))
            .ToList();
        return doc;
    }

    private static StatementKind Kind(string kind) => Enum.TryParse<StatementKind>(kind, ignoreCase: true, out var k) ? k : StatementKind.Direct;

    private static Run Evaluate(List<(Article Article, Document Document)> docs, ClusterGold gold,
        Dictionary<string, string> goldStatements, Dictionary<string, string> goldEvents, ClusteringSettings? settings)
    {
        var index = new StoryIndex(settings);
        foreach (var (_, d) in docs)
            index.Add(d);
        var graph = index.Build();

        // mention key → gold item, by the ≥50% overlap rule
        var statementItems = new Dictionary<string, string>(StringComparer.Ordinal);
        var eventItems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (a, d) in docs)
        {
            MapMentions(a, d, d.Statements.Select(s => s.Content).ToList(), a.Gold.Statements.Select(s => s.Text).ToList(), statementItems);
            MapMentions(a, d, d.Events.Select(e => e.Span).ToList(), a.Gold.Events.Select(e => e.Text).ToList(), eventItems);
        }
        var predictedStatements = Assignments(graph.StatementClusters.SelectMany(c => c.Members.Select(m => (m.Key, c.Id))), statementItems);
        var predictedEvents = Assignments(graph.EventClusters.SelectMany(c => c.Members.Select(m => (m.Key, c.Id))), eventItems);

        var byName = docs.ToDictionary(x => x.Article.Name, x => x.Document, StringComparer.Ordinal);
        int total = 0, found = 0;
        foreach (var g in gold.Disputes)
        {
            if (!byName.TryGetValue(g.Claim.Document, out var cd) || !byName.TryGetValue(g.DisputedBy.Document, out var dd)
                || GoldScorer.Locate(cd.Text, g.Claim.Text) is not { } claim || GoldScorer.Locate(dd.Text, g.DisputedBy.Text) is not { } by)
                continue;
            total++;
            // A dispute is a pair: either passage may be found as the claim.
            if (graph.Disputes.Any(x =>
                (x.ClaimDocumentId == cd.Id && x.Claim.Overlaps(claim) && x.DisputedDocumentId == dd.Id && x.DisputedBy.Overlaps(by))
                || (x.ClaimDocumentId == dd.Id && x.Claim.Overlaps(by) && x.DisputedDocumentId == cd.Id && x.DisputedBy.Overlaps(claim))))
                found++;
        }
        return new Run(ClusteringScorer.Score(predictedStatements, goldStatements), ClusteringScorer.Score(predictedEvents, goldEvents),
            total == 0 ? 0 : (double)found / total, total);
    }

    private static void MapMentions(Article a, Document d, List<Span> predicted, List<string> goldTexts, Dictionary<string, string> into)
    {
        var goldSpans = goldTexts.Select(t => GoldScorer.Locate(d.Text, t)).ToList();
        foreach (var (p, g) in SpanMatcher.Match(predicted, goldSpans))
            into[$"{d.Id}:{predicted[p].Start}:{predicted[p].Length}"] = ItemId(a.Name, goldTexts[g]);
    }

    /// <summary>Gold item → predicted cluster, for the predicted mentions that matched a gold item.</summary>
    private static Dictionary<string, string> Assignments(IEnumerable<(string Key, string Cluster)> members, Dictionary<string, string> items)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, cluster) in members)
        {
            if (items.TryGetValue(key, out var item))
                map[item] = cluster;
        }
        return map;
    }
}
