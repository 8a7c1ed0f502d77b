using Storyline.Documents;
using Storyline.Entities;

namespace Storyline.Events;

/// <summary>
/// Adds what happened: <see cref="Document.Events"/> (meetings, visits, calls, ceasefires, sanctions …, see
/// README.md for the PLOVER/CAMEO mapping), <see cref="Document.Claims"/> (numeric claims with unit, subject and
/// claimant) and <see cref="Document.Disputes"/> (a claim and the sentence that denies or contests it).
/// Runs after the entity and statement stages: participants are canonical entities, claimants are speakers.
/// </summary>
public sealed class EventStage(EventLexicon lexicon, Lexicon words, AliasTable aliases) : IStage
{
    public EventStage()
        : this(EventLexicon.English, Lexicon.English, AliasTable.Default)
    {
    }

    public string Name => "events";

    public void Apply(Document document)
    {
        var sentences = SentenceWords.Of(document);
        document.Events = new EventFinder(lexicon, words, aliases).FindAll(document, sentences);
        document.Claims = new ClaimFinder(lexicon).FindAll(document, sentences);
        document.Disputes = new DisputeFinder(lexicon).FindAll(document, sentences);
    }
}
