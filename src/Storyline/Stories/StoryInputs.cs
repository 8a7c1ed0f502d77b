using Storyline.Documents;

namespace Storyline.Stories;

/// <summary>What <see cref="StoryIndex"/> reads from one annotated document: statements, events, body sentences.</summary>
public static class StoryInputs
{
    public static IReadOnlyList<StatementMention> Statements(Document d, ClusteringSettings settings) =>
        LinkNeighbours(
            d.Statements.Select(s => new StatementMention(d.Id, s.Content, d.Slice(s.Content), s.Speaker, s.SaidOn, s.SaidOnIsPublication,
                d.Metadata.Published, d.Metadata.Outlet, s.Kind)),
            d.Text, settings);

    /// <summary>
    /// Marks, in one document's statements, how each relates to the one before it when both have one speaker:
    /// the second part of a split quotation, or a quote bearing out the report just before it.
    /// </summary>
    public static IReadOnlyList<StatementMention> LinkNeighbours(IEnumerable<StatementMention> ofOneDocument, string text, ClusteringSettings settings)
    {
        var list = new List<StatementMention>();
        StatementMention? previous = null;
        foreach (var s in ofOneDocument.OrderBy(s => s.Span.Start))
        {
            var m = s;
            if (previous is not null && s.Span.End <= text.Length
                && StoryIndex.SameSpeaker(StoryIndex.SpeakerWords(previous.Speaker), StoryIndex.SpeakerWords(s.Speaker)))
            {
                if (IsSplitQuote(text, previous.Span, s.Span, settings.SplitQuoteMaxGap))
                    m = s with { ContinuationOf = previous.Key };
                else if (previous.Kind != StatementKind.Direct && IsQuoteAfterReport(text, previous.Span, s.Span, settings.ElaborationMaxGap))
                    m = s with { ElaborationOf = previous.Key };
            }
            list.Add(m);
            previous = s;
        }
        return list;
    }

    /// <summary>"He argued that …. “The issue lies …”": a quotation opens right after a report ends.</summary>
    public static bool IsQuoteAfterReport(string text, Span report, Span quote, int maxGap)
    {
        if (quote.Start < report.End || quote.Start - report.End > maxGap)
            return false;
        var gap = text.AsSpan(report.End, quote.Start - report.End).Trim();
        return gap.Length >= 1 && IsOpeningQuote(gap[^1]);
    }

    public static IReadOnlyList<EventMention> Events(Document d) =>
        d.Events.Where(e => !e.Negated && !e.Hypothetical)
            .Select(e => new EventMention(d.Id, e.Span, d.Slice(e.Span), e.Type, e.Participants, e.Date, e.Place, d.Metadata.Published, d.Metadata.Outlet))
            .ToList();

    public static IReadOnlyList<SentenceMention> Sentences(Document d)
    {
        IEnumerable<Span> spans = d.Sentences.Count > 0
            ? d.Sentences.Select(s => s.Span).Where(d.IsInBody)
            : d.BodySpans.SelectMany(line => SentenceSplitter.Split(d.Text, line));
        return spans.Select(s => new SentenceMention(d.Id, s, d.Slice(s), d.Metadata.Published)).ToList();
    }

    /// <summary>
    /// "“A,” he said. “B.”": one utterance split by its cue. The gap between the two parts ends a quotation, starts
    /// another, is short and stays on one line.
    /// </summary>
    public static bool IsSplitQuote(string text, Span before, Span after, int maxGap)
    {
        if (after.Start < before.End || after.Start - before.End > maxGap)
            return false;
        var gap = text.AsSpan(before.End, after.Start - before.End).Trim();
        return gap.Length >= 2 && IsClosingQuote(gap[0]) && IsOpeningQuote(gap[^1]) && !gap.ContainsAny('\n', '\r');
    }

    private static bool IsClosingQuote(char c) => c is '”' or '"' or '’' or '»';

    private static bool IsOpeningQuote(char c) => c is '“' or '"' or '‘' or '«' or '„';
}

/// <summary>A plain sentence splitter for when the pipeline has not split sentences: stops, and line ends.</summary>
internal static class SentenceSplitter
{
    public static IEnumerable<Span> Split(string text, Span within)
    {
        int start = within.Start;
        for (int i = within.Start; i < within.End; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (Trimmed(text, start, i) is { } line)
                    yield return line;
                start = i + 1;
            }
            else if (c is '.' or '!' or '?' && EndsSentence(text, i, within.End, out int end))
            {
                if (Trimmed(text, start, end) is { } sentence)
                    yield return sentence;
                start = end;
                i = end - 1;
            }
        }
        if (Trimmed(text, start, within.End) is { } rest)
            yield return rest;
    }

    /// <summary>A stop ends a sentence when closing quotes, a space and a capital or quote follow, and it ends no initialism ("U.S.").</summary>
    private static bool EndsSentence(string text, int i, int limit, out int end)
    {
        end = i + 1;
        while (end < limit && text[end] is '”' or '"' or '’' or ')' or '»')
            end++;
        if (end >= limit)
            return true;
        if (!char.IsWhiteSpace(text[end]))
            return false;
        int next = end;
        while (next < limit && char.IsWhiteSpace(text[next]))
            next++;
        if (next < limit && !(char.IsUpper(text[next]) || text[next] is '“' or '"' or '«' or '‘'))
            return false;
        // "U.S. President", "J. Smith": a single letter before the stop is an initial.
        return text[i] != '.' || i < 2 || char.IsLetterOrDigit(text[i - 2]);
    }

    private static Span? Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return end > start ? Span.FromBounds(start, end) : null;
    }
}
