using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Events;

/// <summary>
/// Finds numeric claims: percentages ("about 20% of Ukraine's territory"), money ("$50 billion"), areas and
/// distances ("5 thousand square kilometers"), counts of people ("12 civilians were killed"), periods attached to
/// an agreement ("a 30-day pause"), durations ("lasted five hours") and forecasts with a deadline ("would only be
/// able to seize the region by August 2027"). Each gets a normalised quantity and unit, the entity it is about (the
/// one named before it in its clause, else after "of"; for a duration, the event it measures) and who claims it
/// (the speaker of the statement it is in, or the source after "according to"). A figure in an "including …" list
/// after a claim is a breakdown of that claim, not a claim of its own.
/// </summary>
internal sealed partial class ClaimFinder(EventLexicon lexicon)
{
    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["fifteen"] = 15,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["hundred"] = 100,
        ["a hundred"] = 100,
        ["dozens of"] = 24,
        ["hundreds of"] = 200,
        ["thousands of"] = 2000,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1e3,
        ["million"] = 1e6,
        ["mln"] = 1e6,
        ["m"] = 1e6,
        ["billion"] = 1e9,
        ["bn"] = 1e9,
        ["trillion"] = 1e12,
    };

    public List<Claim> FindAll(Document document, IReadOnlyList<SentenceWords> sentences)
    {
        var entities = document.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var claims = new List<Claim>();
        foreach (var s in sentences)
        {
            var text = s.Span.Of(document.Text);
            int firstOfSentence = claims.Count;
            foreach (Match m in ClaimPattern().Matches(text))
            {
                var span = new Span(s.Span.Start + m.Index, m.Length);
                if (claims.Any(c => c.Span.Overlaps(span)))
                    continue;
                if (claims.Count > firstOfSentence && Breakdown(s, claims[^1].Span, span))
                    continue;
                var (quantity, unit) = Normalise(m);
                var subject = m.Groups["dur"].Success ? MeasuredEvent(document, s) ?? Subject(s, span, document, entities) : Subject(s, span, document, entities);
                claims.Add(new Claim(span, quantity, unit, subject, Claimant(document, s, span, entities)));
            }
            foreach (var t in Forecasts(document, s))
                claims.Add(new Claim(t.Span, t.Value, "date", Subject(s, t.Span, document, entities), Claimant(document, s, t.Span, entities)));
        }
        return claims.OrderBy(c => c.Span.Start).ToList();
    }

    /// <summary>"19.2% of Ukraine, including Luhansk, more than 80% of Donetsk": the second figure itemises the first.</summary>
    private static bool Breakdown(SentenceWords s, Span previous, Span claim)
    {
        for (int k = 0; k < s.Words.Count && s.Words[k].Span.Start < claim.Start; k++)
        {
            if (s.Words[k].Span.Start >= previous.End && s.Lower[k] is "including" or "among")
                return true;
        }
        return false;
    }

    /// <summary>
    /// A date after "by" in a clause that looks ahead ("would", "will", "expected", "projected"): the deadline is
    /// the claim ("… able to fully seize the rest of the region by August 2027").
    /// </summary>
    private IEnumerable<TimeExpression> Forecasts(Document document, SentenceWords s)
    {
        foreach (var t in document.TimeExpressions)
        {
            if (t.Type != TimexType.Date || !s.Span.Contains(t.Span) || !char.IsDigit(t.Value[0]))
                continue;
            int first = s.Words.FindIndex(w => w.Span.Start >= t.Span.Start);
            if (first < 1 || s.Lower[first - 1] != "by")
                continue;
            int clause = s.ClauseStart(first - 1, document.Text);
            bool ahead = false;
            for (int k = clause; k < first - 1 && !ahead; k++)
                ahead = lexicon.Is("forecast", s.Lower[k]);
            if (ahead)
                yield return t;
        }
    }

    /// <summary>The event a duration measures: the one reported in the same sentence ("press conference … stretched four hours").</summary>
    private static string? MeasuredEvent(Document document, SentenceWords s) =>
        document.Events.FirstOrDefault(e => e.Span.Overlaps(s.Span))?.Type.Replace('_', ' ');

    private static (string Quantity, string Unit) Normalise(Match m)
    {
        double value = Number(m.Groups["num"].Value) * (m.Groups["scale"].Success ? Scales[m.Groups["scale"].Value.Trim()] : 1);
        if (m.Groups["half"].Success)
            value += 0.5 * (m.Groups["scale"].Success ? Scales[m.Groups["scale"].Value.Trim()] : 1);
        string unit;
        if (m.Groups["pct"].Success)
            unit = "%";
        else if (m.Groups["cur"].Success || m.Groups["curword"].Success)
            unit = Currency(m.Groups["cur"].Success ? m.Groups["cur"].Value : m.Groups["curword"].Value);
        else if (m.Groups["area"].Success)
            unit = m.Groups["area"].Value.Contains("mile", StringComparison.OrdinalIgnoreCase) ? "sq mi" : m.Groups["area"].Value.StartsWith("hect", StringComparison.OrdinalIgnoreCase) ? "ha" : "km2";
        else if (m.Groups["dist"].Success)
            unit = m.Groups["dist"].Value.StartsWith("mile", StringComparison.OrdinalIgnoreCase) ? "mi" : "km";
        else if (m.Groups["people"].Success)
            unit = m.Groups["people"].Value.ToLowerInvariant();
        else if (m.Groups["period"].Success)
            unit = m.Groups["period"].Value.ToLowerInvariant() + "s";
        else
            unit = m.Groups["dur"].Value.ToLowerInvariant();
        var number = value.ToString("0.###", CultureInfo.InvariantCulture);
        return (unit == "%" ? number + "%" : $"{number} {unit}", unit);
    }

    private static double Number(string s)
    {
        s = s.Trim();
        if (NumberWords.TryGetValue(s, out var w))
            return w;
        // "1,200" is a thousands separator; "19.2" and "2,5" (one decimal group of under three digits) are decimals.
        var digits = Regex.IsMatch(s, @"^\d{1,3}(,\d{3})+$") ? s.Replace(",", "", StringComparison.Ordinal) : s.Replace(',', '.');
        return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
    }

    private static string Currency(string symbol) => symbol.ToLowerInvariant() switch
    {
        "$" or "dollars" => "USD",
        "€" or "euros" => "EUR",
        "£" or "pounds" => "GBP",
        "rubles" or "roubles" => "RUB",
        "hryvnias" => "UAH",
        _ => symbol,
    };

    /// <summary>
    /// Who or what the figure is about: the first entity named before it in its clause, the one that holds, loses
    /// or reaches it ("Russia currently controls 19.2% of Ukraine" → Russia); when the figure opens its clause, the
    /// entity right after "of" ("About 5 thousand square kilometers of Donetsk" → Donetsk); else the nearest before.
    /// </summary>
    private static string? Subject(SentenceWords s, Span claim, Document document, Dictionary<string, Entity> entities)
    {
        string? Name(EntityMention m) => m.EntityId is { } id && entities.TryGetValue(id, out var e) ? e.Name : null;
        int word = s.Words.FindIndex(w => w.Span.End > claim.Start);
        int clauseStart = word < 0 ? s.Span.Start : s.Words[s.ClauseStart(word, document.Text)].Span.Start;
        var opening = s.Mentions.FirstOrDefault(m => m.Span.Start >= clauseStart && m.Span.End <= claim.Start);
        if (opening is not null)
            return Name(opening);
        var before = s.Mentions.LastOrDefault(m => m.Span.End <= claim.Start);
        var next = s.Mentions.FirstOrDefault(m => m.Span.Start >= claim.End);
        if (next is not null && document.Text.AsSpan(claim.End, next.Span.Start - claim.End).Trim() is var gap
            && (gap.SequenceEqual("of") || gap.SequenceEqual("of the")))
            return Name(next);
        return before is null ? null : Name(before);
    }

    private static string? Claimant(Document document, SentenceWords s, Span claim, Dictionary<string, Entity> entities)
    {
        var statement = document.Statements.FirstOrDefault(st => st.Content.Contains(claim));
        if (statement?.Speaker is { } speaker)
            return speaker;
        for (int k = 0; k + 2 < s.Lower.Length; k++)
        {
            if (s.Lower[k] == "according" && s.Lower[k + 1] == "to")
            {
                var source = s.Mentions.FirstOrDefault(m => m.Span.Start >= s.Words[k + 1].Span.End);
                if (source?.EntityId is { } id && entities.TryGetValue(id, out var e))
                    return e.Name;
            }
        }
        return null;
    }

    // One pattern, alternatives by claim shape; every repeat is bounded, so matching is linear in the text and needs
    // no timeout (a timeout would make results depend on how busy the machine is). Groups: num (the number), half ("and a
    // half"), scale (thousand, billion), then one of pct, cur/curword, area, dist, people, period, dur for the unit.
    [GeneratedRegex("""
        (?<![\p{L}\d])
        (?:(?:about|around|nearly|almost|roughly|approximately|some|over|up\ to|at\ least|more\ than|less\ than|fewer\ than)\s)?
        (?:
            (?<cur>[$€£])\s?(?<num>\d+(?:[.,]\d+){0,4})(?:\s?(?<scale>thousand|million|billion|trillion|bn|mln|m)\b)?
          | (?<num>\d+(?:[.,]\d+){0,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\ hundred|hundred|dozens\ of|hundreds\ of|thousands\ of)
            (?<half>\sand\sa\shalf)?
            (?:\s(?<scale>thousand|million|billion|trillion))?
            (?:
                \s?(?<pct>%|percent\b|per\ cent\b)
              | \s(?<curword>dollars|euros|rubles|roubles|pounds|hryvnias)\b
              | \s(?<area>square\ kilometers|square\ kilometres|square\ miles|sq\ km|km2|km²|hectares)\b
              | \s(?<dist>kilometers|kilometres|km|miles)\b
              | \s(?<people>people|civilians|soldiers|troops|servicemen|casualties|deaths|dead|wounded|prisoners|refugees|children|residents)\b
              | -(?<period>day|hour|week|month|year)\s(?:pause|ceasefire|cease-fire|truce|moratorium|halt|ban|deadline)\b
              | \s(?<dur>hours|minutes|days|weeks)\b(?<=(?:lasted|stretched|lasting|went\ on\ for|for)\s.{1,40})
            )
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimPattern();
}
