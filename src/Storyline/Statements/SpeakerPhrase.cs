using Storyline.Documents;

namespace Storyline.Statements;

internal enum SpeakerKind : byte
{
    /// <summary>A proper name: "Russian President Vladimir Putin", "the Kremlin", "Kommersant".</summary>
    Name,

    /// <summary>"he", "she", "they", "it" (and object forms after "according to").</summary>
    Pronoun,

    /// <summary>A title or description: "the Russian leader", "the publication", "The Russian".</summary>
    Description,

    /// <summary>An unnamed source: "a Ukrainian source", "Sources at the meeting", "officials".</summary>
    Anonymous,
}

/// <summary>
/// The words naming who spoke, as written. <see cref="Head"/> is the part that identifies the speaker (the name
/// without its titles, the pronoun, the description) and <see cref="Span"/> the whole phrase.
/// </summary>
internal sealed record SpeakerPhrase(Span Span, SpeakerKind Kind, Span Head, string? Demonym = null, string? Role = null);
