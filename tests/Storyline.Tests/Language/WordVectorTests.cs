using Storyline.Language;

namespace Storyline.Tests.Language;

public class WordVectorTests
{
    private static (NerResources Resources, float[] Dense) TinyModel()
    {
        var random = new Random(3);
        var values = new sbyte[WordVectors.Dimensions];
        var unit = new float[WordVectors.Dimensions];
        for (int d = 0; d < unit.Length; d++)
            unit[d] = (float)(random.NextDouble() - 0.5) / 5;
        WordVectors.Quantize(unit, values);
        var vectors = new WordVectors(new Dictionary<ulong, int> { [FeatureHash.Chars("paris")] = 0 }, values);
        var dense = new float[WordVectors.Dimensions * NerLabels.Count];
        for (int i = 0; i < dense.Length; i++)
            dense[i] = (float)(random.NextDouble() - 0.5);
        return (new NerResources([], [], vectors), dense);
    }

    [Fact]
    public void A_word_with_a_vector_scores_its_dot_product_with_each_labels_weights()
    {
        var (resources, dense) = TinyModel();
        const string text = "Paris said nothing";
        var tokens = Tokenizer.Tokenize(text);
        var document = new NerDocument(text, [.. tokens.Select(t => t.Span)], [(0, tokens.Count)], resources);
        var scores = new float[NerLabels.Count];
        document.AddVector(0, scores, dense);
        var vector = resources.Vectors.Of(0);
        for (int l = 0; l < NerLabels.Count; l++)
        {
            double expected = 0;
            for (int d = 0; d < WordVectors.Dimensions; d++)
                expected += vector[d] * WordVectors.Scale * dense[d * NerLabels.Count + l];
            Assert.Equal(expected, scores[l], 4);
        }
        Assert.Contains(scores, s => s != 0);

        var none = new float[NerLabels.Count];
        document.AddVector(1, none, dense);
        Assert.All(none, s => Assert.Equal(0, s));
    }

    [Fact]
    public void Vectors_and_their_weights_survive_saving_and_loading()
    {
        var (resources, dense) = TinyModel();
        var model = new NerModel(resources, [], [], 0, dense);
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var loaded = NerModel.Load(file);
        Assert.Equal(dense, loaded.Dense);
        Assert.Equal(resources.Vectors.Values, loaded.Resources.Vectors.Values);
        Assert.Equal(0, loaded.Resources.Vectors.Rows[FeatureHash.Chars("paris")]);
    }
}
