using Storyline.Documents;
using Storyline.Stories;

namespace Storyline.Time;

/// <summary>
/// Dates, from the rest of the corpus, articles that print no date and name their days only by weekday ("Putin
/// said on Thursday"). When such an article reports an utterance or an event that a dated article of the corpus
/// also reports (the two fall in one statement or event cluster), the occasion has a day: the weekday the undated
/// article names for it, nearest the day the dated article gives. The undated article was written on or after that
/// day, on the weekday its own weekdays point to (<see cref="PublicationDater.LikeliestWeekday"/>). Its time
/// expressions and statements are then normalised again against that date, and the reasoning is kept in
/// <see cref="DocumentMetadata.PublishedNote"/>.
/// </summary>
public static class CorpusDater
{
    /// <summary>How far (days) a weekday may lie from the day another report gives the same occasion.</summary>
    private const int WeekdaySlack = 3;

    /// <summary>An occasion's day, as another article gives it; <c>Exact</c> is false when that is only its publication date (an upper bound).</summary>
    private sealed record Evidence(DateOnly Day, bool Exact, DayOfWeek? Weekday, string What, string Source);

    /// <summary>Rounds of dating: an article dated in one round can date another in the next.</summary>
    private const int MaxRounds = 3;

    /// <summary>
    /// Dates the undated articles it can (later rounds using the ones dated before), then gives each statement
    /// that has only its publication date, or no date, the day another report of the same utterance names.
    /// </summary>
    public static CorpusDating Date(IReadOnlyList<Document> documents, ClusteringSettings? settings = null)
    {
        var byId = documents.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        int dated = 0;
        for (int round = 0; ; round++)
        {
            var index = new StoryIndex(settings);
            foreach (var d in byId.Values)
                index.Add(d);
            var graph = index.Build();
            int newly = round < MaxRounds ? DateUndated(graph, byId, changed) : 0;
            if (newly == 0)
                return new CorpusDating(dated, ShareOccasions(graph, byId, changed), changed);
            dated += newly;
        }
    }

    private static int DateUndated(StoryGraph graph, Dictionary<string, Document> byId, HashSet<string> changed)
    {
        var undated = byId.Values.Where(NeedsDate).ToList();
        if (undated.Count == byId.Count)
            return 0;
        int dated = 0;
        foreach (var u in undated)
        {
            if (Decide(u, Gather(u, graph, byId)) is { } estimate)
            {
                Apply(u, estimate);
                changed.Add(u.Id);
                dated++;
            }
        }
        return dated;
    }

    /// <summary>
    /// One utterance has one day: a statement dated only by its publication date (or not at all) takes the day
    /// another report of it names, when all such reports agree and the day is not after its own publication.
    /// </summary>
    private static int ShareOccasions(StoryGraph graph, Dictionary<string, Document> byId, HashSet<string> changed)
    {
        int redated = 0;
        foreach (var cluster in graph.StatementClusters.Where(c => c.DocumentCount > 1))
        {
            var days = cluster.Members.Where(m => m.SaidOn is not null && !m.SaidOnIsApproximate).Select(m => m.SaidOn!.Value).Distinct().ToList();
            if (days.Count != 1)
                continue;
            var day = days[0];
            foreach (var m in cluster.Members.Where(m => m.SaidOn is null || m.SaidOnIsApproximate))
            {
                if (!byId.TryGetValue(m.DocumentId, out var d) || d.Metadata.Published < day)
                    continue;
                int i = d.Statements.ToList().FindIndex(s => s.Content == m.Span);
                if (i < 0)
                    continue;
                var statements = d.Statements.ToArray();
                statements[i] = statements[i] with { SaidOn = day, SaidOnIsPublication = false };
                d.Statements = statements;
                changed.Add(d.Id);
                redated++;
            }
        }
        return redated;
    }

    /// <summary>No date, printed or inferred, but weekdays: news close to its events that another report may date.</summary>
    private static bool NeedsDate(Document d) => d.Metadata.Published is null && d.TimeExpressions.Any(t => WeekdayOf(t.Value) is not null);

    /// <summary>The weekday of an unanchored weekday value ("XXXX-WXX-4", "XXXX-WXX-2TNI").</summary>
    internal static DayOfWeek? WeekdayOf(string value) =>
        value.Length >= 10 && value.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && value[9] is >= '1' and <= '7'
            ? (DayOfWeek)((value[9] - '0') % 7)
            : null;

    private static List<Evidence> Gather(Document u, StoryGraph graph, Dictionary<string, Document> byId)
    {
        var found = new List<Evidence>();
        var sentences = SentenceSpans.Of(u);
        var paragraphs = PublicationDater.LinesOf(u);
        var weekdays = u.TimeExpressions.Where(t => WeekdayOf(t.Value) is not null).ToList();
        foreach (var cluster in graph.StatementClusters)
        {
            var here = cluster.Members.Where(m => m.DocumentId == u.Id).ToList();
            var elsewhere = cluster.Members.Where(m => m.DocumentId != u.Id && m.SaidOn is not null && IsDated(byId, m.DocumentId)).ToList();
            if (here.Count == 0 || elsewhere.Count == 0)
                continue;
            // The best-dated report: a day of its own beats a publication date.
            var other = elsewhere.OrderBy(m => m.SaidOnIsApproximate).ThenBy(m => m.SaidOn).First();
            var statement = u.Statements.FirstOrDefault(s => s.Content == here[0].Span);
            var weekday = statement is null ? null : DatingStage.GoverningExpression(u, statement, sentences, paragraphs, weekdays);
            found.Add(new Evidence(other.SaidOn!.Value, !other.SaidOnIsApproximate, weekday is null ? null : WeekdayOf(weekday.Value),
                $"the statement '{Clip(here[0].Text)}'" + (weekday is null ? "" : $" ('{weekday.Span.Of(u.Text)}')"), Source(byId[other.DocumentId])));
        }
        foreach (var cluster in graph.EventClusters)
        {
            var here = cluster.Members.FirstOrDefault(m => m.DocumentId == u.Id);
            var other = cluster.Members.Where(m => m.DocumentId != u.Id && DatingStage.DayOf(m.Date ?? "") is not null && IsDated(byId, m.DocumentId))
                .OrderBy(m => m.Date, StringComparer.Ordinal).FirstOrDefault();
            if (here is null || other is null)
                continue;
            var sentence = SpanSearch.Containing(sentences, here.Span) ?? here.Span;
            var weekday = weekdays.Where(t => sentence.Overlaps(t.Span)).OrderBy(t => t.Span.Overlaps(here.Span) ? 0 : 1).FirstOrDefault();
            found.Add(new Evidence(DatingStage.DayOf(other.Date!)!.Value, true, weekday is null ? null : WeekdayOf(weekday.Value),
                $"the {here.Type} '{Clip(here.Text)}'" + (weekday is null ? "" : $" ('{weekday.Span.Of(u.Text)}')"), Source(byId[other.DocumentId])));
        }
        return found;
    }

    private static bool IsDated(Dictionary<string, Document> byId, string id) => byId.TryGetValue(id, out var d) && d.Metadata.Published is not null;

    /// <summary>
    /// The day of each occasion here (its weekday nearest the other report's day, or on or before that report's
    /// publication date), then the publication date: on or after the latest occasion, on the likeliest weekday of
    /// writing. Occasions that disagree are outvoted; the confidence says how many agreed.
    /// </summary>
    private static PublicationEstimate? Decide(Document u, List<Evidence> evidence)
    {
        var occasions = new List<(DateOnly Day, Evidence Why)>();
        foreach (var e in evidence)
        {
            DateOnly? day = (e.Weekday, e.Exact) switch
            {
                ({ } on, true) => Nearest(e.Day, on),
                ({ } on, false) => Calendar.OnOrBefore(e.Day, on),
                (null, true) => e.Day,
                _ => null,
            };
            if (day is { } d)
                occasions.Add((d, e));
        }
        if (occasions.Count == 0)
            return null;
        // Reports of one story a week or more apart are not one writing day's news: keep the largest group within a week.
        var group = occasions.Select(o => occasions.Where(x => Math.Abs(x.Day.DayNumber - o.Day.DayNumber) < 7).ToList())
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Max(x => x.Day)).First();
        var latest = group.MaxBy(o => o.Day);
        var mentions = TimeStage.MentionsWithTense(u);
        var writing = PublicationDater.LikeliestWeekday(mentions);
        var published = writing is { } w ? Calendar.OnOrAfter(latest.Day, w.Day) : latest.Day;
        double confidence = (latest.Why.Exact ? 0.6 : 0.45) * (latest.Why.Weekday is null ? 0.75 : 1) * group.Count / occasions.Count * (writing is null ? 0.75 : 1);
        var how = latest.Why.Weekday is { } wd
            ? latest.Why.Exact
                ? $"it gives that occasion as {Calendar.English(latest.Why.Day)}, so the {wd} here is {Calendar.English(latest.Day)}"
                : $"that article was published on {Calendar.English(latest.Why.Day)}, so the {wd} here is the one on or before it, {Calendar.English(latest.Day)}"
            : $"it gives that occasion as {Calendar.English(latest.Day)}";
        var note = $"Not printed. The article names its days only by weekday, but {latest.Why.What} is also reported by {latest.Why.Source}; {how}. " +
                   (writing is { } wr
                       ? $"It was written on or after that day, most likely on the {wr.Day} ({wr.Reason}): {Calendar.English(published)}."
                       : $"It was written on or after that day, taken as {Calendar.English(published)}.") +
                   (occasions.Count > group.Count ? $" {occasions.Count - group.Count} of {occasions.Count} other reports point to another week and were outvoted." : "");
        return new PublicationEstimate(published, true, note, Math.Round(confidence, 2));
    }

    /// <summary>The day with the given weekday within <see cref="WeekdaySlack"/> days of <paramref name="day"/>.</summary>
    private static DateOnly Nearest(DateOnly day, DayOfWeek weekday)
    {
        var before = Calendar.OnOrBefore(day, weekday);
        return day.DayNumber - before.DayNumber <= WeekdaySlack ? before : Calendar.OnOrAfter(day, weekday);
    }

    private static void Apply(Document u, PublicationEstimate estimate)
    {
        var meta = u.Metadata;
        meta.Published = estimate.Date;
        meta.PublishedInferred = true;
        meta.PublishedNote = estimate.Note;
        meta.PublishedConfidence = estimate.Confidence;
        // Normalise again against the new date; the first pass's warnings are not repeated.
        var warnings = meta.Warnings.ToList();
        new TimeStage().Apply(u);
        meta.Warnings.Clear();
        meta.Warnings.AddRange(warnings);
        // Only the dating stage dates statements, and its first pass read the undated article as a story (a month
        // named for a plan, "by August 2027", moved its narrative time): every statement is dated afresh.
        u.Statements = u.Statements.Select(s => s with { SaidOn = null, SaidOnIsPublication = false }).ToList();
        new DatingStage().Apply(u);
    }

    private static string Source(Document d) =>
        (d.Metadata.Outlet ?? d.Metadata.Title ?? d.Metadata.SourceUri ?? d.Id) + $" (published {Calendar.English(d.Metadata.Published!.Value)})";

    private static string Clip(string s) => s.Length <= 60 ? s : s[..59].TrimEnd() + "…";
}

/// <summary>
/// What <see cref="CorpusDater.Date"/> did: articles given a publication date, statements given another report's day,
/// and the ids of the documents it changed (to write back).
/// </summary>
public sealed record CorpusDating(int Documents, int Statements, IReadOnlySet<string> Changed);
