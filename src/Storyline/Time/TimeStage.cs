using Storyline.Documents;

namespace Storyline.Time;

public sealed class TimeStage : IStage
{
    public string Name => "time";

    public void Apply(Document document)
    {
    }
}
