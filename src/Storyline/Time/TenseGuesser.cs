using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Time;

/// <summary>
/// Guesses whether the clause around a time expression is about the past or the future, from the nearest verb
/// cue: "said on Thursday" is past, "is scheduled to arrive on Thursday" and "are traveling on Thursday" future.
/// Cues before the expression weigh more than cues after it (the governing verb usually comes first in English news).
/// </summary>
internal static partial class TenseGuesser
{
    public static Tense Guess(string text, Span expression, Span sentence)
    {
        var left = Words(text, Span.FromBounds(sentence.Start, expression.Start)).ToList();
        // "Wednesday's ruling", "last week's talks": a possessive time names an event being reported, which news
        // reports once it has happened, unless a plan is announced right before it ("will attend Sunday's rally").
        if (expression.End + 1 < text.Length && text[expression.End] is '\'' or '’' && text[expression.End + 1] == 's'
            && !left.TakeLast(3).Any(w => Future.Contains(w) || w.EndsWith("'ll", StringComparison.Ordinal)))
        {
            return Tense.Past;
        }
        var rightSpan = Span.FromBounds(expression.End, Math.Max(expression.End, sentence.End));
        var rest = Words(text, rightSpan).ToList();
        var right = rest.Take(8).ToList();
        // Words past the next comma belong to another clause ("who will fly on Saturday, said …"): they decide
        // only when the expression's own clause has no verb to the left.
        int comma = text.AsSpan(rightSpan.Start, rightSpan.Length).IndexOfAny(',', ';');
        int inClause = comma < 0 ? right.Count : Words(text, new Span(rightSpan.Start, comma)).Count();
        (double Distance, Tense Tense) best = (double.MaxValue, Tense.Unknown);
        for (int i = left.Count - 1, d = 1; i >= 0 && d <= 14; i--, d++)
        {
            var t = Cue(left, i);
            if (t != Tense.Unknown)
            {
                best = (d, t);
                break;
            }
        }
        for (int i = 0; i < right.Count; i++)
        {
            if (i >= inClause && best.Tense != Tense.Unknown)
                break;
            var t = Cue(right, i);
            if (t != Tense.Unknown)
            {
                if ((i + 1) * 1.5 < best.Distance)
                    best = ((i + 1) * 1.5, t);
                break;
            }
        }
        // No cue near the expression: a fronted adverbial takes the tense of the main verb after it ("In January,
        // a week after the anniversary, a bomb exploded").
        for (int i = right.Count; i < rest.Count && best.Tense == Tense.Unknown; i++)
            best = (0, Cue(rest, i));
        return best.Tense;
    }

    private static IEnumerable<string> Words(string text, Span span)
    {
        foreach (Match m in WordPattern().Matches(text, span.Start).TakeWhile(m => m.Index + m.Length <= span.End))
            yield return m.Value.ToLowerInvariant().Replace('’', '\'');
    }

    private static Tense Cue(List<string> words, int i)
    {
        var w = words[i];
        var before = i > 0 ? words[i - 1] : "";
        var after = i + 1 < words.Count ? words[i + 1] : "";
        // "next to the embassy" is a place, not a time.
        if (w == "next" && after == "to")
            return Tense.Unknown;
        // "due to its loss" is a cause, "due to expire" a plan.
        if (w == "due" && after == "to" && i + 2 < words.Count && Determiners.Contains(words[i + 2]))
            return Tense.Unknown;
        if (Future.Contains(w) || (w is "set" or "due" or "going" or "about" && after == "to") || w.EndsWith("'ll", StringComparison.Ordinal))
        {
            // "had been due to expire Friday", "had been scheduled to open Monday": a plan that is now past.
            return before is "had" or "been" ? Tense.Past : Tense.Future;
        }
        // "is to resume trading Tuesday": a plan.
        if (w == "to" && before is "is" or "are")
            return Tense.Future;
        // "are traveling to Miami on Thursday": the present progressive with a date is a plan.
        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5 && before is "is" or "are" or "am")
            return Tense.Future;
        if (Past.Contains(w))
            return Tense.Past;
        // "succeed", "exceed", "proceed" are not past tenses; "agreed", "freed" are.
        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 && !NotVerbs.Contains(w) && (!w.EndsWith("eed", StringComparison.Ordinal) || PastInEed.Contains(w)))
            return before is "is" or "are" or "be" or "being" or "been" or "to" ? Tense.Unknown : Tense.Past;
        return Tense.Unknown;
    }

    private static readonly HashSet<string> Future = new(StringComparer.Ordinal)
    {
        "will", "shall", "won't", "scheduled", "expected", "plans", "planned", "planning", "intends", "upcoming", "would",
        "tomorrow", "next", "may", "might", "could", "should", "hopes", "aims", "prepare", "prepares", "soon",
    };

    private static readonly HashSet<string> Past = new(StringComparer.Ordinal)
    {
        "was", "were", "had", "did", "said", "told", "met", "spoke", "gave", "went", "took", "made", "came", "held", "sent",
        "left", "began", "won", "lost", "saw", "got", "became", "fell", "rose", "wrote", "ran", "hit", "thought", "knew",
        "brought", "bought", "found", "led", "paid", "ago", "last", "yesterday", "flew", "struck", "drew", "broke", "chose",
        "stood", "spent", "sought", "shot", "told", "wasn't", "weren't", "didn't", "hadn't", "meant", "felt", "kept", "read",
        "since",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those" };

    private static readonly HashSet<string> PastInEed = new(StringComparer.Ordinal) { "agreed", "freed", "decreed", "guaranteed", "disagreed", "refereed" };

    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal)
    {
        "need", "speed", "indeed", "united", "limited", "hundred", "based", "related", "detailed", "advanced", "armed",
        "concerned", "proposed", "so-called", "alleged", "biased", "renewed", "unprecedented", "anticipated",
    };

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*")]
    private static partial Regex WordPattern();
}
