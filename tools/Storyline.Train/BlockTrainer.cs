using System.Globalization;
using AngleSharp.Html.Parser;
using Storyline.Evaluation.Extraction;
using Storyline.Extraction;
using Storyline.Extraction.Html;

namespace Storyline.Train;

/// <summary>
/// <c>blocks-train --data NAEB_DIR --out models/blocks.bin [--epochs 8] [--seed 1] [--bits 15]</c>: the block
/// classifier (<see cref="BlockClassifier"/>). A block's label is whether the gold body holds at least half of its
/// word 4-grams. Logistic regression by stochastic gradient descent on NAEB train (loss weighted by block length,
/// so a long paragraph counts more than a button); the keep threshold is chosen on dev by the body F1 of the
/// benchmark's own metric. The test split is never read.
/// </summary>
internal static class BlockTrainer
{
    private sealed record Block(int[] Features, bool Gold, int Length, string Text, bool Heuristic, bool Headline);

    private sealed record Page(List<Block> Blocks, string? GoldBody);

    private static readonly double[] Thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];

    public static int Run(Dictionary<string, string> options)
    {
        var dir = options.GetValueOrDefault("data") ?? "/work/shared/data/extraction/naeb";
        var output = options.GetValueOrDefault("out") ?? "models/blocks.bin";
        int epochs = int.Parse(options.GetValueOrDefault("epochs") ?? "8", CultureInfo.InvariantCulture);
        int seed = int.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture);
        int bits = int.Parse(options.GetValueOrDefault("bits") ?? "15", CultureInfo.InvariantCulture);
        int mask = (1 << bits) - 1;
        var train = ReadPages(dir, "train", mask);
        var dev = ReadPages(dir, "dev", mask);
        Console.WriteLine($"train {train.Count} pages, {train.Sum(p => p.Blocks.Count)} blocks; dev {dev.Count} pages");

        double l2 = double.Parse(options.GetValueOrDefault("l2") ?? "1e-4", CultureInfo.InvariantCulture);
        bool average = (options.GetValueOrDefault("average") ?? "yes") == "yes";
        var weights = Fit(train, mask + 1, epochs, seed, l2, average);
        Console.WriteLine($"heuristics   train {Score(train, b => b.Heuristic)}  dev {Score(dev, b => b.Heuristic)}");
        double best = Thresholds[0], bestF1 = -1;
        foreach (var t in Thresholds)
        {
            bool Keep(Block b) => !b.Headline && BlockClassifier.Probability(weights, b.Features) >= t;
            var (devF1, devText) = (ScoreF1(dev, Keep), Score(dev, Keep));
            Console.WriteLine($"model ≥{t:0.00}  train {Score(train, Keep)}  dev {devText}");
            if (devF1 > bestF1)
                (best, bestF1) = (t, devF1);
        }
        // The model as a second opinion only: the heuristics' choice, changed where the model is sure.
        bool Confident(Block b) => !b.Headline && (b.Heuristic ? BlockClassifier.Probability(weights, b.Features) >= 0.1 : BlockClassifier.Probability(weights, b.Features) > 0.9);
        Console.WriteLine($"heuristics, changed where the model is sure (<0.1, >0.9)  train {Score(train, Confident)}  dev {Score(dev, Confident)}");
        var model = new BlockClassifier(weights, best);
        using (var file = File.Create(output))
            model.Save(file);
        Console.WriteLine($"threshold {best} (dev body F1 {bestF1:0.0000}); wrote {output} ({new FileInfo(output).Length:N0} bytes)");
        return 0;
    }

    private static List<Page> ReadPages(string dir, string split, int mask)
    {
        var articles = NaebEvaluator.ReadArticles(File.ReadAllText(Path.Combine(dir, "articles.json")));
        var splits = NaebEvaluator.ReadSplits(File.ReadAllText(Path.Combine(dir, "splits.json")));
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var pages = new List<Page>();
        foreach (var id in splits.GetValueOrDefault(split) ?? [])
        {
            var path = Path.Combine(dir, "html", id + ".html.gz");
            if (!articles.TryGetValue(id, out var gold) || !File.Exists(path))
                continue;
            using var document = parser.ParseDocument(NestingGuard.Limit(DatasetFiles.ReadHtml(path), out _));
            var blocks = new List<Block>();
            if (document.Body is { } body)
            {
                var reader = BlockReader.Read(body);
                var heuristic = ContentFinder.FindByHeuristics(reader, PhraseLexicon.Default);
                var choice = BlockFeatures.Chosen(reader.Blocks, heuristic);
                var goldShingles = ShingleScorer.Shingles(ShingleScorer.Tokens(gold.Body));
                var features = new List<int>();
                for (int i = 0; i < reader.Blocks.Count; i++)
                {
                    var b = reader.Blocks[i];
                    features.Clear();
                    BlockFeatures.Of(reader.Blocks, choice, i, mask, features);
                    var shingles = ShingleScorer.Shingles(ShingleScorer.Tokens(b.Text));
                    int total = shingles.Values.Sum(), hit = shingles.Sum(kv => Math.Min(kv.Value, goldShingles.GetValueOrDefault(kv.Key)));
                    blocks.Add(new Block([.. features], total > 0 && 2 * hit >= total, b.Text.Length, b.Text, choice.Chosen[i], b.Tag == "h1"));
                }
            }
            pages.Add(new Page(blocks, gold.Body));
        }
        return pages;
    }

    /// <summary>SGD on the log loss with a small L2 decay on the weights a step touches, learning rate 0.1/(1+epoch);
    /// with <paramref name="average"/>, the weights are the mean of the epochs' (steadier than the last epoch's).</summary>
    private static float[] Fit(List<Page> pages, int size, int epochs, int seed, double l2, bool average)
    {
        var examples = pages.SelectMany(p => p.Blocks).ToArray();
        var w = new double[size];
        var sum = new double[size];
        var random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(examples);
            double rate = 0.1 / (1 + epoch);
            foreach (var e in examples)
            {
                double z = 0;
                foreach (int f in e.Features)
                    z += w[f];
                double p = 1 / (1 + Math.Exp(-Math.Clamp(z, -30, 30)));
                double g = (p - (e.Gold ? 1 : 0)) * Math.Min(3, 1 + Math.Log(1 + e.Length / 100.0));
                foreach (int f in e.Features)
                    w[f] -= rate * (g + l2 * w[f]);
            }
            for (int i = 0; i < size; i++)
                sum[i] += w[i];
        }
        var final = average ? sum.Select(x => x / epochs) : w;
        return [.. final.Select(x => Math.Abs(x) < 1e-3 ? 0f : (float)x)];
    }

    private static double ScoreF1(List<Page> pages, Func<Block, bool> keep) => Scorer(pages, keep).F1;

    private static string Score(List<Page> pages, Func<Block, bool> keep)
    {
        var s = Scorer(pages, keep);
        return string.Create(CultureInfo.InvariantCulture, $"P {s.Precision:0.0000} R {s.Recall:0.0000} F1 {s.F1:0.0000}");
    }

    private static ShingleScorer Scorer(List<Page> pages, Func<Block, bool> keep)
    {
        var scorer = new ShingleScorer();
        foreach (var p in pages)
            scorer.Add(string.Join("\n", p.Blocks.Where(keep).Select(b => b.Text)), p.GoldBody);
        return scorer;
    }
}
