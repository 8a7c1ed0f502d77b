using Storyline.Entities;

namespace Storyline.Tests.Entities;

public class StringSimilarityTests
{
    [Theory]
    [InlineData("Witkoff", "Witkopf", true)]
    [InlineData("Zelensky", "Zelenskyy", true)]
    [InlineData("Kushner", "Kirchner", false)]
    [InlineData("Lee", "Lea", false)]
    [InlineData("Orlov", "Orlov", false)]
    public void Spelling_variants_are_close_long_names_sharing_a_first_letter(string a, string b, bool expected)
    {
        Assert.Equal(expected, StringSimilarity.AreSpellingVariants(a, b));
    }

    [Fact]
    public void Slugs_are_ascii_and_stable()
    {
        Assert.Equal("person:volodymyr-zelensky", EntityIds.For("PERSON", "Volodymyr Zelensky"));
        Assert.Equal("place:sao-paulo", EntityIds.For("PLACE", "São Paulo"));
        Assert.Equal("place:us", EntityIds.For("PLACE", "U.S."));
    }
}
