using Storyline.Language;
using Storyline.Statements;

namespace Storyline.Train;

/// <summary>
/// An averaged perceptron over rows of per-label weights (one row per hashed feature), as both taggers train
/// (the recogniser token by token, the attribution tagger by whole label sequences).
/// </summary>
internal sealed class Perceptron(int rows, int labels) : IPerceptronUpdate, IRoleUpdate
{
    private readonly double[] _totals = new double[rows * labels];
    private long _clock = 1;

    public float[] Weights { get; } = new float[rows * labels];

    public void Update(ReadOnlySpan<int> rows, byte gold, byte predicted)
    {
        foreach (int row in rows)
        {
            int g = row * labels + gold, p = row * labels + predicted;
            Weights[g] += 1;
            _totals[g] += _clock;
            Weights[p] -= 1;
            _totals[p] -= _clock;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to one label's weight on each row (a structured update moves the gold and the predicted sequence's rows apart, which differ where their labels do).</summary>
    public void Add(ReadOnlySpan<int> rows, byte label, float delta)
    {
        foreach (int row in rows)
        {
            int at = row * labels + label;
            Weights[at] += delta;
            _totals[at] += _clock * (double)delta;
        }
    }

    /// <summary>
    /// Adds <paramref name="delta"/> times each value to one label's weight on the row of the same index (the rows of
    /// real-valued features, such as a word vector's dimensions).
    /// </summary>
    public void AddScaled(ReadOnlySpan<sbyte> values, float scale, byte label, float delta)
    {
        for (int row = 0; row < values.Length; row++)
        {
            float step = delta * values[row] * scale;
            int at = row * labels + label;
            Weights[at] += step;
            _totals[at] += _clock * (double)step;
        }
    }

    public void Next() => _clock++;

    /// <summary>The average of the weights over all steps so far (Daumé's trick: w − Σ c·Δ / c).</summary>
    public float[] Averaged()
    {
        var averaged = new float[Weights.Length];
        for (int i = 0; i < averaged.Length; i++)
            averaged[i] = (float)(Weights[i] - _totals[i] / _clock);
        return averaged;
    }
}
