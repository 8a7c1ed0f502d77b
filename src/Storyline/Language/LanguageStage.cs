using Storyline.Documents;

namespace Storyline.Language;

public sealed class LanguageStage : IStage
{
    public string Name => "language";

    public void Apply(Document document)
    {
    }
}
