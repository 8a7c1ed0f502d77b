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

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "this", "that", "his", "her", "their", "its", "these", "those" };

    public List<Event> FindAll(Document document, IReadOnlyList<SentenceWords> sentences)
    {
        var entities = document.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var events = new List<Event>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var found = new List<(EventTrigger Trigger, int At)>();
            for (int i = 0; i < s.Lower.Length; i++)
            {
                // Quotes are statements, headlines restate the story: neither reports an event of its own.
                if (s.Words[i].Quoted || s.Words[i].TitleCaseLine)
                    continue;
                var trigger = lexicon.Triggers.FirstOrDefault(t => s.Matches(i, t.Words));
                if (trigger is null || found.Any(f => f.Trigger.Type == trigger.Type) || !Satisfied(trigger, s, i, document))
                    continue;
                // "the meeting", "Tuesday’s call" after one was reported is that one again, unless new facts follow.
                bool definite = i > 0 && (Determiners.Contains(s.Lower[i - 1]) || s.Words[i - 1].Possessive);
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
        return events;
    }

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
            var purpose = lexicon.Triggers.FirstOrDefault(t => PurposeTypes.Contains(t.Type) && s.Matches(i, t.Words));
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
        IsAnchored(s, from, Math.Min(s.Lower.Length, from + AnchorWordsAfter), document);

    /// <summary>A date or place shortly before the trigger in its own clause ("in Bishkek after a … summit").</summary>
    private bool AnchoredBefore(SentenceWords s, int at, Document document) =>
        IsAnchored(s, Math.Max(s.ClauseStart(at, document.Text), at - AnchorWordsBefore), at, document);

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
            if (before >= 0 && lexicon.Is("place", s.Lower[before]) && document.Text.AsSpan(s.Words[before].Span.End, m.Span.Start - s.Words[before].Span.End).Trim().IsEmpty)
                return m;
        }
        return null;
    }

    private Event Make(Document document, SentenceWords s, EventTrigger trigger, int at, Dictionary<string, Entity> entities)
    {
        var place = PlaceOf(s, document);
        string? placeName = place is { EntityId: { } pid } && entities.TryGetValue(pid, out var pe) ? pe.Name : null;
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
        var date = document.TimeExpressions.FirstOrDefault(t => s.Span.Contains(t.Span) && t.Type == TimexType.Date)?.Value;
        return new Event(s.Span, trigger.Type, participants, date, placeName, negated, hypothetical);
    }

    [GeneratedRegex(@"^(?:19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Year();
}
