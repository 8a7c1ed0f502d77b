using Storyline.Web.Api;

namespace Storyline.Web.Pages;

/// <summary>One run of a line's text and the annotations covering all of it.</summary>
public sealed record TextPiece(string Text, string? Classes, string? Title, bool IsTarget, bool IsFirstTarget);

/// <summary>One line of a document, cut into pieces at every annotation boundary.</summary>
public sealed record AnnotatedLine(string Label, bool IsArticle, IReadOnlyList<TextPiece> Pieces);

/// <summary>
/// Lays a document's annotations (statements, speakers, cues, entities, dates and one linked passage) over its
/// lines: each line is cut at every boundary and each piece carries the classes of the spans covering it. A pure
/// function of the document, so the page only writes what it returns.
/// </summary>
public static class AnnotatedText
{
    private readonly record struct Layer(int Start, int Length, string Class, string Title)
    {
        public int End => Start + Length;
    }

    public const string TargetClass = "an-target";

    public static IReadOnlyList<AnnotatedLine> Lines(DocumentDetail d, int? targetStart, int? targetLength)
    {
        var layers = new List<Layer>();
        foreach (var s in d.Statements)
        {
            layers.Add(new(s.Start, s.Length, "an-statement", $"{Format.Label(s.Kind.ToString())} statement by {s.Speaker ?? "unknown"}"));
            if (s.SpeakerStart is { } ss && s.SpeakerLength is { } sl)
                layers.Add(new(ss, sl, "an-speaker", "speaker"));
            if (s.CueStart is { } cs && s.CueLength is { } cl)
                layers.Add(new(cs, cl, "an-cue", "cue"));
        }
        var names = d.Entities.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        foreach (var m in d.Mentions)
            layers.Add(new(m.Start, m.Length, "an-entity", m.EntityId is null ? m.Type : $"{m.Type}: {names.GetValueOrDefault(m.EntityId, m.EntityId)}"));
        foreach (var t in d.TimeExpressions)
            layers.Add(new(t.Start, t.Length, "an-time", $"{t.Type.ToString().ToLowerInvariant()} {t.Value}"));
        if (targetStart is >= 0 && targetLength is > 0 && targetStart + targetLength <= d.Text.Length)
            layers.Add(new(targetStart.Value, targetLength.Value, TargetClass, "the linked passage"));

        IReadOnlyList<LineDto> lines = d.Lines.Count > 0 ? d.Lines : [new LineDto(0, d.Text.Length, Storyline.Documents.LineLabel.Body, true)];
        bool targetPlaced = false;
        var result = new List<AnnotatedLine>(lines.Count);
        foreach (var line in lines)
        {
            int lineEnd = Math.Min(d.Text.Length, line.Start + line.Length);
            var inside = layers.Where(a => a.Start < lineEnd && line.Start < a.End).ToList();
            var cuts = new SortedSet<int> { line.Start, lineEnd };
            foreach (var a in inside)
            {
                cuts.Add(Math.Max(line.Start, a.Start));
                cuts.Add(Math.Min(lineEnd, a.End));
            }
            var points = cuts.ToList();
            var pieces = new List<TextPiece>();
            for (int i = 0; i + 1 < points.Count; i++)
            {
                int from = points[i], to = points[i + 1];
                var covering = inside.Where(a => a.Start <= from && to <= a.End).ToList();
                var text = d.Text[from..to];
                if (covering.Count == 0)
                {
                    pieces.Add(new TextPiece(text, null, null, false, false));
                    continue;
                }
                bool isTarget = covering.Exists(a => a.Class == TargetClass);
                bool first = isTarget && !targetPlaced;
                targetPlaced |= isTarget;
                pieces.Add(new TextPiece(text, string.Join(' ', covering.Select(a => a.Class)), string.Join("; ", covering.Select(a => a.Title)), isTarget, first));
            }
            result.Add(new AnnotatedLine(Format.Label(line.Label.ToString()), line.IsArticle, pieces));
        }
        return result;
    }
}
