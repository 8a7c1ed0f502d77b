using System.Globalization;
using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Events;

/// <summary>
/// Finds numeric claims: percentages ("about 20% of Ukraine's territory"), money ("$50 billion"), areas and
/// distances ("5 thousand square kilometers"), counts of people ("12 civilians were killed"), periods attached to
/// an agreement ("a 30-day pause") and durations ("lasted five hours"). Each gets a normalised quantity and unit,
/// the entity it is about (after "of", else the nearest named before it) and who claims it (the speaker of the
/// statement it is in, or the source after "according to").
/// </summary>
internal sealed partial class ClaimFinder
{
    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["hundred"] = 100, ["a hundred"] = 100, ["dozens of"] = 24, ["hundreds of"] = 200,
        ["thousands of"] = 2000,
    };

    private static readonly Dictionary<string, double> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["thousand"] = 1e3, ["million"] = 1e6, ["mln"] = 1e6, ["m"] = 1e6, ["billion"] = 1e9, ["bn"] = 1e9, ["trillion"] = 1e12,
    };

    public List<Claim> FindAll(Document document, IReadOnlyList<SentenceWords> sentences)
    {
        var entities = document.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var claims = new List<Claim>();
        foreach (var s in sentences)
        {
            var text = s.Span.Of(document.Text);
            foreach (Match m in ClaimPattern().Matches(text))
            {
                var span = new Span(s.Span.Start + m.Index, m.Length);
                if (claims.Any(c => c.Span.Overlaps(span)))
                    continue;
                var (quantity, unit) = Normalise(m);
                claims.Add(new Claim(span, quantity, unit, Subject(s, span, document, entities), Claimant(document, s, span, entities)));
            }
        }
        return claims;
    }

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

    /// <summary>The entity named right after "of" ("19.2% of Ukraine"), else the nearest named before the number.</summary>
    private static string? Subject(SentenceWords s, Span claim, Document document, Dictionary<string, Entity> entities)
    {
        string? Name(EntityMention m) => m.EntityId is { } id && entities.TryGetValue(id, out var e) ? e.Name : null;
        var next = s.Mentions.FirstOrDefault(m => m.Span.Start >= claim.End);
        if (next is not null && document.Text.AsSpan(claim.End, next.Span.Start - claim.End).Trim() is var gap
            && (gap.SequenceEqual("of") || gap.SequenceEqual("of the")))
            return Name(next);
        var before = s.Mentions.LastOrDefault(m => m.Span.End <= claim.Start);
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

    // One pattern, alternatives by claim shape; every repeat is bounded. Groups: num (the number), half ("and a
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
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ClaimPattern();
}
