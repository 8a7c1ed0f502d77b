using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Finds time expressions, establishes the publication date when the source gave none (or printed a wrong one),
/// and normalises every expression to a TIMEX3 value against the publication date, or against narrative time in
/// text that is not dated news (a history article).
/// </summary>
public sealed class TimeStage : IStage
{
    public string Name => "time";

    public void Apply(Document document)
    {
        var text = document.Text;
        var withTense = MentionsWithTense(document);
        var mentions = withTense.Select(m => m.Mention).ToList();
        bool dayFirst = DateOrder.DayFirst(document, mentions);
        var meta = document.Metadata;
        bool givenBySource = meta.Published is not null && meta.PublishedNote == "given by the source";
        if (!givenBySource)
            Establish(document, withTense, dayFirst);
        // Relative expressions resolve against the publication date only when there is one; otherwise the
        // document is read as a story, each date anchoring the ones after it.
        bool story = meta.Published is null;
        DateOnly? narrative = meta.Published;
        bool narrativeIsDay = narrative is not null;
        var result = new List<TimeExpression>(mentions.Count);
        foreach (var (mention, tense) in withTense)
        {
            if (mention.Spec is RejectedSpec rejected)
            {
                meta.Warnings.Add($"time: '{mention.Span.Of(text)}' is not a date ({rejected.Reason})");
                continue;
            }
            // In a story, "on Tuesday" or "last week" can only be placed once the narrative has reached a day.
            var anchor = !story ? meta.Published : mention.Spec.IsDeictic && !narrativeIsDay ? null : narrative;
            var context = new ResolveContext(anchor, tense, narrative, dayFirst, story);
            if (mention.Spec.Resolve(context) is not { } timex)
                continue;
            result.Add(new TimeExpression(mention.Span, timex.Type, timex.Value));
            if (timex.Day is { } day)
                (narrative, narrativeIsDay) = (day, true);
            else if (story && StartOf(timex.Value) is { } start)
                (narrative, narrativeIsDay) = (start, false);
        }
        document.TimeExpressions = result;
    }

    /// <summary>Every time expression of the document with the tense of its clause.</summary>
    internal static List<(TimexMention Mention, Tense Tense)> MentionsWithTense(Document document)
    {
        var text = document.Text;
        var sentences = SentenceSpans.Of(document);
        return TimeGrammar.Find(text).Select(m => (Mention: m, Tense: TenseGuesser.Guess(text, m.Span, SentenceOf(sentences, m.Span)))).ToList();
    }

    private static void Establish(Document document, List<(TimexMention Mention, Tense Tense)> mentions, bool dayFirst)
    {
        var meta = document.Metadata;
        var estimate = PublicationDater.Estimate(document.Text, PublicationDater.LinesOf(document), mentions, dayFirst);
        if (estimate is null)
            return;
        if (meta.Published is { } extracted)
        {
            // The extractor read a date; replace it only when it is the printed dateline that we found wrong.
            if (estimate.Printed && estimate.Date != extracted && estimate.Confidence < 0.95)
            {
                meta.Published = estimate.Date;
                meta.PublishedNote = estimate.Note;
                meta.PublishedConfidence = estimate.Confidence;
            }
            return;
        }
        meta.Published = estimate.Date;
        meta.PublishedInferred = estimate.Inferred;
        meta.PublishedNote = estimate.Note;
        meta.PublishedConfidence = estimate.Confidence;
    }

    private static Span SentenceOf(IReadOnlyList<Span> sentences, Span span) => SpanSearch.Containing(sentences, span) ?? span;

    /// <summary>The first day of a year or month value ("1940", "1940-04"), for narrative time.</summary>
    private static DateOnly? StartOf(string value)
    {
        if (value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), out int year) && year >= 1)
        {
            int month = value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(5, 2), out int m) && m is >= 1 and <= 12 ? m : 1;
            return new DateOnly(year, month, 1);
        }
        return null;
    }
}
