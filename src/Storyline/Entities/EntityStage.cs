using Storyline.Documents;

namespace Storyline.Entities;

public sealed class EntityStage : IStage
{
    public string Name => "entities";

    public void Apply(Document document)
    {
    }
}
