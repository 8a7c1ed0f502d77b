namespace Storyline.Statements;

/// <summary>
/// The statement stage's own speaker resolution, used where the entity stage has not linked a mention: learns the
/// people of one document from its names and appositions ("Russian President Vladimir Putin" ⇒ a Russian president
/// named Vladimir Putin, surname Putin), then resolves surnames, pronouns and descriptions ("the Russian leader")
/// to the most recent fitting person. Knows no names in advance; everything comes from the document.
/// </summary>
internal sealed class LocalNameResolver : INameEvidence
{
    private readonly StatementLexicon _lexicon;
    private readonly HashSet<string> _capitalisedMidSentence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fullNameOfSurname = new(StringComparer.Ordinal);
    private readonly HashSet<string> _titledSingleNames = new(StringComparer.Ordinal);
    private readonly List<(int Position, string Name, bool IsPerson, bool Spoke)> _salient = [];
    private readonly List<(string Name, Gender Gender)> _genderEvidence = [];
    private readonly Dictionary<string, Gender> _gender = new(StringComparer.Ordinal);

    /// <summary>What a document tells of a person's gender: only titles and role nouns ("Mrs.", "spokesman") count.</summary>
    private enum Gender : byte { Unknown, Female, Male }

    private sealed class Person(string name)
    {
        public string Name { get; } = name;
        public HashSet<string> Demonyms { get; } = new(StringComparer.OrdinalIgnoreCase);
        public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);
    }

    public LocalNameResolver(StatementLexicon lexicon, IReadOnlyList<Paragraph> paragraphs)
    {
        _lexicon = lexicon;
        Phrases = new SpeakerPhraseFinder(lexicon, this);
        foreach (var p in paragraphs)
            LearnCapitalisation(p);
        var mentions = new List<(int Position, string Name)>();
        foreach (var p in paragraphs)
            LearnPeople(p, mentions);
        // Canonical names only now, when every surname knows its full name; contrary evidence leaves it unknown.
        foreach (var (name, gender) in _genderEvidence)
        {
            var canonical = CanonicalName(name);
            _gender[canonical] = _gender.TryGetValue(canonical, out var known) && known != gender ? Gender.Unknown : gender;
        }
        // Subjects are salient: the next "he" most likely means the last person who did something.
        foreach (var (position, name) in mentions)
        {
            var canonical = CanonicalName(name);
            _salient.Add((position, canonical, IsPerson(canonical), false));
        }
        _salient.Sort((a, b) => a.Position.CompareTo(b.Position));
    }

    public SpeakerPhraseFinder Phrases { get; }

    public bool IsCapitalisedMidSentence(string word) => _capitalisedMidSentence.Contains(word);

    private void LearnCapitalisation(Paragraph p)
    {
        foreach (var s in p.Sentences)
        {
            for (int t = s.First + 1; t < s.End; t++)
            {
                var tok = p.Tokens[t];
                if (tok.IsCapitalised && !p.Tokens[t - 1].IsAny(":“‘\"'«—–(["))
                    _capitalisedMidSentence.Add(tok.Bare);
            }
        }
    }

    private void LearnPeople(Paragraph p, List<(int Position, string Name)> subjects)
    {
        foreach (var s in p.Sentences)
        {
            foreach (var (a, b) in Phrases.NameSequences(p, s.First, s.End, s.First))
            {
                var tokens = p.Tokens;
                LearnName(p, a, b);
                bool subjectLike = b < tokens.Count && tokens[b].IsWord && !tokens[b].IsCapitalised && !Words.Prepositions.Contains(tokens[b].Lower)
                    && !tokens[b - 1].IsPossessive && (a == 0 || !Words.Prepositions.Contains(tokens[a - 1].Lower))
                    && !(b - a == 1 && Words.LooksLikeDemonym(tokens[a].Text));
                if (subjectLike)
                    subjects.Add((tokens[a].Start, NameText(p, Phrases.NameHeadStart(p, a, b), b)));
            }
        }
    }

    private void LearnName(Paragraph p, int a, int b)
    {
        var tokens = p.Tokens;
        var titles = new List<string>();
        string? demonym = null;
        int i = Phrases.NameHeadStart(p, a, b);
        for (int t = a; t < i; t++)
        {
            if (Words.LooksLikeDemonym(tokens[t].Text))
                demonym ??= tokens[t].Text;
            else
                titles.Add(tokens[t].Lower.TrimEnd('.'));
        }
        // Lower-case titles just before the name: "foreign policy adviser Yuri Ushakov", "special envoy Steve Witkoff".
        if (a > 0 && _lexicon.Titles.Contains(tokens[a - 1].Lower))
            titles.Add(tokens[a - 1].Lower);
        int nameTokens = 0;
        for (int t = i; t < b; t++)
        {
            if (tokens[t].IsCapitalised)
                nameTokens++;
        }
        var lastWord = tokens[b - 1].Bare.ToLowerInvariant();
        if (_lexicon.OrgWords.Contains(lastWord) || nameTokens is 0 or > 3)
            return;
        bool titled = titles.Count > 0;
        if (!titled && !LooksLikePersonalName(p, i, b))
            return;
        var name = NameText(p, i, b);
        bool female = titles.Exists(t => _lexicon.Female.Contains(t) || _lexicon.Female.Contains(t + "."));
        bool male = titles.Exists(t => _lexicon.Male.Contains(t) || _lexicon.Male.Contains(t + "."));
        if (female != male)
            _genderEvidence.Add((name, female ? Gender.Female : Gender.Male));
        if (nameTokens == 1)
        {
            _titledSingleNames.Add(name);
        }
        else
        {
            if (!_people.TryGetValue(name, out var person))
                _people[name] = person = new Person(name);
            if (demonym is not null)
                person.Demonyms.Add(demonym);
            person.Titles.UnionWith(titles);
            _fullNameOfSurname.TryAdd(tokens[b - 1].Bare, name);
        }
    }

    // Two or three capitalised words that are not a place ("in New Delhi"), not an organisation and not a modifier
    // of a following noun ("Middle East envoy").
    private bool LooksLikePersonalName(Paragraph p, int i, int b)
    {
        var tokens = p.Tokens;
        if (b - i is < 2 or > 3)
            return false;
        for (int t = i; t < b; t++)
        {
            var w = tokens[t].Bare;
            if (!tokens[t].IsCapitalised || w.All(char.IsUpper) || w.Any(char.IsDigit) || _lexicon.OrgWords.Contains(w.ToLowerInvariant())
                || Words.LooksLikeDemonym(w))
                return false;
        }
        if (i > 0 && (Words.Prepositions.Contains(tokens[i - 1].Lower) || tokens[i - 1].Lower == "the"))
            return false;
        return !(b < tokens.Count && !tokens[b - 1].IsPossessive && tokens[b].IsWord && (_lexicon.Roles.Contains(tokens[b].Lower) || _lexicon.OrgWords.Contains(tokens[b].Lower)));
    }

    private static string NameText(Paragraph p, int a, int b)
    {
        var text = p.Text.Substring(p.Tokens[a].Start, p.Tokens[b - 1].End - p.Tokens[a].Start);
        if (p.Tokens[b - 1].IsPossessive)
            text = text[..^2];
        return text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
    }

    /// <summary>The canonical form of a written name: titles and "the" dropped, a surname completed to the full name.</summary>
    public string CanonicalName(string head)
    {
        if (head.EndsWith("’s", StringComparison.Ordinal) || head.EndsWith("'s", StringComparison.Ordinal))
            head = head[..^2];
        if (head.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
            head = head[4..];
        if (!head.Contains(' ', StringComparison.Ordinal) && _fullNameOfSurname.TryGetValue(head, out var full))
            return full;
        return head;
    }

    public bool IsPerson(string canonical) => _people.ContainsKey(canonical) || _titledSingleNames.Contains(canonical);

    /// <summary>Records a resolved speaker: the next "he said" or "the publication wrote" may refer to it.</summary>
    public void NoteSpeaker(int position, string name)
    {
        int at = _salient.FindLastIndex(s => s.Position <= position) + 1;
        _salient.Insert(at, (position, name, IsPerson(name), true));
    }

    /// <summary>The canonical speaker a phrase refers to at a position, or null when nothing fits.</summary>
    public string? Resolve(string text, SpeakerPhrase phrase)
    {
        var surface = phrase.Head.Of(text);
        int position = phrase.Span.Start;
        switch (phrase.Kind)
        {
            case SpeakerKind.Name:
                return CanonicalName(surface);
            case SpeakerKind.Anonymous:
                return surface;
            case SpeakerKind.Pronoun:
                // Unresolved, the pronoun itself is kept: the statement stands and a later linker may name it.
                // "she" skips the men the document has titled as such ("Mr.", "spokesman"), "he" the women; a person
                // of unknown gender fits both, so without evidence this is the most recent person, as before.
                return (surface.ToLowerInvariant() switch
                {
                    "she" or "her" => Latest(position, person: true, unlike: Gender.Male),
                    "he" or "him" => Latest(position, person: true, unlike: Gender.Female),
                    _ => Latest(position, person: false),
                }) ?? surface;
            default:
                return ResolveDescription(phrase, position) ?? surface;
        }
    }

    private string? ResolveDescription(SpeakerPhrase phrase, int position)
    {
        // "the publication wrote": the outlet last quoted, else the last organisation named as a subject.
        if (phrase.Role is { } role && _lexicon.Outlets.Contains(role))
            return Latest(position, person: false, spokeOnly: true) ?? Latest(position, person: false);
        bool leader = phrase.Role is { } r && _lexicon.LeaderTitles.Contains(r);
        var fitting = _people.Values.Where(p =>
            (phrase.Demonym is null || p.Demonyms.Contains(phrase.Demonym))
            && (phrase.Role is null || p.Titles.Contains(phrase.Role) || (leader && p.Titles.Overlaps(_lexicon.LeaderTitles))))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        if (fitting.Count > 0 && (phrase.Demonym is not null || phrase.Role is not null))
        {
            for (int i = _salient.Count - 1; i >= 0; i--)
            {
                if (_salient[i].Position < position && fitting.Contains(_salient[i].Name))
                    return _salient[i].Name;
            }
            return fitting.Count == 1 ? fitting.First() : null;
        }
        // "the Republican", "the veteran": a description the document never spelt out refers to the person in focus.
        return phrase.Demonym is not null || (phrase.Role is { } person && !_lexicon.OrgWords.Contains(person)) ? Latest(position, person: true) : null;
    }

    private string? Latest(int position, bool person, bool spokeOnly = false, Gender unlike = Gender.Unknown)
    {
        for (int i = _salient.Count - 1; i >= 0; i--)
        {
            var s = _salient[i];
            if (s.Position < position && s.IsPerson == person && (s.Spoke || !spokeOnly)
                && (unlike == Gender.Unknown || _gender.GetValueOrDefault(s.Name) != unlike))
                return s.Name;
        }
        return null;
    }
}
