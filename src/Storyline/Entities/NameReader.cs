using Storyline.Documents;

namespace Storyline.Entities;

/// <summary>
/// Turns a run of words into a candidate: separates nationality and title ("Russian President") from the name
/// ("Vladimir Putin"), reads lower-case roles written before it ("special envoy"), and guesses a type.
/// Shared by the NER path (a mention's span) and the fallback finder (a run of capitalised words).
/// </summary>
internal sealed class NameReader(TextUnits units, AliasTable aliases, Lexicon lexicon)
{
    // Lower-case words that may sit between a nationality and a role: "US special envoy", "foreign policy adviser".
    private static readonly HashSet<string> RoleQualifiers = new(StringComparer.Ordinal)
    {
        "special", "senior", "top", "chief", "deputy", "foreign", "policy", "defense", "defence", "security", "national", "presidential", "former",
    };

    private const int MaxRoleLookBack = 4;

    /// <summary>Reads words [first, last] as a name; null when nothing name-like is left after the modifiers.</summary>
    public Candidate? Read(int first, int last, string? type = null, int mention = -1)
    {
        var w = units.Words;
        string Word(int i) => units.Of(w[i]);
        var known = aliases.ByName(Join(first, last));
        if (known is not null)
            return Make(first, last, known.Type, known, NameModifiers.None, mention);

        KnownEntity? nationality = null;
        Span? countryName = null;
        int i = first;
        while (i < last && aliases.ByAdjective(Word(i)) is { } adjective)
        {
            nationality = adjective;
            countryName = aliases.ByName(Word(i)) is not null ? w[i].Span : null;
            i++;
        }
        string? title = null, honorific = null;
        if (i < last && lexicon.Is("honorific", Word(i)))
        {
            honorific = Word(i);
            i++;
        }
        else if (MatchTitle(i, last) is { } t)
        {
            title = t.Title;
            i = t.Next;
        }
        if (title is null && honorific is null)
        {
            // "the Russian President": a nationality and a title with no name is a description, not a name.
            if (i > first && MatchTitle(i, last + 1) is { } bare && bare.Next == last + 1)
                return null;
            // "Russian Orthodox Church": a nationality not followed by a title is part of the name.
            i = first;
            nationality = null;
        }
        if (i > last || (i == last && aliases.ByAdjective(Word(i)) is not null && title is null))
            return null;

        var (role, roleNationality) = RoleBefore(first);
        var modifiers = new NameModifiers(nationality ?? roleNationality, title, role, honorific) { CountryNameSpan = nationality is null ? null : countryName };
        var knownName = aliases.ByName(Join(i, last));
        if (knownName is not null)
            return Make(i, last, knownName.Type, knownName, modifiers, mention);
        // The mention covers "U.S. President Donald Trump" whole: the title is how the text names him here.
        return Make(i, last, type ?? GuessType(i, last, modifiers), null, modifiers, mention, spanFirst: first);
    }

    private Candidate Make(int first, int last, string type, KnownEntity? known, NameModifiers modifiers, int mention, int spanFirst = -1)
    {
        var words = new List<string>();
        for (int k = first; k <= last; k++)
        {
            var word = units.Of(units.Words[k]);
            if (!lexicon.Is("connector", word) || char.IsUpper(word[0]))
                words.Add(word);
        }
        var span = Span.FromBounds(units.Words[spanFirst >= 0 ? spanFirst : first].Span.Start, units.Words[last].Span.End);
        return new Candidate(span, Join(first, last), words, type, known, modifiers, mention);
    }

    public string Join(int first, int last)
    {
        var parts = new string[last - first + 1];
        for (int k = first; k <= last; k++)
            parts[k - first] = units.Of(units.Words[k]);
        return string.Join(' ', parts);
    }

    /// <summary>The longest title starting at word <paramref name="i"/> that leaves at least one word for the name.</summary>
    private (string Title, int Next)? MatchTitle(int i, int last)
    {
        foreach (var title in lexicon.Titles)
        {
            if (i + title.Length > last)
                continue;
            bool match = true;
            for (int k = 0; k < title.Length && match; k++)
                match = string.Equals(units.Of(units.Words[i + k]), title[k].TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
            if (match)
                return (string.Join(' ', title).TrimEnd('.'), i + title.Length);
        }
        return null;
    }

    /// <summary>A lower-case role right before the name ("special envoy Steve Witkoff"), and a nationality before it.</summary>
    private (string? Role, KnownEntity? Nationality) RoleBefore(int first)
    {
        string? role = null;
        int k = first - 1;
        for (int steps = 0; k >= 0 && steps < MaxRoleLookBack; k--, steps++)
        {
            var w = units.Words[k];
            if (!units.OnlySpacesBetween(w.Span.End, units.Words[k + 1].Span.Start) || w.Possessive)
                break;
            var word = units.Of(w);
            var singular = word.EndsWith('s') ? word[..^1] : word;
            if (role is null && char.IsLower(word[0]) && (lexicon.Is("role", word) || lexicon.Is("role", singular)))
                role = lexicon.Is("role", word) ? word : singular;
            else if (role is not null && char.IsLower(word[0]) && RoleQualifiers.Contains(word))
                continue;
            else
                break;
        }
        KnownEntity? nationality = null;
        if (role is not null && k >= 0 && units.OnlySpacesBetween(units.Words[k].Span.End, units.Words[k + 1].Span.Start))
            nationality = aliases.ByAdjective(units.Of(units.Words[k]));
        return (role, nationality);
    }

    private string GuessType(int first, int last, NameModifiers modifiers)
    {
        bool placeWord = false, connector = false;
        for (int k = first; k <= last; k++)
        {
            var word = units.Of(units.Words[k]);
            if (lexicon.Is("org", word))
                return "ORG";
            if (aliases.ByName(word) is { Type: "PLACE" or "ORG" })
                placeWord = true;
            if (lexicon.Is("connector", word))
                connector = true;
        }
        int count = last - first + 1;
        if (count == 1 && units.Of(units.Words[first]) is { Length: >= 2 and <= 6 } single && single.All(c => char.IsUpper(c) || c == '.'))
            return "ORG";
        // "India Today", "The Moscow Times": a name built on a place name is an organisation, not a person.
        if (placeWord || connector || units.Of(units.Words[first]) == "The")
            return "ORG";
        if (modifiers.MarksPerson || count is 2 or 3)
            return "PERSON";
        // "in Vell": a lone unknown name right after "in" is a place far more often than not.
        if (count == 1 && first > 0 && units.Of(units.Words[first - 1]) == "in" && units.OnlySpacesBetween(units.Words[first - 1].Span.End, units.Words[first].Span.Start))
            return "PLACE";
        return "MISC";
    }
}
