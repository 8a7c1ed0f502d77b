using System.Text.Json;
using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>The schema.org objects of a page's <c>application/ld+json</c> scripts, flattened (@graph and arrays opened).</summary>
internal static class JsonLd
{
    private const int MaxObjects = 200;

    public static List<JsonElement> Objects(IEnumerable<IElement> scripts)
    {
        var found = new List<JsonElement>();
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Collect(json.RootElement.Clone(), found);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources of metadata still count.
            }
        }
        return found;
    }

    private static void Collect(JsonElement e, List<JsonElement> found)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(e);
        while (stack.Count > 0 && found.Count < MaxObjects)
        {
            var x = stack.Pop();
            if (x.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in x.EnumerateArray().Reverse())
                    stack.Push(item);
            }
            else if (x.ValueKind == JsonValueKind.Object)
            {
                found.Add(x);
                if (x.TryGetProperty("@graph", out var graph))
                    stack.Push(graph);
                if (x.TryGetProperty("mainEntity", out var main) && main.ValueKind == JsonValueKind.Object)
                    stack.Push(main);
            }
        }
    }

    /// <summary>The object's @type names (a string or a list).</summary>
    public static IEnumerable<string> Types(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var t))
            yield break;
        if (t.ValueKind == JsonValueKind.String)
            yield return t.GetString()!;
        else if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in t.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String)
                    yield return x.GetString()!;
            }
        }
    }

    public static bool IsArticle(JsonElement o) => Types(o).Any(t => t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "LiveBlogPosting" or "WebPage" or "NewsArticle");

    public static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()).FirstOrDefault(),
            _ => null,
        } : null;

    /// <summary>Names of a person/organisation property: a string, an object with a name, or a list of either.</summary>
    public static IEnumerable<string> Names(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v))
            yield break;
        var items = v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToList() : [v];
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String)
                yield return item.GetString()!;
            else if (item.ValueKind == JsonValueKind.Object && String(item, "name") is { } n)
                yield return n;
        }
    }
}
