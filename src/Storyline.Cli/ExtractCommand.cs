using System.CommandLine;
using System.Text.Json;
using Storyline.Extraction;
using Storyline.Ingest;

namespace Storyline.Cli;

/// <summary><c>storyline extract</c>: show what extraction makes of a file (labelled lines and metadata), storing nothing.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A .txt or .html file" };
        var command = new Command("extract", "Print the labelled lines and metadata extraction finds in one file") { path };
        command.SetAction(r => Run(r.GetValue(path)!));
        return command;
    }

    private static int Run(string path)
    {
        var warnings = new List<IngestWarning>();
        var input = new FileSource(warnings.Add).ReadFile(path).FirstOrDefault();
        foreach (var w in warnings)
            Output.Warn(w.ToString());
        if (input is null)
            return Output.Fail($"cannot read {path}", ExitCodes.Failed);
        var document = new ArticleExtractor().Extract(input);
        var m = document.Metadata;
        using var json = new Utf8JsonWriter(Console.OpenStandardOutput(), new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("title", m.Title);
        json.WriteString("outlet", m.Outlet);
        json.WriteString("language", m.Language);
        json.WriteString("published", m.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("published_note", m.PublishedNote);
        json.WriteStartArray("authors");
        foreach (var a in m.Authors)
            json.WriteStringValue(a);
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var w in m.Warnings)
            json.WriteStringValue(w);
        json.WriteEndArray();
        json.WriteStartArray("lines");
        foreach (var line in document.Lines)
        {
            json.WriteStartObject();
            json.WriteNumber("line", Evaluation.GoldScorer.LineNumber(document.Text, line.Span.Start));
            json.WriteString("label", line.Label.ToString().ToLowerInvariant());
            json.WriteString("text", document.Slice(line.Span));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        return ExitCodes.Ok;
    }
}
