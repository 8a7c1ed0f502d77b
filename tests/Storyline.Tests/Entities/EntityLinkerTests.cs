using Storyline.Entities;

namespace Storyline.Tests.Entities;

public class EntityLinkerTests
{
    [Fact]
    public void A_bare_surname_links_to_the_one_person_of_the_corpus_with_that_surname()
    {
        var first = Annotate.Entities("Special envoy Mark Delaney met Pavel Orlov in Oslo.");
        var second = Annotate.Entities("Pavel Orlov said Mr. Delaney was kind.");
        Assert.Equal("person:delaney", second.EntityAt("Delaney")?.Id);

        new EntityLinker().Link([first, second]);

        var linked = second.EntityAt("Delaney");
        Assert.Equal("person:mark-delaney", linked?.Id);
        Assert.Equal("Mark Delaney", linked?.Name);
        Assert.Contains(linked!.Evidence!, e => e.Contains("surname", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spelling_variant_merges_into_the_frequent_spelling_when_context_is_shared()
    {
        var a = Annotate.Entities("Mark Delaney met Pavel Orlov and Aino Virtanen in Oslo. Delaney spoke. Delaney left.");
        var b = Annotate.Entities("Mark Delaney met Pavel Orlov and Aino Virtanen again.");
        var c = Annotate.Entities("Mark Delanney met Pavel Orlov and Aino Virtanen in Rome.");
        new EntityLinker().Link([a, b, c]);
        Assert.Equal("person:mark-delaney", c.EntityAt("Mark Delanney")?.Id);
    }

    [Fact]
    public void A_spelling_variant_without_shared_context_is_left_alone()
    {
        var a = Annotate.Entities("Mark Delaney met Pavel Orlov in Oslo.");
        var b = Annotate.Entities("Mark Delanney opened a bakery in Cork.");
        new EntityLinker().Link([a, b]);
        Assert.Equal("person:mark-delanney", b.EntityAt("Mark Delanney")?.Id);
    }

    [Fact]
    public void A_surname_two_people_share_is_not_linked_without_context()
    {
        var a = Annotate.Entities("Maria Lopez spoke in Madrid.");
        var b = Annotate.Entities("Carlos Lopez spoke in Lima.");
        var c = Annotate.Entities("The plan was fair, Lopez said.");
        new EntityLinker().Link([a, b, c]);
        Assert.Equal("misc:lopez", c.EntityAt("Lopez")?.Id);
    }
}
