namespace Storyline.Extraction;

/// <summary>
/// Tells the language of a text from its character trigrams, offline: the ranked-profile method of Cavnar and
/// Trenkle (1994). Profiles are built at load time from <c>data/language-samples.txt</c> (a few hand-written
/// sentences per language, so the repository ships no corpus text); a text's profile is compared by rank
/// ("out-of-place") distance. Languages: en de fr es pt it nl pl ru uk.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>Trigrams kept per profile: the most frequent ones carry the signal, the tail is noise.</summary>
    private const int ProfileSize = 400;

    /// <summary>Texts with fewer letters than this are not judged.</summary>
    private const int MinLetters = 20;

    /// <summary>Only the start of a long text is read: a few thousand characters decide as well as the whole.</summary>
    private const int MaxCharacters = 4000;

    private readonly List<(string Language, Dictionary<ulong, int> Ranks)> _profiles;

    private LanguageDetector(List<(string, Dictionary<ulong, int>)> profiles) => _profiles = profiles;

    public static LanguageDetector Default { get; } = Load(DataFile.Open("language-samples.txt"));

    public IEnumerable<string> Languages => _profiles.Select(p => p.Language);

    public static LanguageDetector Load(TextReader samples)
    {
        var texts = new Dictionary<string, System.Text.StringBuilder>(StringComparer.Ordinal);
        System.Text.StringBuilder? current = null;
        for (var line = samples.ReadLine(); line is not null; line = samples.ReadLine())
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                current = new System.Text.StringBuilder();
                texts[line[2..].Trim()] = current;
                continue;
            }
            current?.Append(line).Append(' ');
        }
        return new LanguageDetector(texts.Select(t => (t.Key, Ranks(t.Value.ToString(), ProfileSize))).ToList());
    }

    /// <summary>ISO 639-1 code of the most likely language, or null when the text is too short to tell.</summary>
    public string? Detect(string text)
    {
        if (text.Length > MaxCharacters)
            text = text[..MaxCharacters];
        if (text.Count(char.IsLetter) < MinLetters)
            return null;
        var ranks = Ranks(text, ProfileSize);
        string? best = null;
        long bestDistance = long.MaxValue;
        foreach (var (language, profile) in _profiles)
        {
            long distance = 0;
            foreach (var (gram, rank) in ranks)
                distance += profile.TryGetValue(gram, out var r) ? Math.Abs(r - rank) : ProfileSize;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = language;
            }
        }
        return best;
    }

    /// <summary>
    /// Trigrams of the lower-cased letters (words padded with spaces), ranked by frequency, ties by ordinal order.
    /// A trigram is its three UTF-16 units packed into 48 bits, first unit highest, so numeric order is ordinal
    /// order and no string is made per trigram.
    /// </summary>
    private static Dictionary<ulong, int> Ranks(string text, int size)
    {
        const ulong Mask = (1UL << 48) - 1;
        var counts = new Dictionary<ulong, int>();
        void Count(ulong gram) => counts[gram] = counts.GetValueOrDefault(gram) + 1;
        ulong window = ' ';
        int length = 1; // units of the current padded word read so far
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c is '\'' or '’')
            {
                window = ((window << 16) | char.ToLowerInvariant(c)) & Mask;
                if (++length >= 3)
                    Count(window);
                continue;
            }
            if (length > 1)
                Count(((window << 16) | ' ') & Mask);
            window = ' ';
            length = 1;
        }
        if (length > 1)
            Count(((window << 16) | ' ') & Mask);
        var ranked = counts.ToArray();
        Array.Sort(ranked, (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var ranks = new Dictionary<ulong, int>(Math.Min(size, ranked.Length));
        for (int i = 0; i < ranked.Length && i < size; i++)
            ranks[ranked[i].Key] = i;
        return ranks;
    }
}
