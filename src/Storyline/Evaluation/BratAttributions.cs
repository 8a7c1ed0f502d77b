using System.Globalization;
using Storyline.Documents;

namespace Storyline.Evaluation;

/// <summary>One gold attribution relation of a brat file: content, cue and (when the text names one) source.</summary>
public sealed record BratAttribution(Span Content, Span? Cue, Span? Source);

/// <summary>
/// Reads attribution relations from brat standoff (<c>.ann</c>), the format of PolNeAR and PARC: <c>T</c> lines are
/// spans (<c>Source</c>, <c>Cue</c>, <c>Content</c>, possibly discontinuous as <c>start end;start end</c>), <c>E</c> lines
/// tie them into relations. A discontinuous span is read as its hull, the way our statements are one span.
/// </summary>
public static class BratAttributions
{
    public static List<BratAttribution> Parse(TextReader reader, string name, int textLength)
    {
        var spans = new Dictionary<string, (string Type, Span Span)>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            if (line[0] == 'T')
            {
                if (fields.Length < 2)
                    continue; // a span line without ranges carries no annotation
                var typeAndRanges = fields[1];
                int space = typeAndRanges.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                    continue;
                var span = Hull(typeAndRanges[(space + 1)..], name, lineNumber);
                if (span.End > textLength)
                    throw new InvalidDataException($"{name} line {lineNumber}: span {span} lies beyond the text ({textLength} characters)");
                spans[fields[0]] = (typeAndRanges[..space], span);
            }
            else if (line[0] == 'E' && fields.Length >= 2)
            {
                relations.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
        var result = new List<BratAttribution>();
        foreach (var roles in relations)
        {
            Span? content = null, cue = null, source = null;
            foreach (var role in roles.Skip(1))
            {
                int colon = role.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !spans.TryGetValue(role[(colon + 1)..], out var target))
                    continue;
                switch (role[..colon].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'))
                {
                    case "Content":
                        content = content is { } c ? Join(c, target.Span) : target.Span;
                        break;
                    case "Cue":
                        cue = cue is { } k ? Join(k, target.Span) : target.Span;
                        break;
                    case "Source":
                        source = source is { } s ? Join(s, target.Span) : target.Span;
                        break;
                }
            }
            if (content is { } found)
                result.Add(new BratAttribution(found, cue, source));
        }
        return result;
    }

    private static Span Join(Span a, Span b) => Span.FromBounds(Math.Min(a.Start, b.Start), Math.Max(a.End, b.End));

    private static Span Hull(string ranges, string name, int lineNumber)
    {
        int start = int.MaxValue, end = int.MinValue;
        foreach (var range in ranges.Split(';'))
        {
            var bounds = range.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bounds.Length != 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int s)
                || !int.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out int e)
                || e < s)
                throw new InvalidDataException($"{name} line {lineNumber}: bad span '{range}' (expected 'start end')");
            start = Math.Min(start, s);
            end = Math.Max(end, e);
        }
        return Span.FromBounds(start, end);
    }
}
