using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>
/// The outlet a page names in its own furniture: "Support X", "a message from X", "© 2025 X", or
/// "X, the … news outlet". A name must be seen twice (an appositive with an outlet noun counts twice), so a
/// passing "from Russia" in a pitch is not taken for the publisher. Null when the page does not say.
/// </summary>
internal static partial class OutletFinder
{
    private const int MinEvidence = 2;

    public static string? FromFurniture(IEnumerable<string> boilerplateLines)
    {
        var evidence = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in boilerplateLines)
        {
            foreach (Match m in SelfReference().Matches(line))
                Add(evidence, m.Groups["name"].Value, 1);
            foreach (Match m in Appositive().Matches(line))
                Add(evidence, m.Groups["name"].Value, 2);
        }
        var best = evidence.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).FirstOrDefault();
        return best.Value >= MinEvidence ? best.Key : null;
    }

    private static void Add(Dictionary<string, int> evidence, string name, int weight)
    {
        name = name.Trim().TrimEnd('.', '’', '\'');
        if (name.Length >= 2)
            evidence[name] = evidence.GetValueOrDefault(name) + weight;
    }

    private const string Name = @"(?<name>(The\s+)?\p{Lu}[\p{L}\d'’&.-]*(\s+\p{Lu}[\p{L}\d'’&.-]*){0,3})";

    [GeneratedRegex(@"\b(support|supporting|message from|subscribe to|reading|more from|from|©\s*(\d{4}\s*)?|copyright\s*(©\s*)?(\d{4}\s*)?)\s*" + Name, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelfReference();

    [GeneratedRegex(Name + @",\s+the\s+[^.,]{0,60}?\b(news outlet|outlet|newspaper|news site|news website|website|magazine|publication|broadcaster|news agency)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Appositive();
}
