namespace Storyline.Stories;

/// <summary>
/// Threads clusters into stories: in date order, a cluster joins the story whose closest cluster (by centroid
/// cosine) is similar enough and near enough in time, else it starts one. A pure function of the clusters.
/// </summary>
internal static class StoryThreader
{
    internal sealed record StoryNode(string ClusterId, bool IsEvent, DateOnly? From, DateOnly? To, ContentVector Centroid, string Title, IReadOnlyList<string> Documents, int Reports);

    /// <summary>A story title is cut to this many characters: a headline, not a paragraph.</summary>
    public const int MaxTitleCharacters = 100;

    public static StoryNode Node(StatementCluster c, ContentVector topic) =>
        new(c.Id, false, c.From, c.To, topic,
            Shorten($"{c.Speaker ?? "unknown"}: {c.Representative.Text.Trim()}"), DocumentsOf(c.Members.Select(m => m.DocumentId)), c.Members.Count);

    public static StoryNode Node(EventCluster c, ContentVector topic)
    {
        var place = c.Members.Select(m => m.Place).OfType<string>().FirstOrDefault();
        var who = c.Participants.Count > 0 ? " " + string.Join(", ", c.Participants) : "";
        return new(c.Id, true, c.From, c.To, topic,
            Shorten($"{c.Type.Replace('_', ' ')}:{who}{(place is null ? "" : " in " + place)}"), DocumentsOf(c.Members.Select(m => m.DocumentId)), c.Members.Count);
    }

    public static List<Story> Thread(IReadOnlyList<StoryNode> nodes, ClusteringSettings settings)
    {
        var frequencies = new BucketFrequencies();
        foreach (var n in nodes)
            frequencies.Add(n.Centroid);
        var threads = new List<List<StoryNode>>();
        foreach (var node in nodes.OrderBy(n => n.From ?? DateOnly.MaxValue).ThenBy(n => n.IsEvent).ThenBy(n => n.ClusterId, StringComparer.Ordinal))
        {
            List<StoryNode>? best = null;
            double bestScore = settings.StoryThreshold;
            foreach (var thread in threads)
            {
                if (!WithinWindow(thread, node, settings.StoryWindowDays))
                    continue;
                double score = thread.Max(t => frequencies.Cosine(t.Centroid, node.Centroid));
                if (score >= bestScore && (best is null || score > bestScore))
                {
                    best = thread;
                    bestScore = score;
                }
            }
            if (best is null)
                threads.Add([node]);
            else
                best.Add(node);
        }
        return threads
            .Where(t => t.SelectMany(n => n.Documents).Distinct(StringComparer.Ordinal).Count() >= settings.StoryMinDocuments)
            .Select(ToStory)
            .ToList();
    }

    private static bool WithinWindow(List<StoryNode> thread, StoryNode node, int days)
    {
        if (node.From is not { } from)
            return true;
        var last = thread.Select(t => t.To).OfType<DateOnly>().DefaultIfEmpty(from).Max();
        var first = thread.Select(t => t.From).OfType<DateOnly>().DefaultIfEmpty(from).Min();
        return TimexDays.Gap(first, last, from, node.To ?? from) <= days;
    }

    private static Story ToStory(List<StoryNode> thread)
    {
        // The title comes from the cluster most outlets reported, most often; on a tie an event names what happened.
        var lead = thread.OrderByDescending(n => n.Documents.Count).ThenByDescending(n => n.Reports).ThenByDescending(n => n.IsEvent).ThenBy(n => n.From ?? DateOnly.MaxValue)
            .ThenBy(n => n.ClusterId, StringComparer.Ordinal).First();
        var froms = thread.Select(n => n.From).OfType<DateOnly>().ToList();
        var tos = thread.Select(n => n.To).OfType<DateOnly>().ToList();
        return new Story("story-" + thread[0].ClusterId, lead.Title,
            froms.Count > 0 ? froms.Min() : null, tos.Count > 0 ? tos.Max() : null,
            thread.Where(n => !n.IsEvent).Select(n => n.ClusterId).ToList(),
            thread.Where(n => n.IsEvent).Select(n => n.ClusterId).ToList());
    }

    private static IReadOnlyList<string> DocumentsOf(IEnumerable<string> ids) => ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string Shorten(string s)
    {
        s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return s.Length <= MaxTitleCharacters ? s : s[..(MaxTitleCharacters - 1)].TrimEnd() + "…";
    }
}
