using System.Collections.Frozen;

namespace Storyline.Statements;

/// <summary>How a reporting verb delimits its content in the gold convention (GOLD-FORMAT.md and the seeds).</summary>
internal enum CueClass : byte
{
    /// <summary>"said (that) X": the content is X alone.</summary>
    Say,

    /// <summary>"Putin warned that X": the content starts at a short subject.</summary>
    Assert,
}

/// <summary>
/// A reporting verb form: its lemma, how it delimits content, whether it also takes a plain object, and whether it
/// reports only with a reported clause (verbs of belief: "thinks that …" reports a stance, "thinks so" does not).
/// </summary>
internal sealed record CueVerb(string Lemma, CueClass Class, bool TakesObject, bool IsParticiple, bool IsInference, bool RequiresClause = false);

/// <summary>
/// The English word lists of the statement finder, loaded once from <c>data/lexicon.en.tsv</c> (embedded).
/// Verb lemmas are inflected here so the file stays a list of words a reader can check.
/// </summary>
internal sealed class StatementLexicon
{
    // Declared before English: static fields initialise in order, and loading English inflects verbs.
    private static readonly FrozenDictionary<string, string[]> IrregularForms = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["say"] = ["says", "said"],
        ["tell"] = ["tells", "told"],
        ["write"] = ["writes", "wrote", "written"],
        ["think"] = ["thinks", "thought"],
        ["know"] = ["knows", "knew", "known"],
        ["find"] = ["finds", "found"],
        ["show"] = ["shows", "showed", "shown"],
        ["feel"] = ["feels", "felt"],
        ["understand"] = ["understands", "understood"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, CueVerb> _verbs;
    private readonly FrozenDictionary<string, FrozenSet<string>> _sets;
    private readonly FrozenSet<string> _particles;

    private StatementLexicon(FrozenDictionary<string, CueVerb> verbs, FrozenDictionary<string, FrozenSet<string>> sets)
    {
        _verbs = verbs;
        _sets = sets;
        _particles = verbs.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).Select(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToFrozenSet(StringComparer.Ordinal);
        Titles = Set("title");
        LeaderTitles = Set("leader");
        Roles = Set("role");
        Outlets = Set("outlet");
        Anonymous = Set("anonymous");
        OrgWords = Set("orgword");
        SourceOf = Set("source-of");
        Auxiliaries = Set("aux");
        Female = Set("female");
        Male = Set("male");
    }

    public static StatementLexicon English { get; } = Load("lexicon.en.tsv");

    public FrozenSet<string> Titles { get; }
    public FrozenSet<string> LeaderTitles { get; }
    public FrozenSet<string> Roles { get; }
    public FrozenSet<string> Outlets { get; }
    public FrozenSet<string> Anonymous { get; }
    public FrozenSet<string> OrgWords { get; }
    public FrozenSet<string> SourceOf { get; }
    public FrozenSet<string> Auxiliaries { get; }
    public FrozenSet<string> Female { get; }
    public FrozenSet<string> Male { get; }

    private FrozenSet<string> Set(string category) => _sets.GetValueOrDefault(category) ?? FrozenSet<string>.Empty;

    /// <summary>True for the second word of a two-word cue ("out" in "rule out"), so other pairs are never looked up.</summary>
    public bool IsParticle(string lower) => _particles.Contains(lower);

    /// <summary>The cue a lower-case word form (or "rule out"-style two-word form) stands for, if any.</summary>
    public bool TryGetCue(string lowerForm, out CueVerb cue) => _verbs.TryGetValue(lowerForm, out cue!);

    private static StatementLexicon Load(string name)
    {
        using var stream = typeof(StatementLexicon).Assembly.GetManifestResourceStream("Storyline.Statements." + name)
            ?? throw new InvalidOperationException($"embedded lexicon {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader, name);
    }

    internal static StatementLexicon Parse(TextReader reader, string name)
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
                throw new InvalidDataException($"{name} line {lineNumber}: expected 'category<TAB>entry', got '{line}'");
            var category = line[..tab];
            if (!sets.TryGetValue(category, out var set))
                sets[category] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(line[(tab + 1)..]);
        }
        var objects = sets.GetValueOrDefault("object") ?? [];
        var inference = sets.GetValueOrDefault("inference") ?? [];
        var verbs = new Dictionary<string, CueVerb>(StringComparer.Ordinal);
        // "say" first: a lemma listed in both classes keeps the first, as the file lists them.
        foreach (var (category, cueClass) in new[] { ("say", CueClass.Say), ("assert", CueClass.Assert), ("belief", CueClass.Say) })
        {
            bool belief = category == "belief";
            foreach (var lemma in sets.GetValueOrDefault(category) ?? [])
            {
                foreach (var (form, participle) in Inflect(lemma))
                    verbs.TryAdd(form, new CueVerb(lemma, cueClass, objects.Contains(lemma), participle, inference.Contains(lemma), belief));
            }
        }
        return new StatementLexicon(
            verbs.ToFrozenDictionary(StringComparer.Ordinal),
            sets.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal));
    }

    /// <summary>Base, -s, past and -ing forms; a two-word lemma ("rule out") inflects its first word.</summary>
    internal static IEnumerable<(string Form, bool Participle)> Inflect(string lemma)
    {
        int space = lemma.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var particle = lemma[space..];
            foreach (var (form, participle) in Inflect(lemma[..space]))
                yield return (form + particle, participle);
            yield break;
        }
        yield return (lemma, false);
        if (IrregularForms.TryGetValue(lemma, out var irregular))
        {
            foreach (var form in irregular)
                yield return (form, false);
        }
        else
        {
            yield return (ThirdPerson(lemma), false);
            yield return (Past(lemma), false);
        }
        yield return (Gerund(lemma), true);
    }

    private static string ThirdPerson(string v) =>
        v.EndsWith('s') || v.EndsWith("sh", StringComparison.Ordinal) || v.EndsWith("ch", StringComparison.Ordinal) || v.EndsWith('x') ? v + "es"
        : v.EndsWith('y') && !IsVowel(v[^2]) ? v[..^1] + "ies"
        : v + "s";

    private static string Past(string v) =>
        v.EndsWith('e') ? v + "d"
        : v.EndsWith('y') && !IsVowel(v[^2]) ? v[..^1] + "ied"
        : DoublesFinal(v) ? v + v[^1] + "ed"
        : v + "ed";

    private static string Gerund(string v) =>
        v.EndsWith("ee", StringComparison.Ordinal) ? v + "ing"
        : v.EndsWith('e') ? v[..^1] + "ing"
        : DoublesFinal(v) ? v + v[^1] + "ing"
        : v + "ing";

    // Short consonant-vowel-consonant verbs double the final consonant: "admit" -> "admitted".
    private static bool DoublesFinal(string v) =>
        v is "admit" or "commit" or "regret" or "rebut" or "plan" or "stop" or "quip";

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
