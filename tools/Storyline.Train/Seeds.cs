using Storyline.Documents;
using Storyline.Evaluation;
using Storyline.Language;

namespace Storyline.Train;

/// <summary>
/// <c>seeds --gold DIR</c>: mention recall of the recogniser on the seeds' gold entities, by type. A gold surface form
/// counts when it is a name (starts with a capital: "the Russian leader" is the linker's job) and a predicted mention
/// of the same type overlaps each of its occurrences in the article file.
/// </summary>
internal static class Seeds
{
    public static int Run(Dictionary<string, string> options)
    {
        var folder = options.GetValueOrDefault("gold") ?? "/work/shared/corpus/seeds";
        var found = new Dictionary<string, (int Hit, int Total)>(StringComparer.Ordinal);
        foreach (var (article, goldPath) in GoldEvaluator.Pairs(folder))
        {
            var text = File.ReadAllText(article);
            var document = new Document(text);
            new LanguageStage().Apply(document);
            var gold = GoldFile.Read(goldPath);
            var taken = new List<Span>();
            foreach (var (form, type) in gold.Entities.SelectMany(e => e.Mentions.Append(e.Name).Distinct().Select(m => (m, e.Type))).OrderByDescending(f => f.Item1.Length))
            {
                if (form.Length == 0 || !char.IsUpper(form[0]))
                    continue;
                for (int at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + form.Length, StringComparison.Ordinal))
                {
                    var span = new Span(at, form.Length);
                    if (taken.Any(t => t.Overlaps(span)))
                        continue;
                    taken.Add(span);
                    bool hit = document.Mentions.Any(m => m.Span.Overlaps(span) && m.Type == type);
                    if (!hit && options.ContainsKey("misses"))
                        Console.WriteLine($"  missed {type} \"{form}\" in \"{text.Substring(Math.Max(0, at - 30), Math.Min(text.Length, at + form.Length + 30) - Math.Max(0, at - 30)).ReplaceLineEndings(" ")}\" (found: {string.Join(", ", document.Mentions.Where(m => m.Span.Overlaps(span)).Select(m => m.Span.Of(text) + "/" + m.Type))})");
                    var (h, t) = found.GetValueOrDefault(type);
                    found[type] = (h + (hit ? 1 : 0), t + 1);
                }
            }
        }
        foreach (var (type, (hit, total)) in found.OrderBy(p => p.Key, StringComparer.Ordinal))
            Console.WriteLine($"{type,-8} mention recall {100.0 * hit / total:0.0}% ({hit}/{total})");
        return 0;
    }
}
