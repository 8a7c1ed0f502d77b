using System.Text.RegularExpressions;

namespace Storyline.Extraction;

/// <summary>
/// The surface facts about one line of scraped text that the <see cref="LineLabeller"/> decides on. The boilerplate
/// phrases are looked up one kind at a time, when a rule first asks for that kind: most rules ask only of short lines,
/// and a long paragraph would otherwise be scanned for every kind on every page.
/// </summary>
internal sealed partial class LineShape
{
    private readonly PhraseLexicon _lexicon;

    /// <summary>Bits of the phrase kinds looked up so far, and of those found.</summary>
    private int _looked, _found;

    private LineShape(string text, PhraseLexicon lexicon)
    {
        Text = text;
        Words = CountWords(text);
        EndsSentence = EndsWithSentencePunctuation(text);
        _lexicon = lexicon;
    }

    public string Text { get; }

    public int Words { get; }

    public bool EndsSentence { get; }

    /// <summary>Lines this long are paragraphs whatever their punctuation.</summary>
    public const int ParagraphCharacters = 100;

    public int Length => Text.Length;

    /// <summary>A paragraph of running text, as opposed to a headline, a menu item or a button.</summary>
    public bool IsProse => Length >= ParagraphCharacters || (EndsSentence && Words >= 3);

    public bool Has(PhraseKind kind)
    {
        int bit = 1 << (int)kind;
        if ((_looked & bit) == 0)
        {
            if (_lexicon.Has(Text, kind))
                _found |= bit;
            _looked |= bit;
        }
        return (_found & bit) != 0;
    }

    public static LineShape Of(string text, PhraseLexicon lexicon) => new(text, lexicon);

    public static int CountWords(ReadOnlySpan<char> text)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
                words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>True when the line ends like a sentence (. ! ? …), looking through closing quotes and brackets.</summary>
    public static bool EndsWithSentencePunctuation(ReadOnlySpan<char> text)
    {
        int i = text.Length - 1;
        while (i >= 0 && (IsClosingQuote(text[i]) || text[i] is ')' or ']' || char.IsWhiteSpace(text[i])))
            i--;
        return i >= 0 && text[i] is '.' or '!' or '?' or '…';
    }

    private static bool IsClosingQuote(char c) => c is '"' or '\'' or '’' or '”' or '»' or '“';

    /// <summary>First-person plural outside quotation marks: the outlet speaking to its readers ("our work", "we need").</summary>
    // Blanking the quotations can only remove matches (a space in place of a quotation joins no words and puts no
    // word next to a letter), so a line without any such word is answered without the replacement.
    public bool SpeaksAsWe => FirstPersonPlural().IsMatch(Text) && FirstPersonPlural().IsMatch(QuotedText().Replace(Text, " "));

    /// <summary>The line ends in a photo credit: a domain or a credit phrase after the last sentence.</summary>
    public bool EndsWithCredit
    {
        get
        {
            int cut = Math.Max(Text.LastIndexOf(". ", StringComparison.Ordinal), Text.LastIndexOf("? ", StringComparison.Ordinal));
            if (cut < 0)
                return false;
            var tail = Text[(cut + 2)..];
            return CountWords(tail) <= 5 && !EndsWithSentencePunctuation(tail) && (TrailingDomain().IsMatch(tail) || Has(PhraseKind.Credit));
        }
    }

    [GeneratedRegex(@"\b(we|our|ours|us)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FirstPersonPlural();

    [GeneratedRegex(@"[“""«„][^“”""«»„]*[”""»“]")]
    private static partial Regex QuotedText();

    [GeneratedRegex(@"^[\w-]+(\.[\w-]+)*\.[a-z]{2,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingDomain();
}
