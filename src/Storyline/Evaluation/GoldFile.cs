using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyline.Evaluation;

/// <summary>An article's gold answers, as described in GOLD-FORMAT.md.</summary>
public sealed class GoldFile
{
    public string Document { get; set; } = "";
    public string? Outlet { get; set; }
    public string? Language { get; set; }
    public string? Published { get; set; }
    public string? PublishedNote { get; set; }
    public string? Title { get; set; }
    public List<GoldLine> Lines { get; set; } = [];
    public List<GoldStatement> Statements { get; set; } = [];
    public List<string> NotStatements { get; set; } = [];
    public List<GoldTime> Time { get; set; } = [];
    public List<GoldEntity> Entities { get; set; } = [];
    public List<GoldEvent> Events { get; set; } = [];
    public List<GoldClaim> Claims { get; set; } = [];
    public List<GoldDispute> Disputes { get; set; } = [];

    public static GoldFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize(stream, GoldJson.Default.GoldFile)
            ?? throw new InvalidDataException($"{path}: empty gold file");
    }
}

public sealed record GoldLine(int Line, string Label);

public sealed class GoldStatement
{
    public string Speaker { get; set; } = "";
    public List<string> SpeakerAccept { get; set; } = [];
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Cue { get; set; }
    public string? SaidOn { get; set; }
}

public sealed record GoldTime(string Text, string Value);

public sealed record GoldEntity(string Name, string Type, List<string> Mentions);

public sealed class GoldEvent
{
    public string Type { get; set; } = "";
    public List<string> Participants { get; set; } = [];
    public string? Date { get; set; }
    public string? Place { get; set; }
    public string Text { get; set; } = "";
}

public sealed record GoldClaim(string Text, string? Subject, string? Quantity);

public sealed record GoldDispute(string Claim, string DisputedBy);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(GoldFile))]
internal sealed partial class GoldJson : JsonSerializerContext;
