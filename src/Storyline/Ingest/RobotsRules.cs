namespace Storyline.Ingest;

/// <summary>
/// The rules of one robots.txt for one crawler (RFC 9309): the group naming our product token, else the <c>*</c> group;
/// the longest matching Allow or Disallow wins, Allow on a tie; <c>*</c> and a final <c>$</c> in paths are understood.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    private RobotsRules(List<(string, bool)> rules, TimeSpan? crawlDelay)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string userAgent)
    {
        var token = userAgent.Split('/', ' ')[0].Trim();
        var groups = new List<(List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)>();
        (List<string> Agents, List<(string, bool)> Rules, TimeSpan? Delay)? group = null;
        bool inAgents = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#', 2)[0].Trim();
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!inAgents || group is null)
                {
                    group = ([], [], null);
                    groups.Add(group.Value);
                }
                group.Value.Agents.Add(value);
                inAgents = true;
                continue;
            }
            inAgents = false;
            if (group is not { } g)
                continue;
            if (key is "allow" or "disallow" && (value.Length > 0 || key == "allow"))
                g.Rules.Add((value, key == "allow"));
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86400)
                groups[groups.IndexOf(g)] = (g.Agents, g.Rules, TimeSpan.FromSeconds(seconds));
        }
        var mine = groups.Where(x => x.Agents.Any(a => a != "*" && token.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
        if (mine.Count == 0)
            mine = groups.Where(x => x.Agents.Contains("*")).ToList();
        return new RobotsRules(mine.SelectMany(x => x.Rules).ToList(), mine.Select(x => x.Delay).FirstOrDefault(d => d is not null));
    }

    public bool Allows(string pathAndQuery)
    {
        int best = -1;
        bool allow = true;
        foreach (var (pattern, isAllow) in _rules)
        {
            if (pattern.Length > 0 && Matches(pattern, pathAndQuery) && (pattern.Length > best || (pattern.Length == best && isAllow)))
            {
                best = pattern.Length;
                allow = isAllow;
            }
        }
        return allow;
    }

    /// <summary>Prefix match with <c>*</c> for any run of characters and <c>$</c> for the end of the path.</summary>
    private static bool Matches(string pattern, string path)
    {
        bool anchored = pattern.EndsWith('$');
        var parts = (anchored ? pattern[..^1] : pattern).Split('*');
        if (!path.StartsWith(parts[0], StringComparison.Ordinal))
            return false;
        int at = parts[0].Length;
        for (int i = 1; i < parts.Length; i++)
        {
            int found = i == parts.Length - 1 && anchored ? path.LastIndexOf(parts[i], StringComparison.Ordinal) : path.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < at)
                return false;
            at = found + parts[i].Length;
        }
        return !anchored || at == path.Length;
    }
}
