using AngleSharp.Html.Parser;
using Storyline.Extraction;
using Storyline.Extraction.Html;
using Storyline.Language;

namespace Storyline.Tests.Extraction;

public class BlockClassifierTests
{
    private const string Page = "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><main><article>"
        + "<h1>Council approves the new bridge</h1>"
        + "<p>The council voted on Tuesday to approve the new bridge, ending years of debate about its cost, its route and who should pay for it.</p>"
        + "<p>Work starts in spring, the mayor said, and the first cars should cross it in three years, if the weather and the budget allow.</p>"
        + "</article></main><div><p>Sign up for our newsletter to get the news first, every morning, in your inbox.</p></div></body></html>";

    private static BlockReader Read()
    {
        var document = new HtmlParser().ParseDocument(Page);
        return BlockReader.Read(document.Body!);
    }

    /// <summary>A model that only believes the heuristics: weight on "the heuristics chose this block" and against the opposite.</summary>
    private static BlockClassifier Believer(int bits = 10)
    {
        var weights = new float[1 << bits];
        int mask = weights.Length - 1;
        weights[(int)(FeatureHash.Of(1, 1) & (ulong)mask)] = 20;
        weights[(int)(FeatureHash.Of(1, 0) & (ulong)mask)] = -20;
        return new BlockClassifier(weights, 0.5);
    }

    [Fact]
    public void A_model_that_believes_the_heuristics_keeps_what_they_keep_except_the_headline()
    {
        var page = Read();
        var heuristic = ContentFinder.FindByHeuristics(page, PhraseLexicon.Default);

        var kept = Believer().Select(page.Blocks, heuristic);

        Assert.Equal(2, kept.Count);
        Assert.Equal(heuristic.Where(b => b.Tag != "h1").Select(b => b.Text), kept.Select(b => b.Text));
        Assert.DoesNotContain(kept, b => b.Text.Contains("newsletter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_weights_and_threshold()
    {
        var page = Read();
        var heuristic = ContentFinder.FindByHeuristics(page, PhraseLexicon.Default);
        var model = Believer();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = BlockClassifier.Load(stream);

        Assert.Equal(model.Threshold, loaded.Threshold);
        Assert.Equal(model.Select(page.Blocks, heuristic), loaded.Select(page.Blocks, heuristic));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        Assert.Throws<InvalidDataException>(() => BlockClassifier.Load(stream));
    }

    [Fact]
    public void Every_feature_index_falls_inside_the_table()
    {
        var page = Read();
        var choice = BlockFeatures.Chosen(page.Blocks, ContentFinder.FindByHeuristics(page, PhraseLexicon.Default));
        var features = new List<int>();
        for (int i = 0; i < page.Blocks.Count; i++)
            BlockFeatures.Of(page.Blocks, choice, i, 255, features);

        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.InRange(f, 0, 255));
    }
}
