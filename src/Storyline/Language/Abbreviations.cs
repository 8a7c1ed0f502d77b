namespace Storyline.Language;

/// <summary>
/// Words that English news writes with a full stop that does not end a sentence. Lower-case, without the dot.
/// Dotted acronyms (U.S., e.g., a.m.) and single initials are recognised by shape and need no entry. Words that
/// are also ordinary English words ("ill", "miss", "sun") are left out: a missed abbreviation costs one bad
/// split, a false one glues two sentences together.
/// </summary>
internal static class Abbreviations
{
    // Titles come before a name, so a sentence never ends on them.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "rev", "hon", "sr", "jr", "fr", "sen", "rep", "gov", "pres",
        "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "insp", "supt", "det", "amb",
        "atty", "mt", "vs", "cf", "approx",
    };

    // Abbreviations that may also end a sentence ("Apple Inc." often does).
    private static readonly HashSet<string> Others = new(StringComparer.OrdinalIgnoreCase)
    {
        "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "thu", "thur", "thurs", "fri",
        "inc", "corp", "co", "ltd", "plc", "llc", "bros", "dept", "univ", "assn", "assoc", "govt", "intl", "st", "ste", "ft",
        "etc", "al", "tel", "ext", "km", "kg", "mph", "lbs", "yrs", "hrs", "ave", "blvd", "hwy",
        "ala", "ariz", "calif", "colo", "conn", "fla", "kan", "kans", "ky", "mich", "minn", "mont", "neb", "nev", "okla",
        "tenn", "tex", "vt", "wis", "wyo",
    };

    // Abbreviations only when a number follows ("No. 10", "Art. 5", "p. 12").
    private static readonly HashSet<string> BeforeNumber = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "art", "arts", "fig", "figs", "sec", "vol", "vols", "p", "pp", "ch", "para", "op", "ref", "tab",
    };

    /// <summary>True when <paramref name="word"/> (without its dot) is an abbreviation in this context.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word, bool numberFollows) =>
        Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || Others.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)
        || (numberFollows && BeforeNumber.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word));

    /// <summary>True for titles such as "Mr" or "Gen" that always precede something, so never end a sentence.</summary>
    public static bool IsTitle(ReadOnlySpan<char> word) => Titles.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
