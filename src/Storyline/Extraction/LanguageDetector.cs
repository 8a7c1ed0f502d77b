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

    private readonly List<(string Language, Dictionary<string, int> Ranks)> _profiles;

    private LanguageDetector(List<(string, Dictionary<string, int>)> profiles) => _profiles = profiles;

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

    /// <summary>Trigrams of the lower-cased letters (words padded with spaces), ranked by frequency, ties by ordinal order.</summary>
    private static Dictionary<string, int> Ranks(string text, int size)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new System.Text.StringBuilder(" ");
        void EndWord()
        {
            if (word.Length > 1)
            {
                word.Append(' ');
                var w = word.ToString();
                for (int i = 0; i + 3 <= w.Length; i++)
                {
                    var g = w.Substring(i, 3);
                    counts[g] = counts.GetValueOrDefault(g) + 1;
                }
            }
            word.Clear().Append(' ');
        }
        foreach (var c in text)
        {
            if (char.IsLetter(c) || c is '\'' or '’')
                word.Append(char.ToLowerInvariant(c));
            else
                EndWord();
        }
        EndWord();
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(size).Select((kv, i) => (kv.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
    }
}
