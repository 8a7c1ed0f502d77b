using Storyline.Documents;

namespace Storyline.Time;

internal static class SpanSearch
{
    /// <summary>The span of a sorted, non-overlapping list (sentences, lines) that overlaps <paramref name="span"/>'s start; binary search.</summary>
    public static Span? Containing(IReadOnlyList<Span> sorted, Span span)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = sorted[mid];
            if (span.Start >= s.End)
                lo = mid + 1;
            else if (span.Start < s.Start)
                hi = mid - 1;
            else
                return s;
        }
        // The start falls between two spans (in whitespace): take the next one if the span reaches into it.
        return lo < sorted.Count && sorted[lo].Overlaps(span) ? sorted[lo] : null;
    }
}
