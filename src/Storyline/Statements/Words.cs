using System.Collections.Frozen;

namespace Storyline.Statements;

/// <summary>Small closed classes of English words the attribution rules test for.</summary>
internal static class Words
{
    public static readonly FrozenSet<string> Pronouns = new[] { "he", "she", "they", "it", "him", "her", "them" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> FirstPerson = new[]
    {
        "i", "we", "me", "us", "my", "our", "ours", "myself", "ourselves", "i’m", "i'm", "i’ve", "i've", "i’d", "i'd", "i’ll", "i'll",
        "we’re", "we're", "we’ve", "we've", "we’d", "we'd", "we’ll", "we'll", "let’s", "let's",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "any",
        "no", "all", "every", "each", "both", "another", "one", "two", "three", "several", "many",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Finite auxiliaries: a verb, never the first word of a reported clause.</summary>
    public static readonly FrozenSet<string> FiniteAuxiliaries = new[]
    {
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
        "did", "does", "do", "be", "been",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a quantified group: "most said", "About four in 10 said", "few on either side think".</summary>
    public static readonly FrozenSet<string> Quantifiers = new[]
    {
        "most", "few", "more", "fewer", "half", "about", "nearly", "almost", "roughly", "around", "majority", "other", "others",
        "none", "dozens", "hundreds", "thousands", "millions", "plenty", "everyone", "nobody", "someone", "somebody",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open a reported clause with no "that": "said he would", "said the plan".</summary>
    public static readonly FrozenSet<string> ClauseOpeners = new[]
    {
        "he", "she", "they", "it", "we", "i", "you", "there", "the", "a", "an", "this", "these", "those", "his", "her", "its",
        "their", "our", "no", "some", "any", "all", "every", "both", "neither", "none", "nothing", "everyone", "everything",
        "if", "whether", "how", "what", "why",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words after which a new clause, and so a new speaker region, begins.</summary>
    public static readonly FrozenSet<string> ClauseBoundaries = new[]
    {
        "that", "which", "who", "whom", "where", "when", "because", "but", "while", "although", "though", "since", "whereas", "after",
        "before", "if", "unless", "until", "as", "so",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> LeadingConjunctions = new[] { "and", "but", "so", "yet", "or", "then", "also", "meanwhile", "however" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Prepositions = new[]
    {
        "in", "on", "at", "to", "from", "by", "with", "for", "of", "about", "against", "between", "into", "during", "after", "before",
        "near", "over", "under", "through", "across", "toward", "towards", "without", "within", "amid", "despite", "like",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> TimeWords = new[]
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.",
        "nov.", "dec.", "today", "yesterday", "tonight", "week", "month", "year", "weekend", "morning", "afternoon", "evening",
        "night", "earlier", "later", "last", "this", "next", "late", "early",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Name connectors that stay inside a capitalised name: "Institute for the Study of War".</summary>
    public static readonly FrozenSet<string> NameConnectors = new[] { "of", "for", "the", "de", "da", "del", "von", "van", "al", "bin", "le", "la", "du" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Addressees of "told" that are not names: "told reporters".</summary>
    public static readonly FrozenSet<string> Audiences = new[]
    {
        "reporters", "journalists", "lawmakers", "supporters", "parliament", "me", "him", "her", "them", "us", "students", "voters",
        "the", "a", "an", "crowd", "audience", "delegates", "members", "viewers", "listeners", "readers", "officials",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A capitalised adjective of nationality or party ("Russian", "Ukrainian", "Chinese", "Republican").</summary>
    /// <remarks>Suffixes only, so first names such as "Jean" or "Ivan" must not pass: at least six letters.</remarks>
    public static bool LooksLikeDemonym(string word) =>
        word.Length >= 6 && char.IsUpper(word[0])
        && (word.EndsWith("ian", StringComparison.Ordinal) || word.EndsWith("ean", StringComparison.Ordinal)
            || word.EndsWith("can", StringComparison.Ordinal) || word.EndsWith("ese", StringComparison.Ordinal)
            || word.EndsWith("ish", StringComparison.Ordinal) || (word.EndsWith('i') && word.Length >= 7));

    public static bool IsAdverb(string lower) => lower.Length > 4 && lower.EndsWith("ly", StringComparison.Ordinal);

    public static bool IsGerund(string lower) => lower.Length > 4 && lower.EndsWith("ing", StringComparison.Ordinal);
}
