using System.Diagnostics;
using System.Globalization;
using Storyline.Documents;
using Storyline.Evaluation;
using Storyline.Ingest;
using Storyline.Language;
using Storyline.Statements;

namespace Storyline.Train;

/// <summary>
/// Trains the attribution tagger (<c>roles</c>): an averaged perceptron labelling each prose paragraph's tokens as
/// PolNeAR source, cue or content (BIO), over the features of <see cref="RoleSequence"/>: a structured perceptron,
/// decoded by the same beam search as at inference and updated where the gold sequence trails the beam most. Trained on PolNeAR train with one annotation file per article (the lexicographically first, as its
/// SOURCE.md says); the epoch and the confidence temperature are chosen on dev; test is never read here. The rules'
/// reading of each paragraph is a feature, so the documents are run through the pipeline with the model off.
/// </summary>
internal static class RoleTrainer
{
    public static int Run(Dictionary<string, string> options)
    {
        var clock = Stopwatch.StartNew();
        string data = options.GetValueOrDefault("data") ?? throw new ArgumentException("--data DIR (PolNeAR root) is required");
        string output = options.GetValueOrDefault("out") ?? "models/attribution.bin";
        int epochs = int.Parse(options.GetValueOrDefault("epochs") ?? "12", CultureInfo.InvariantCulture);
        int seed = int.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture);
        int minCount = int.Parse(options.GetValueOrDefault("min-count") ?? "2", CultureInfo.InvariantCulture);
        int limit = int.Parse(options.GetValueOrDefault("limit") ?? "100000", CultureInfo.InvariantCulture);
        int beam = int.Parse(options.GetValueOrDefault("beam") ?? "8", CultureInfo.InvariantCulture);

        var stages = Pipeline.DefaultStages().TakeWhile(s => s is not StatementStage).Append(new StatementStage(AttributionModelUse.Rules)).ToList();
        var pipeline = new Pipeline(new Extraction.ArticleExtractor(), stages);
        var resources = EntityRecognizer.Default.Model.Resources;
        var train = Read(Path.Combine(data, "data", "train"), pipeline, resources, limit);
        var dev = Read(Path.Combine(data, "data", "dev"), pipeline, resources, limit);
        Console.WriteLine($"train {train.Count} articles / {train.Sum(a => a.Sequences.Count)} paragraphs, dev {dev.Count} articles ({clock.Elapsed.TotalSeconds:0}s)");
        Console.WriteLine($"gold tokens outside the tagged paragraphs: train {Uncovered(train):P1}");

        var trainSequences = train.SelectMany(a => a.Sequences.Select((s, i) => (Sequence: s, Gold: a.Gold[i]))).ToList();
        var rows = FeatureRows(trainSequences, minCount);
        Console.WriteLine($"{rows.Count} features ({clock.Elapsed.TotalSeconds:0}s)");
        var table = new FeatureTable(rows);
        foreach (var (sequence, _) in trainSequences)
            sequence.Resolve(table);
        foreach (var article in dev)
        {
            foreach (var sequence in article.Sequences)
                sequence.Resolve(table);
        }

        var perceptron = new Perceptron(rows.Count, RoleLabels.Count);
        var random = new Random(seed);
        var order = Enumerable.Range(0, trainSequences.Count).ToArray();
        (float[] Weights, int Epoch, double Score) best = ([], 0, -1);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int updates = 0;
            foreach (int i in order)
            {
                var (sequence, gold) = trainSequences[i];
                if (RoleDecoder.Train(sequence, perceptron.Weights, table, beam, gold, perceptron))
                    updates++;
            }
            var averaged = perceptron.Averaged();
            var report = Score(dev, averaged, table, beam, 1);
            double score = Objective(report);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch,2}: {updates} updates; dev content F1 {report.Scores["statements.f1"] * 100:0.0} exact {report.Scores["statements.exact.f1"] * 100:0.0} source {report.Scores["statements.speaker.overlap.f1"] * 100:0.0} cue {report.Scores["statements.cue.f1"] * 100:0.0} ({clock.Elapsed.TotalSeconds:0}s)"));
            if (score > best.Score)
                best = (averaged, epoch, score);
        }
        float temperature = Temperature(dev, best.Weights, table, beam);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: epoch {best.Epoch}; temperature {temperature}"));

        var model = new RoleModel(rows, best.Weights, temperature, beam);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
            model.Save(file);
        using (var file = File.OpenRead(output))
        {
            var reloaded = RoleModel.Load(file);
            foreach (var article in dev)
            {
                foreach (var sequence in article.Sequences)
                    sequence.Resolve(reloaded.Table);
            }
            var report = Score(dev, reloaded.Weights, reloaded.Table, reloaded.Beam, reloaded.Temperature);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"saved {output}: {new FileInfo(output).Length / 1024} KiB, {reloaded.Rows.Count} features; reloaded dev (model only) content F1 {report.Scores["statements.f1"] * 100:0.0} exact {report.Scores["statements.exact.f1"] * 100:0.0} source {report.Scores["statements.speaker.overlap.f1"] * 100:0.0} ({clock.Elapsed.TotalSeconds:0}s)"));
        }
        return 0;
    }

    /// <summary>What the epoch is chosen by: content (overlap and exact) and source F1 alike.</summary>
    private static double Objective(EvalReport report) =>
        (report.Scores["statements.f1"] + report.Scores["statements.exact.f1"] + report.Scores["statements.speaker.overlap.f1"]) / 3;

    /// <summary>An article: its document (after the pipeline, model off), its tagged paragraphs, their gold labels and its gold relations.</summary>
    private sealed record Article(Document Document, List<RoleSequence> Sequences, List<byte[]> Gold, List<BratAttribution> Relations, int GoldTokens, int CoveredTokens);

    private static List<Article> Read(string split, Pipeline pipeline, NerResources resources, int limit)
    {
        var articles = new List<Article>();
        foreach (var (textPath, annPath) in PolnearEvaluator.Pairs(split).Take(limit))
        {
            var text = File.ReadAllText(textPath);
            List<BratAttribution> gold;
            List<(Span Span, Role Role, int Attribution)> roles;
            using (var reader = new StreamReader(annPath))
                (gold, roles) = ReadRoles(reader, Path.GetFileName(annPath), text.Length);
            var document = pipeline.Process(new SourceDocument(textPath, text, ContentKind.Text));
            var paragraphs = StatementStage.Taggable(document);
            var sequences = new List<RoleSequence>();
            var labels = new List<byte[]>();
            int covered = 0;
            foreach (var p in paragraphs)
            {
                if (p.Tokens.Count == 0)
                    continue;
                sequences.Add(new RoleSequence(p, resources, StatementLexicon.English, document.Mentions, document.Statements));
                var inside = roles.Where(r => r.Span.Overlaps(p.Span));
                var encoded = RoleLabels.Encode(p.Tokens, inside);
                covered += encoded.Count(l => l != RoleLabels.Outside);
                labels.Add(encoded);
            }
            int goldTokens = CountGoldTokens(document, roles);
            articles.Add(new Article(document, sequences, labels, gold, goldTokens, covered));
        }
        return articles;
    }

    /// <summary>The relations (as the evaluator reads them) and every role span, each with its relation's index.</summary>
    private static (List<BratAttribution>, List<(Span, Role, int)>) ReadRoles(TextReader reader, string name, int length)
    {
        var relations = BratAttributions.Parse(reader, name, length);
        var roles = new List<(Span, Role, int)>();
        for (int i = 0; i < relations.Count; i++)
        {
            var r = relations[i];
            roles.Add((r.Content, Role.Content, i));
            if (r.Cue is { } cue)
                roles.Add((cue, Role.Cue, i));
            if (r.Source is { } source)
                roles.Add((source, Role.Source, i));
        }
        return (relations, roles);
    }

    private static int CountGoldTokens(Document document, List<(Span Span, Role Role, int Attribution)> roles)
    {
        int count = 0;
        foreach (var token in document.Tokens)
        {
            if (roles.Exists(r => r.Span.Contains(token.Span)))
                count++;
        }
        return count;
    }

    private static double Uncovered(List<Article> articles)
    {
        double gold = articles.Sum(a => a.GoldTokens), covered = articles.Sum(a => a.CoveredTokens);
        return gold == 0 ? 0 : Math.Max(0, 1 - covered / gold);
    }

    /// <summary>Rows for static features seen at least <paramref name="minCount"/> times and for label features of the gold sequences.</summary>
    private static Dictionary<ulong, int> FeatureRows(List<(RoleSequence Sequence, byte[] Gold)> sequences, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        Span<ulong> features = stackalloc ulong[RoleSequence.MaxStatic];
        foreach (var (sequence, gold) in sequences)
        {
            int seen = 0;
            for (int i = 0; i < sequence.Count; i++)
            {
                if (sequence.StartsSentence(i))
                    seen = 0;
                int n = sequence.StaticFeatures(i, features);
                for (int f = 0; f < n; f++)
                    counts[features[f]] = counts.GetValueOrDefault(features[f]) + 1;
                byte y1 = i > 0 ? gold[i - 1] : RoleSequence.NoLabel, y2 = i > 1 ? gold[i - 2] : RoleSequence.NoLabel;
                n = sequence.DynamicFeatures(i, y1, y2, seen, features);
                for (int f = 0; f < n; f++)
                    counts[features[f]] = counts.GetValueOrDefault(features[f]) + minCount;
                seen |= 1 << (int)RoleLabels.RoleOf(gold[i]);
            }
        }
        var rows = new Dictionary<ulong, int>();
        foreach (var (feature, count) in counts.OrderBy(p => p.Key))
        {
            if (count >= minCount)
                rows[feature] = rows.Count;
        }
        return rows;
    }

    /// <summary>The evaluator's scores of the model's attributions alone on already resolved articles.</summary>
    private static EvalReport Score(List<Article> articles, float[] weights, FeatureTable table, int beam, float temperature)
    {
        var scorer = new AttributionScorer();
        foreach (var article in articles)
        {
            var statements = new List<Statement>();
            for (int i = 0; i < article.Sequences.Count; i++)
            {
                var sequence = article.Sequences[i];
                var labels = new byte[sequence.Count];
                var probabilities = new float[sequence.Count];
                RoleDecoder.Decode(sequence, weights, table, beam, labels, probabilities, temperature);
                foreach (var a in AttributionTagger.Group(sequence.Paragraph, i, labels, probabilities))
                    statements.Add(new Statement(a.Content, StatementKind.Indirect, null, a.Source, a.Cue, Confidence: a.Confidence));
            }
            // The rules' statements were read into the sequences' features already; the scorer reads the document's.
            article.Document.Statements = statements;
            scorer.Add(article.Document, article.Relations);
        }
        var report = new EvalReport("polnear/dev", "polnear");
        scorer.WriteTo(report);
        return report;
    }

    /// <summary>The softmax temperature under which the gold labels of dev are likeliest (so confidences read as probabilities).</summary>
    private static float Temperature(List<Article> dev, float[] weights, FeatureTable table, int beam)
    {
        float best = 1;
        double bestLoss = double.MaxValue;
        foreach (float t in new[] { 8f, 16f, 32f, 64f, 128f, 256f, 512f, 1024f })
        {
            double loss = 0;
            int tokens = 0;
            foreach (var article in dev)
            {
                for (int i = 0; i < article.Sequences.Count; i++)
                {
                    var sequence = article.Sequences[i];
                    var labels = new byte[sequence.Count];
                    var probabilities = new float[sequence.Count];
                    RoleDecoder.Decode(sequence, weights, table, beam, labels, probabilities, t);
                    for (int k = 0; k < labels.Length; k++)
                    {
                        // The chosen label's probability where it is right, its complement where it is wrong.
                        double p = Math.Clamp(probabilities[k], 1e-6, 1 - 1e-6);
                        loss -= Math.Log(labels[k] == article.Gold[i][k] ? p : 1 - p);
                        tokens++;
                    }
                }
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"temperature {t}: dev log loss {loss / Math.Max(1, tokens):0.0000}"));
            if (loss < bestLoss)
                (best, bestLoss) = (t, loss);
        }
        return best;
    }
}
