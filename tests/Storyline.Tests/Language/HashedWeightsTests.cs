using Storyline.Language;

namespace Storyline.Tests.Language;

public class HashedWeightsTests
{
    [Theory]
    [InlineData(17)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(7)]
    [InlineData(13)]
    public void Adds_rows_to_exactly_the_floats_of_adding_them_one_by_one(int labels)
    {
        var random = new Random(5);
        var weights = Enumerable.Range(0, 50 * labels).Select(_ => (float)(random.NextDouble() * 2 - 1) * 1e3f).ToArray();
        var rows = Enumerable.Range(0, 40).Select(_ => random.Next(50)).ToArray();
        var start = Enumerable.Range(0, labels).Select(_ => (float)random.NextDouble()).ToArray();

        var expected = (float[])start.Clone();
        foreach (int row in rows)
        {
            for (int l = 0; l < labels; l++)
                expected[l] += weights[row * labels + l];
        }
        var scores = (float[])start.Clone();
        HashedWeights.AddRows(scores, weights, rows);

        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), scores.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Refuses_a_row_the_weights_do_not_have()
    {
        var scores = new float[17];
        Assert.Throws<ArgumentOutOfRangeException>(() => HashedWeights.AddRows(scores, new float[2 * 17], [0, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HashedWeights.AddRows(scores, new float[2 * 17], [-1]));
    }
}
