using Storyline.Language;

namespace Storyline.Train;

/// <summary>
/// Structured perceptron training of the recogniser with beam search and max-violation updates (Collins and Roark,
/// 2004; Huang, Fayong and Guo, 2012): each sentence is decoded with the beam on raw summed scores, as a model
/// trained this way is decoded (temperature 0), and where the best prefix beats the gold prefix by the most, the
/// weights move towards the gold prefix's features and away from the predicted one's.
/// </summary>
internal static class BeamTraining
{
    /// <summary>
    /// One pass over <paramref name="document"/>, which must be resolved against <paramref name="table"/>;
    /// <paramref name="dense"/> holds the weights of the word vectors' dimensions, trained alongside the features'.
    /// </summary>
    public static void Train(NerDocument document, ReadOnlySpan<byte> gold, Perceptron perceptron, Perceptron dense, FeatureTable table, int beam)
    {
        var weights = perceptron.Weights;
        var history = new NerDocument.History();
        var lattice = BeamLattice.For(document, beam);
        // Whether each kept sequence is the gold prefix so far.
        var slotGold = new bool[lattice.Positions * beam];
        var predicted = new byte[lattice.Positions];
        Span<int> rows = stackalloc int[NerDocument.MaxStatic + NerDocument.MaxDynamic];
        Span<float> scores = stackalloc float[NerLabels.Count];
        foreach (var (first, count) in document.Sentences)
        {
            double goldScore = 0, worst = double.NegativeInfinity;
            int at = -1;
            for (int i = 0; i < count; i++)
            {
                int token = first + i;
                var (gy1, gy2) = document.Previous(token, gold);
                Scores(document, table, weights, dense.Weights, token, gy1, gy2, history, rows, scores);
                goldScore += scores[gold[token]];

                lattice.Open(i);
                for (int p = 0, parents = lattice.Parents(i); p < parents; p++)
                {
                    var (y1, y2, baseScore) = lattice.Prefix(i, p);
                    Scores(document, table, weights, dense.Weights, token, y1, y2, history, rows, scores);
                    byte previous = i == 0 ? NerLabels.Outside : y1;
                    for (byte l = 0; l < NerLabels.Count; l++)
                    {
                        if (NerLabels.Allowed(previous, l) && (i < count - 1 || NerLabels.CanEnd(l)))
                            lattice.Offer(i, baseScore + scores[l], p, l);
                    }
                }
                for (int k = 0; k < lattice.Count(i); k++)
                    slotGold[i * beam + k] = lattice.Label(i, k) == gold[token] && (i == 0 || slotGold[(i - 1) * beam + lattice.Parent(i, k)]);
                // The prefix where the beam's best is wrong by the widest margin is the one to learn from.
                if (!slotGold[i * beam] && lattice.Score(i, 0) - goldScore >= worst)
                    (worst, at) = (lattice.Score(i, 0) - goldScore, i);
            }
            lattice.Backtrack(count - 1, predicted);
            if (at >= 0 && worst >= 0)
            {
                var wrong = predicted.AsSpan(0, at + 1);
                lattice.Backtrack(at, wrong);
                Update(document, table, perceptron, dense, first, gold, wrong, history, rows);
                lattice.Backtrack(count - 1, predicted);
            }
            for (int i = 0; i < count; i++)
            {
                perceptron.Next();
                dense.Next();
            }
            document.Remember(first, predicted.AsSpan(0, count), history);
        }
    }

    /// <summary>Moves the weights from the predicted prefix's features to the gold prefix's, where the two differ.</summary>
    private static void Update(NerDocument document, FeatureTable table, Perceptron perceptron, Perceptron dense, int first, ReadOnlySpan<byte> gold,
        ReadOnlySpan<byte> wrong, NerDocument.History history, Span<int> rows)
    {
        for (int i = 0; i < wrong.Length; i++)
        {
            int token = first + i;
            var (gy1, gy2) = document.Previous(token, gold);
            byte py1 = i > 0 ? wrong[i - 1] : NerDocument.NoLabel, py2 = i > 1 ? wrong[i - 2] : NerDocument.NoLabel;
            if (gold[token] == wrong[i] && gy1 == py1 && gy2 == py2)
                continue;
            perceptron.Add(rows[..Rows(document, table, token, gy1, gy2, history, rows)], gold[token], 1);
            perceptron.Add(rows[..Rows(document, table, token, py1, py2, history, rows)], wrong[i], -1);
            if (gold[token] != wrong[i])
            {
                dense.AddScaled(document.VectorOf(token), WordVectors.Scale, gold[token], 1);
                dense.AddScaled(document.VectorOf(token), WordVectors.Scale, wrong[i], -1);
            }
        }
    }

    private static void Scores(NerDocument document, FeatureTable table, float[] weights, float[] dense, int token, byte y1, byte y2,
        NerDocument.History history, Span<int> rows, Span<float> scores)
    {
        scores.Clear();
        // The vector's scores first, as the decoder adds them, so both sum the same floats in the same order.
        document.AddVector(token, scores, dense);
        HashedWeights.AddRows(scores, weights, rows[..Rows(document, table, token, y1, y2, history, rows)]);
    }

    /// <summary>The weight rows of the token's features after labels <paramref name="y1"/>, <paramref name="y2"/>.</summary>
    private static int Rows(NerDocument document, FeatureTable table, int token, byte y1, byte y2, NerDocument.History history, Span<int> rows)
    {
        var ids = document.StaticIds(token);
        ids.CopyTo(rows);
        int n = ids.Length;
        Span<ulong> features = stackalloc ulong[NerDocument.MaxDynamic];
        int count = document.DynamicFeatures(token, y1, y2, history, features);
        return n + table.KnownRows(features[..count], rows[n..]);
    }
}
