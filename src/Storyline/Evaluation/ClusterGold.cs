using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Evaluation;

/// <summary><c>clusters.gold.json</c>: which statements and events of a folder's articles are the same (GOLD-FORMAT.md).</summary>
public sealed class ClusterGold
{
    public const string FileName = "clusters.gold.json";

    public List<GoldCluster> StatementClusters { get; set; } = [];
    public List<GoldCluster> EventClusters { get; set; } = [];
    public List<GoldCrossDispute> Disputes { get; set; } = [];

    public static ClusterGold Read(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            return JsonSerializer.Deserialize(stream, ClusterGoldJson.Default.ClusterGold)
                ?? throw new InvalidDataException($"{path}: empty cluster gold");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid cluster gold ({e.Message})", e);
        }
    }
}

public sealed class GoldCluster
{
    public string Id { get; set; } = "";
    public List<GoldMember> Members { get; set; } = [];
}

/// <summary>A passage of one article: <c>text</c> is a gold statement or event text of <c>document</c>.</summary>
public sealed record GoldMember(string Document, string Text);

public sealed record GoldCrossDispute(GoldMember Claim, GoldMember DisputedBy);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ClusterGold))]
internal sealed partial class ClusterGoldJson : JsonSerializerContext;
