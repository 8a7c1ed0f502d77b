using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Stories;

/// <summary>The thresholds <see cref="StoryIndex"/> works with; the shipped values are in <c>data/clustering.json</c>.</summary>
public sealed record ClusteringSettings
{
    public double StatementThreshold { get; init; }
    public double UndatedStatementThreshold { get; init; }
    public double EventThreshold { get; init; }
    public int MaxSaidOnGapDays { get; init; }
    public int MaxEventDateGapDays { get; init; }
    public double BigramWeight { get; init; }
    public int SplitQuoteMaxGap { get; init; }
    public int ElaborationMaxGap { get; init; }
    public double ElaborationBonus { get; init; }
    public double StoryThreshold { get; init; }
    public int StoryWindowDays { get; init; }
    public int StoryMinDocuments { get; init; }
    public int DisputeMinSharedTerms { get; init; }
    public IReadOnlyList<IReadOnlyList<string>> EventTypeFamilies { get; init; } = [];

    public static ClusteringSettings Default { get; } = Load();

    public static ClusteringSettings Read(Stream json) =>
        JsonSerializer.Deserialize(json, StoriesJson.Default.ClusteringSettings)
        ?? throw new InvalidDataException("clustering settings: empty JSON");

    /// <summary>The family an event type belongs to (its first member), or the type itself.</summary>
    public string EventFamily(string type)
    {
        foreach (var family in EventTypeFamilies)
        {
            if (family.Contains(type, StringComparer.OrdinalIgnoreCase))
                return family[0];
        }
        return type.ToLowerInvariant();
    }

    private static ClusteringSettings Load()
    {
        const string name = "Storyline.Stories.data.clustering.json";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        return Read(stream);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(ClusteringSettings))]
internal sealed partial class StoriesJson : JsonSerializerContext;
