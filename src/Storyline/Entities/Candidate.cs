using Storyline.Documents;

namespace Storyline.Entities;

/// <summary>What the words around a name say about who it is: "Russian President", "special envoy", "Mr.".</summary>
internal sealed record NameModifiers(KnownEntity? Nationality = null, string? Title = null, string? Role = null, string? Honorific = null)
{
    /// <summary>Where the nationality was written, when it is also a name of the country ("US" in "US President").</summary>
    public Span? CountryNameSpan { get; init; }

    public static NameModifiers None { get; } = new();

    public bool MarksPerson => Title is not null || Role is not null || Honorific is not null;
}

/// <summary>A mention before clustering: where the name is, what it says, and what was written around it.</summary>
/// <param name="Span">The name itself, without titles ("Vladimir Putin" in "President Vladimir Putin").</param>
/// <param name="Name">The name as written, words joined by single spaces.</param>
/// <param name="Words">The name's words (for surname matching).</param>
/// <param name="Type">PERSON, ORG, PLACE or MISC, from the tagger or guessed from the words.</param>
/// <param name="Known">The curated entry the name matches, if any.</param>
/// <param name="Modifiers">Nationality, title, role written around the name.</param>
/// <param name="Mention">Index of the NER mention this came from, or -1 for the fallback finder.</param>
internal sealed record Candidate(Span Span, string Name, IReadOnlyList<string> Words, string Type, KnownEntity? Known, NameModifiers Modifiers, int Mention = -1)
{
    public string Last => Words[^1];

    public string First => Words[0];

    public bool IsAcronym => Words.Count == 1 && Name.Length is >= 2 and <= 6 && Name.All(c => char.IsUpper(c) || c == '.');
}
