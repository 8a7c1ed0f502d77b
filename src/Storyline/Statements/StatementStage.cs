using Storyline.Documents;

namespace Storyline.Statements;

public sealed class StatementStage : IStage
{
    public string Name => "statements";

    public void Apply(Document document)
    {
    }
}
