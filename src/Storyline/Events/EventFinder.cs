using System.Text.RegularExpressions;
using Storyline.Documents;
using Storyline.Entities;

namespace Storyline.Events;

/// <summary>
/// Finds reported events sentence by sentence: a trigger from the lexicon ("met with", "press conference",
/// "agreed to a … ceasefire"), checked against what it needs (a date or place, an agreeing or imposing verb),
/// with the entities of the sentence as participants, the place after "in"/"to"/"at", and negation or a
/// condition in the trigger's clause marked. A definite or possessive reference to a type already reported
/// ("the meeting", "Tuesday’s call") is the same event again and is not reported twice.
/// </summary>
internal sealed partial class EventFinder(EventLexicon lexicon, Lexicon words, AliasTable aliases)
{
    private const int CueWindowWords = 8;

    // How far from its trigger a date or place may stand and still anchor it. After: "The meeting between the
    // Russian President and American envoys X and Y, on Tuesday" is 13 words; before: within the clause only.
    private const int AnchorWordsAfter = 15;
    private const int AnchorWordsBefore = 6;

    // Travel with a purpose is that purpose: "traveling to Miami for talks" is a meeting, "arrive … for a visit" a visit.
    private static readonly string[] PurposeTypes = ["meet", "visit", "summit"];

    // Words in -ing that are not gerunds, so they do not end the words that may anchor a trigger.
    private static readonly HashSet<string> NotGerunds = new(StringComparer.Ordinal) { "during", "morning", "evening", "spring", "building", "meeting", "meetings", "briefing" };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "this", "that", "his", "her", "their", "its", "these", "those", "my", "our", "your" };

    // Before a participle, these make it a passive or perfect verb ("was seized by"), not a description ("territory seized by").
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal) { "is", "are", "was", "were", "be", "been", "being", "has", "have", "had" };

    public List<Event> FindAll(Document document, IReadOnlyList<SentenceWords> sentences)
    {
        var entities = document.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var events = new List<Found>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var found = new List<(EventTrigger Trigger, int At)>();
            for (int i = 0; i < s.Lower.Length; i++)
            {
                // Quotes are statements, headlines restate the story: neither reports an event of its own.
                if (s.Words[i].Quoted || s.Words[i].TitleCaseLine)
                    continue;
                var trigger = FirstMatch(s, i, anyType: true);
                if (trigger is null || found.Any(f => f.Trigger.Type == trigger.Type) || !Satisfied(trigger, s, i, document))
                    continue;
                if (IsBackground(s, i, trigger, document))
                    continue;
                // "the meeting", "Tuesday’s call" after one was reported is that one again, unless new facts follow.
                bool definite = Definite(s, i, document.Text) >= 0;
                if (definite && reported.Contains(trigger.Type) && !AnchoredAfter(s, i + trigger.Words.Count, document))
                    continue;
                found.Add((trigger, i));
                i += trigger.Words.Count - 1;
            }
            found = WithPurpose(found, s);
            foreach (var (trigger, at) in found)
            {
                reported.Add(trigger.Type);
                events.Add(Make(document, s, trigger, at, entities));
            }
        }
        return Distinct(events);
    }

    /// <summary>The first trigger in lexicon order (longest first) that the words from <paramref name="i"/> spell; of the purpose types only unless <paramref name="anyType"/>.</summary>
    private EventTrigger? FirstMatch(SentenceWords s, int i, bool anyType)
    {
        foreach (var t in lexicon.StartingWith(s.Lower[i]))
        {
            if ((anyType || PurposeTypes.Contains(t.Type)) && s.Matches(i, t.Words))
                return t;
        }
        return null;
    }

    /// <summary>An event as found, with the date and place that stand next to its trigger (not just anywhere in the sentence).</summary>
    private sealed record Found(Event Event, string? NearDate, string? NearPlace)
    {
        /// <summary>How much the mention says about its event: one that names the place and the day is the fuller report.</summary>
        public int Detail => (NearDate is null ? 0 : 1) + (NearPlace is null ? 0 : 1);
    }

    /// <summary>
    /// One event per occurrence: two mentions of one type in a document that share the date or the place next to
    /// their trigger, and do not disagree on the other, report the same occurrence ("set to travel to the United
    /// States on Thursday … to hold talks" and "traveling to Miami on Thursday for … talks"). The fuller mention
    /// stays; of two as full, the first.
    /// </summary>
    private static List<Event> Distinct(List<Found> found)
    {
        var keep = new bool[found.Count];
        Array.Fill(keep, true);
        for (int a = 0; a < found.Count; a++)
        {
            for (int b = a + 1; b < found.Count && keep[a]; b++)
            {
                if (!keep[b] || !SameOccurrence(found[a], found[b]))
                    continue;
                if (found[b].Detail > found[a].Detail)
                    keep[a] = false;
                else
                    keep[b] = false;
            }
        }
        return found.Where((_, i) => keep[i]).Select(f => f.Event).ToList();
    }

    private static bool SameOccurrence(Found a, Found b)
    {
        if (a.Event.Type != b.Event.Type || a.Event.Negated != b.Event.Negated || a.Event.Hypothetical != b.Event.Hypothetical)
            return false;
        bool sameDate = a.NearDate is not null && a.NearDate == b.NearDate;
        bool samePlace = a.NearPlace is not null && a.NearPlace == b.NearPlace;
        bool dateClash = a.NearDate is not null && b.NearDate is not null && a.NearDate != b.NearDate;
        bool placeClash = a.NearPlace is not null && b.NearPlace is not null && a.NearPlace != b.NearPlace;
        return (sameDate && !placeClash) || (samePlace && !dateClash);
    }

    /// <summary>
    /// Index of the determiner that makes the trigger at <paramref name="at"/> definite ("the meeting", "the Modi
    /// summit", "Tuesday’s call", "my visit"), looking back over names and a possessive; -1 when it is not definite.
    /// </summary>
    private static int Definite(SentenceWords s, int at, string text)
    {
        for (int k = at - 1; k >= 0 && k >= at - 4; k--)
        {
            if (s.Words[k].Possessive || Determiners.Contains(s.Lower[k]))
                return k;
            // Names and hyphenated modifiers between the determiner and the noun: "the Modi summit", "the end-of-year press conference".
            if (!s.Words[k].IsCapitalised(text) && !s.Lower[k].Contains('-'))
                return -1;
        }
        return -1;
    }

    /// <summary>
    /// A trigger that does not report an occurrence of its own: a known event used as a time landmark ("before my
    /// visit to Alaska", "after the negotiations in Alaska", "ahead of the Modi summit"; an indefinite "after a …
    /// summit" does report one), a description inside a relative clause or participle ("Crimea, which Russia
    /// annexed …", "territory seized by Russia"), or an undated perfect that states a standing situation
    /// ("an area Russia has illegally annexed", "has imposed some sanctions").
    /// </summary>
    private bool IsBackground(SentenceWords s, int at, EventTrigger trigger, Document document)
    {
        int det = Definite(s, at, document.Text);
        int before = det - 1;
        while (before >= 0 && before > det - 4 && s.Words[before].IsCapitalised(document.Text) && !s.Words[before].SentenceInitial)
            before--;
        if (det >= 0 && before >= 0 && IsLandmarkPreposition(s, before))
            return true;
        int clause = s.ClauseStart(at, document.Text);
        for (int k = clause; k < at; k++)
        {
            if (lexicon.Is("relative", s.Lower[k]))
                return true;
        }
        int end = at + trigger.Words.Count;
        if (trigger.Words.Count == 1 && at > 0 && end < s.Lower.Length && s.Lower[end] == "by" && s.Lower[at].EndsWith("ed", StringComparison.Ordinal)
            && !Auxiliaries.Contains(s.Lower[at - 1]) && !s.Lower[at - 1].EndsWith("ly", StringComparison.Ordinal))
            return true;
        return PerfectBefore(s, at, clause) && !Dated(s, document);
    }

    private bool IsLandmarkPreposition(SentenceWords s, int k) =>
        lexicon.Is("landmark", s.Lower[k]) || (k > 0 && lexicon.Is("landmark", s.Lower[k - 1] + " " + s.Lower[k]));

    /// <summary>"has", "have", "had" within three words before the trigger, in its clause ("has illegally annexed").</summary>
    private bool PerfectBefore(SentenceWords s, int at, int clause)
    {
        for (int k = Math.Max(clause, at - 3); k < at; k++)
        {
            if (lexicon.Is("perfect", s.Lower[k]))
                return true;
        }
        return false;
    }

    private bool Dated(SentenceWords s, Document document) =>
        document.TimeExpressions.Any(t => s.Span.Contains(t.Span) && t.Type is TimexType.Date or TimexType.Time)
        || s.Lower.Any(w => Year().IsMatch(w));

    /// <summary>
    /// Travel for a purpose is that purpose: "traveling to Miami … for talks with US officials" is a meeting. The
    /// purpose word needs no anchor of its own; the travel's place and date anchor it.
    /// </summary>
    private List<(EventTrigger Trigger, int At)> WithPurpose(List<(EventTrigger Trigger, int At)> found, SentenceWords s)
    {
        int travel = found.FindIndex(f => f.Trigger.Type == "travel");
        if (travel < 0)
            return found;
        if (found.Any(f => PurposeTypes.Contains(f.Trigger.Type)))
            return found.Where(f => f.Trigger.Type != "travel").ToList();
        for (int i = found[travel].At + 1; i < s.Lower.Length; i++)
        {
            var purpose = FirstMatch(s, i, anyType: false);
            if (purpose is not null)
            {
                found[travel] = (purpose, found[travel].At);
                break;
            }
        }
        return found;
    }

    private bool Satisfied(EventTrigger trigger, SentenceWords s, int at, Document document) => trigger.Needs switch
    {
        "anchor" => AnchoredAfter(s, at + trigger.Words.Count, document) || AnchoredBefore(s, at, document),
        "agree" => CueBefore(s, at, "agree", document.Text),
        "impose" => CueBefore(s, at, "impose", document.Text),
        _ => true,
    };

    private bool CueBefore(SentenceWords s, int at, string category, string text)
    {
        int start = Math.Max(s.ClauseStart(at, text), at - CueWindowWords);
        for (int k = start; k < at; k++)
        {
            if (lexicon.Is(category, s.Lower[k]))
                return true;
        }
        return false;
    }

    /// <summary>A date or place among the words after the trigger ("meeting … on Tuesday", "talks in Miami").</summary>
    private bool AnchoredAfter(SentenceWords s, int from, Document document) =>
        IsAnchored(s, from, AfterEnd(s, from, document.Text), document);

    /// <summary>A date or place shortly before the trigger in its own clause ("in Bishkek after a … summit").</summary>
    private bool AnchoredBefore(SentenceWords s, int at, Document document) =>
        IsAnchored(s, BeforeStart(s, at, document.Text), at, document);

    /// <summary>
    /// End of the words after a trigger that may anchor it: at most <see cref="AnchorWordsAfter"/>, and not past a
    /// gerund, which opens a predicate of its own ("negotiations for ending the war in Ukraine": the war is in
    /// Ukraine, not the negotiations).
    /// </summary>
    private static int AfterEnd(SentenceWords s, int from, string text)
    {
        int end = Math.Min(s.Lower.Length, from + AnchorWordsAfter);
        for (int k = from; k < end; k++)
        {
            var w = s.Lower[k];
            if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal) && !s.Words[k].IsCapitalised(text) && !NotGerunds.Contains(w))
                return k;
        }
        return end;
    }

    /// <summary>
    /// Start of the words before a trigger that may anchor it: within its clause, counting only lower-case words
    /// against <see cref="AnchorWordsBefore"/>, so a long name ("after a Collective Security Treaty Organization
    /// (CSTO) summit") counts as nothing.
    /// </summary>
    private static int BeforeStart(SentenceWords s, int at, string text)
    {
        int clause = s.ClauseStart(at, text), counted = 0, k = at;
        while (k > clause && counted < AnchorWordsBefore)
        {
            k--;
            if (!s.Words[k].IsCapitalised(text) || s.Words[k].SentenceInitial)
                counted++;
        }
        return k;
    }

    private bool IsAnchored(SentenceWords s, int from, int to, Document document)
    {
        if (from >= to)
            return false;
        var range = Span.FromBounds(s.Words[from].Span.Start, s.Words[to - 1].Span.End);
        if (document.TimeExpressions.Any(t => range.Contains(t.Span) && t.Type is TimexType.Date or TimexType.Time))
            return true;
        for (int k = from; k < to; k++)
        {
            if (words.Is("calendar", s.Lower[k]) && char.IsUpper(document.Text[s.Words[k].Span.Start]) || lexicon.Is("when", s.Lower[k]) && char.IsLower(document.Text[s.Words[k].Span.Start]) || Year().IsMatch(s.Lower[k]))
                return true;
        }
        return PlaceOf(s, document, range) is not null;
    }

    /// <summary>The first place named after "in", "to", "at" in the sentence (or in a part of it).</summary>
    private EntityMention? PlaceOf(SentenceWords s, Document document, Span? within = null)
    {
        foreach (var m in s.Mentions)
        {
            if (m.Type != "PLACE" || within is { } w && !w.Contains(m.Span))
                continue;
            int before = s.Words.FindLastIndex(w => w.Span.End <= m.Span.Start);
            // "according to Kommersant" names a source, not a place.
            if (before > 0 && s.Lower[before - 1] == "according")
                continue;
            if (before >= 0 && lexicon.Is("place", s.Lower[before]) && document.Text.AsSpan(s.Words[before].Span.End, m.Span.Start - s.Words[before].Span.End).Trim().IsEmpty)
                return m;
        }
        return null;
    }

    private Found Make(Document document, SentenceWords s, EventTrigger trigger, int at, Dictionary<string, Entity> entities)
    {
        string? Name(EntityMention? m) => m is { EntityId: { } id } && entities.TryGetValue(id, out var e) ? e.Name : null;
        int from = BeforeStart(s, at, document.Text), to = AfterEnd(s, at + trigger.Words.Count, document.Text);
        var near = Span.FromBounds(s.Words[from].Span.Start, s.Words[Math.Max(from, to - 1)].Span.End);
        string? nearPlace = Name(PlaceOf(s, document, near));
        string? placeName = nearPlace ?? Name(PlaceOf(s, document));
        var participants = new List<string>();
        foreach (var m in s.Mentions)
        {
            if (m.EntityId is null || !entities.TryGetValue(m.EntityId, out var e) || e.Name == placeName || participants.Contains(e.Name))
                continue;
            participants.Add(e.Name);
        }
        // "Ukrainian officials", "US delegation": a nationality before an actor noun is that country acting.
        for (int k = 0; k + 1 < s.Lower.Length; k++)
        {
            if (lexicon.Is("actor", s.Lower[k + 1]) && aliases.ByAdjective(document.Slice(s.Words[k].Span)) is { } country && !participants.Contains(country.Name))
                participants.Add(country.Name);
        }
        int clause = s.ClauseStart(at, document.Text);
        bool negated = false, hypothetical = false;
        for (int k = clause; k < at; k++)
        {
            negated |= lexicon.Is("negation", s.Lower[k]) || s.Lower[k].EndsWith("n’t", StringComparison.Ordinal) || s.Lower[k].EndsWith("n't", StringComparison.Ordinal);
            hypothetical |= lexicon.Is("hypothetical", s.Lower[k]);
        }
        // "If they refuse, …": a sentence that opens with a condition makes its main clause conditional too.
        hypothetical |= s.Lower[0] is "if" or "unless";
        var nearDate = document.TimeExpressions.FirstOrDefault(t => near.Contains(t.Span) && t.Type == TimexType.Date)?.Value;
        var date = nearDate ?? document.TimeExpressions.FirstOrDefault(t => s.Span.Contains(t.Span) && t.Type == TimexType.Date)?.Value;
        return new Found(new Event(s.Span, trigger.Type, participants, date, placeName, negated, hypothetical), nearDate, nearPlace);
    }

    [GeneratedRegex(@"^(?:19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Year();
}
