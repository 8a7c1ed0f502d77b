using Storyline.Extraction;

namespace Storyline.Tests.Extraction;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The storm forced hundreds of families to leave their homes, and the army was sent to help them.")]
    [InlineData("de", "Der Sturm zwang Hunderte Familien, ihre Häuser zu verlassen, und die Armee wurde geschickt, um ihnen zu helfen.")]
    [InlineData("fr", "La tempête a obligé des centaines de familles à quitter leur maison, et l'armée a été envoyée pour les aider.")]
    [InlineData("es", "La tormenta obligó a cientos de familias a abandonar sus casas, y el ejército fue enviado para ayudarlas.")]
    [InlineData("pt", "A tempestade obrigou centenas de famílias a deixar as suas casas, e o exército foi enviado para ajudá-las.")]
    [InlineData("ru", "Шторм вынудил сотни семей покинуть свои дома, и на помощь им была направлена армия.")]
    [InlineData("uk", "Шторм змусив сотні родин залишити свої домівки, і на допомогу їм було направлено армію.")]
    public void Tells_the_languages_it_ships(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Default.Detect(text));

    [Fact]
    public void Does_not_guess_on_a_few_letters() => Assert.Null(LanguageDetector.Default.Detect("OK 123"));
}
