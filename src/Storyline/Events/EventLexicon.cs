using System.Collections.Frozen;
using Storyline.Entities;

namespace Storyline.Events;

/// <summary>An event trigger: a word sequence, the event type it reports, and what else the sentence must hold.</summary>
public sealed record EventTrigger(string Type, IReadOnlyList<string> Words, string Needs);

/// <summary>The triggers of <c>data/triggers.en.tsv</c> and the cue words of <c>data/cues.en.tsv</c>.</summary>
public sealed class EventLexicon
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _cues;

    /// <summary>The triggers by their first word, each list in <see cref="Triggers"/> order: the finders look a trigger up at every word.</summary>
    private readonly FrozenDictionary<string, EventTrigger[]> _byFirstWord;

    private EventLexicon(List<EventTrigger> triggers, Dictionary<string, HashSet<string>> cues)
    {
        // Longest first: "met with" before "met".
        Triggers = triggers.OrderByDescending(t => t.Words.Count).ToList();
        _byFirstWord = Triggers.GroupBy(t => t.Words[0], StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _cues = cues.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
    }

    public static EventLexicon English { get; } = Load(TsvData.Read("Storyline.Events.triggers.en.tsv"), TsvData.Read("Storyline.Events.cues.en.tsv"));

    public IReadOnlyList<EventTrigger> Triggers { get; }

    /// <summary>The triggers that may start at <paramref name="word"/> (lower case), longest first; empty for most words.</summary>
    public ReadOnlySpan<EventTrigger> StartingWith(string word) => _byFirstWord.TryGetValue(word, out var list) ? list : [];

    public bool Is(string category, string word) => _cues.TryGetValue(category, out var set) && set.Contains(word);

    /// <summary>Multiword cues of a category ("did not", "the claims"), as word lists.</summary>
    public IEnumerable<string[]> Phrases(string category) =>
        _cues.TryGetValue(category, out var set) ? set.Where(s => s.Contains(' ')).Select(s => s.Split(' ')) : [];

    public static EventLexicon Load(IEnumerable<(int LineNumber, string[] Fields)> triggers, IEnumerable<(int LineNumber, string[] Fields)> cues)
    {
        var list = new List<EventTrigger>();
        foreach (var (number, f) in triggers)
        {
            if (f.Length != 3 || f[2] is not ("-" or "anchor" or "agree" or "impose"))
                throw new InvalidDataException($"triggers.en.tsv line {number}: expected 'type<TAB>trigger<TAB>needs' with needs one of -, anchor, agree, impose");
            list.Add(new EventTrigger(f[0], f[1].Split(' '), f[2]));
        }
        var byCategory = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (number, f) in cues)
        {
            if (f.Length != 2)
                throw new InvalidDataException($"cues.en.tsv line {number}: expected 'category<TAB>word'");
            if (!byCategory.TryGetValue(f[0], out var set))
                byCategory[f[0]] = set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            set.Add(f[1]);
        }
        return new EventLexicon(list, byCategory);
    }
}
