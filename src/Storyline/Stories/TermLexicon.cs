using System.Collections.Frozen;
using System.Reflection;

namespace Storyline.Stories;

/// <summary>The word lists <see cref="ContentTerms"/> and <see cref="DisputeFinder"/> read: one word a line, '#' comments.</summary>
internal sealed class TermLexicon(FrozenSet<string> stopwords, FrozenSet<string> negations, FrozenSet<string> numbers)
{
    public FrozenSet<string> Numbers { get; } = numbers;

    public FrozenSet<string> Stopwords { get; } = stopwords;

    public FrozenSet<string> Negations { get; } = negations;

    public static TermLexicon English { get; } = new(Load("stopwords.en.txt"), Load("negations.en.txt"), Load("numbers.en.txt"));

    public static FrozenSet<string> Read(TextReader reader, string name)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            number++;
            var word = line.Trim();
            if (word.Length == 0 || word[0] == '#')
                continue;
            if (word.Any(char.IsWhiteSpace))
                throw new InvalidDataException($"{name} line {number}: expected one word, got '{word}'");
            words.Add(word.ToLowerInvariant());
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private static FrozenSet<string> Load(string file)
    {
        var name = $"Storyline.Stories.data.{file}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return Read(reader, file);
    }
}
