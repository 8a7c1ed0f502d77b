using System.Globalization;
using Storyline.Evaluation;
using Storyline.Language;

namespace Storyline.Train;

/// <summary>
/// <c>score --file CONLL --model A.bin[,B.bin…]</c>: entity-level P/R/F1 of one or more model files on a CoNLL file, to
/// compare candidate models on a dev split (or re3d's train split, as an out-of-domain dev set) before one is shipped.
/// </summary>
internal static class Score
{
    public static int Run(Dictionary<string, string> options)
    {
        var file = options.GetValueOrDefault("file") ?? throw new ArgumentException("--file is required");
        var documents = ConllReader.Read(file);
        foreach (var model in (options.GetValueOrDefault("model") ?? "models/ner.bin").Split(','))
        {
            var score = ConllEvaluator.Score(documents, EntityRecognizer.Load(model));
            string F(Counts c) => (c.F1 * 100).ToString("0.00", CultureInfo.InvariantCulture);
            Console.WriteLine($"{model}: P {score.All.Precision * 100:0.00} R {score.All.Recall * 100:0.00} F1 {F(score.All)}"
                + $"  PER {F(score.Of("PER"))} ORG {F(score.Of("ORG"))} LOC {F(score.Of("LOC"))} MISC {F(score.Of("MISC"))}");
        }
        return 0;
    }
}
