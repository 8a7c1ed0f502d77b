namespace Storyline.Entities;

/// <summary>String distances for spotting spelling variants of one name ("Witkopf" ~ "Witkoff").</summary>
public static class StringSimilarity
{
    /// <summary>Edit distance (insertions, deletions, substitutions), case-insensitive.</summary>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>Jaro-Winkler similarity in 0..1, case-insensitive: rewards a shared beginning, as names have.</summary>
    public static double JaroWinkler(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
            return a.Length == b.Length ? 1 : 0;
        int window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        int matches = 0;
        for (int i = 0; i < a.Length; i++)
        {
            for (int j = Math.Max(0, i - window); j < Math.Min(b.Length, i + window + 1); j++)
            {
                if (bMatched[j] || char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
                    continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0)
            return 0;
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
                continue;
            while (!bMatched[j])
                j++;
            if (char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
                transpositions++;
            j++;
        }
        double m = matches;
        double jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && char.ToLowerInvariant(a[prefix]) == char.ToLowerInvariant(b[prefix]))
            prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    /// <summary>
    /// True when two surnames look like spellings of one name: close in edit distance and in Jaro-Winkler, sharing
    /// their first letter, and long enough that a near miss is unlikely to be chance ("Lee" ~ "Lea" is not evidence).
    /// </summary>
    public static bool AreSpellingVariants(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
            return false;
        if (Math.Min(a.Length, b.Length) < MinVariantLength || char.ToLowerInvariant(a[0]) != char.ToLowerInvariant(b[0]))
            return false;
        return Levenshtein(a, b) <= MaxVariantEdits && JaroWinkler(a, b) >= MinVariantJaroWinkler;
    }

    // Tuned together by hand on made-up pairs (Witkoff/Witkopf, Zelensky/Zelenskyy, Kushner/Kirchner must fail).
    public const int MinVariantLength = 5;
    public const int MaxVariantEdits = 2;
    public const double MinVariantJaroWinkler = 0.9;
}
