namespace Storyline.Entities;

/// <summary>
/// Fallback mention finder, used only when the language stage produced no NER mentions: runs of capitalised words
/// ("Institute for the Study of War"), cleaned of sentence-initial capitals and calendar words, and names of the
/// curated alias file. Title-case headlines are read word by word against the names found in the body.
/// </summary>
internal sealed class MentionFinder(TextUnits units, AliasTable aliases, Lexicon lexicon)
{
    private const int MaxConnectorsInARow = 2;
    private const int MaxHeadlineNameWords = 4;

    private readonly NameReader _reader = new(units, aliases, lexicon);

    public List<Candidate> FindAll()
    {
        var words = units.Words;
        var capitalisedInside = new HashSet<string>(StringComparer.Ordinal);
        var lowerCase = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Looked up by span: a string is made only for a word not seen before, not for each of thousands of words.
        var capitalisedInsideBySpan = capitalisedInside.GetAlternateLookup<ReadOnlySpan<char>>();
        var lowerCaseBySpan = lowerCase.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var w in words)
        {
            var s = units.Text.AsSpan(w.Span.Start, w.Span.Length);
            if (!char.IsUpper(s[0]))
                lowerCaseBySpan.Add(s);
            else if (!w.SentenceInitial && !w.TitleCaseLine)
                capitalisedInsideBySpan.Add(s);
        }

        var found = new List<Candidate>();
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].TitleCaseLine || !words[i].IsCapitalised(units.Text))
                continue;
            int end = RunEnd(i);
            Add(found, Clean(i, end, capitalisedInside, lowerCase));
            i = end;
        }
        var bodyNames = found.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
        {
            if (!words[i].TitleCaseLine || !words[i].IsCapitalised(units.Text))
                continue;
            int end = HeadlineName(i, bodyNames, capitalisedInside);
            if (end >= i)
            {
                Add(found, _reader.Read(i, end));
                i = end;
            }
        }
        found.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return found;
    }

    private void Add(List<Candidate> found, Candidate? c)
    {
        if (c is null)
            return;
        found.Add(c);
        // "US President Donald Trump" also mentions the United States.
        if (c.Modifiers.CountryNameSpan is { } country && aliases.ByName(country.Of(units.Text)) is { } known)
            found.Add(new Candidate(country, country.Of(units.Text), [country.Of(units.Text)], known.Type, known, NameModifiers.None));
    }

    /// <summary>Last word of the capitalised run starting at <paramref name="i"/>.</summary>
    private int RunEnd(int i)
    {
        var words = units.Words;
        int end = i;
        while (end + 1 < words.Count && !words[end].Possessive)
        {
            int next = end + 1, connectors = 0;
            while (next < words.Count && connectors < MaxConnectorsInARow && lexicon.Is("connector", units.Of(words[next])) && !words[next].IsCapitalised(units.Text))
            {
                next++;
                connectors++;
            }
            if (next >= words.Count || !words[next].IsCapitalised(units.Text) || words[next].Sentence != words[end].Sentence)
                break;
            bool joined = true;
            for (int k = end; k < next && joined; k++)
                joined = Adjacent(k);
            if (!joined)
                break;
            end = next;
        }
        return end;
    }

    /// <summary>Only spaces between word k and k+1, or the period of "Mr." / "Gen.".</summary>
    private bool Adjacent(int k)
    {
        var a = units.Words[k];
        var b = units.Words[k + 1];
        if (units.OnlySpacesBetween(a.Span.End, b.Span.Start))
            return true;
        var word = units.Of(a);
        return units.Text[a.Span.End] == '.' && (lexicon.Is("honorific", word) || lexicon.Is("title", word + "."))
            && units.OnlySpacesBetween(a.Span.End + 1, b.Span.Start);
    }

    /// <summary>Drops sentence-initial capitals that are ordinary words, and calendar words, then reads the name.</summary>
    private Candidate? Clean(int first, int last, HashSet<string> capitalisedInside, HashSet<string> lowerCase)
    {
        while (first <= last && (IsDroppable(first, first == last, capitalisedInside, lowerCase) || !units.Words[first].IsCapitalised(units.Text)))
            first++;
        while (last >= first && (lexicon.Is("calendar", units.Of(units.Words[last])) || !units.Words[last].IsCapitalised(units.Text)))
            last--;
        return first > last ? null : _reader.Read(first, last);
    }

    private bool IsDroppable(int i, bool alone, HashSet<string> capitalisedInside, HashSet<string> lowerCase)
    {
        var w = units.Words[i];
        var s = units.Of(w);
        if (lexicon.Is("calendar", s))
            return true;
        // "I", "I’ve", "Russian-backed": pronouns, contractions and hyphenated adjectives are never names.
        int apostrophe = s.IndexOfAny(['’', '\'']);
        if (alone && (lexicon.Is("stop", apostrophe > 0 ? s[..apostrophe] : s) || IsHyphenatedAdjective(s)))
            return true;
        if (!w.SentenceInitial)
            return false;
        if (lexicon.Is("stop", s))
            return true;
        if (aliases.ByName(s) is not null || aliases.ByAdjective(s) is not null || lexicon.Is("title", s) || lexicon.Is("honorific", s))
            return false;
        if (capitalisedInside.Contains(s))
            return false;
        // A sentence-initial word seen nowhere else capitalised: a name only if it is never written in lower case
        // and has company ("Volodymyr Zelensky"), never alone ("Throughout").
        return alone || lowerCase.Contains(s);
    }

    private static bool IsHyphenatedAdjective(string word)
    {
        int hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsLower(word[hyphen + 1]);
    }

    /// <summary>In a title-case line: the longest run of words that is a name found in the body, else one known word.</summary>
    private int HeadlineName(int i, HashSet<string> bodyNames, HashSet<string> capitalisedInside)
    {
        for (int n = Math.Min(MaxHeadlineNameWords, units.Words.Count - i); n >= 1; n--)
        {
            int last = i + n - 1;
            bool adjacent = true;
            for (int k = i; k < last && adjacent; k++)
                adjacent = Adjacent(k) && !units.Words[k].Possessive;
            if (!adjacent)
                continue;
            var name = _reader.Join(i, last);
            if (bodyNames.Contains(name) || aliases.ByName(name) is not null || (n == 1 && capitalisedInside.Contains(name) && !lexicon.Is("stop", name)))
                return last;
        }
        return i - 1;
    }
}
