using Storyline.Documents;

namespace Storyline.Events;

public sealed class EventStage : IStage
{
    public string Name => "events";

    public void Apply(Document document)
    {
    }
}
