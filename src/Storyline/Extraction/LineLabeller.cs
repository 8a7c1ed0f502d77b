using System.Text.RegularExpressions;
using Storyline.Documents;

namespace Storyline.Extraction;

/// <summary>
/// Labels the lines of scraped text (one paragraph per line) as title, dateline, heading, body, caption or
/// boilerplate. Works in passes, from what one line shows on its own (a gallery counter, a donation pitch, a line
/// in another script) to what its neighbours show (a related-links block, a gallery, a pitch that runs over
/// several paragraphs). Every rule is about the shape of page furniture, never about one site.
/// </summary>
internal sealed partial class LineLabeller(PhraseLexicon lexicon)
{
    /// <summary>A title is a short line near the top: at most this long, and before the first long paragraph.</summary>
    private const int MaxTitleCharacters = 180;

    /// <summary>The title is looked for among this many first lines.</summary>
    private const int TitleSearchLines = 8;

    /// <summary>Headlines in a related-links block are at most this many words; a longer line ends the block.</summary>
    private const int MaxRelatedHeadlineWords = 25;

    /// <summary>A line with more letters than this in another script than the article's is a promo in another language.</summary>
    private const double ForeignScriptShare = 0.5;

    /// <summary>Gallery lines (counters, credits) further apart than this are two galleries, not one.</summary>
    private const int MaxGalleryGap = 6;

    /// <summary>Captions are short: a line longer than this is never taken into a gallery after its last counter.</summary>
    private const int MaxCaptionCharacters = 250;

    public static LineLabeller Default { get; } = new(PhraseLexicon.Default);

    public LineLabel[] Label(IReadOnlyList<string> lines)
    {
        var shapes = lines.Select(l => LineShape.Of(l, lexicon)).ToArray();
        var labels = new LineLabel?[lines.Count];
        var script = DominantScript(lines);
        LabelAlone(shapes, labels, script);
        int title = FindTitle(shapes, labels);
        LabelRelatedBlocks(shapes, labels);
        LabelGalleries(shapes, labels);
        LabelByShape(shapes, labels, title);
        AbsorbPitchRuns(shapes, labels);
        return labels.Select(l => l ?? LineLabel.Body).ToArray();
    }

    /// <summary>What a line shows on its own: furniture phrases, datelines, captions, another script.</summary>
    private static void LabelAlone(LineShape[] shapes, LineLabel?[] labels, UnicodeScript script)
    {
        for (int i = 0; i < shapes.Length; i++)
        {
            var s = shapes[i];
            if (ForeignShare(s.Text, script) > ForeignScriptShare)
                labels[i] = LineLabel.Boilerplate;
            else if (s.Has(PhraseKind.Gallery) && s.Length <= MaxCaptionCharacters)
                labels[i] = LineLabel.Caption;
            else if (s.Has(PhraseKind.Credit) && s.Length <= 80 && !s.EndsSentence)
                labels[i] = LineLabel.Caption;
            else if (IsDateline(s))
                labels[i] = LineLabel.Dateline;
            else if (s.Has(PhraseKind.Ui) || s.Has(PhraseKind.Related))
                labels[i] = LineLabel.Boilerplate;
            // A pitch word in a long paragraph ("donations to the campaign") is news; with the outlet's "we" it is a pitch.
            else if (s.Has(PhraseKind.Pitch) && (s.Length < 2 * LineShape.ParagraphCharacters || s.SpeaksAsWe))
                labels[i] = LineLabel.Boilerplate;
            else if (s.EndsWithCredit && s.Length <= MaxCaptionCharacters)
                labels[i] = LineLabel.Caption;
        }
    }

    /// <summary>
    /// The title: the first unlabelled line of a few words near the top, if no long paragraph comes before it.
    /// Lines above it that repeat part of it are breadcrumbs; later copies of it are furniture too.
    /// </summary>
    private static int FindTitle(LineShape[] shapes, LineLabel?[] labels)
    {
        int title = -1;
        for (int i = 0; i < Math.Min(shapes.Length, TitleSearchLines); i++)
        {
            if (labels[i] is not null)
                continue;
            var s = shapes[i];
            if (s.Length <= MaxTitleCharacters && s.Words >= 3 && !s.Text.EndsWith(':') && SentenceCount(s.Text) <= 2)
                title = i;
            break;
        }
        if (title < 0)
            return -1;
        labels[title] = LineLabel.Title;
        var text = shapes[title].Text;
        for (int i = 0; i < shapes.Length; i++)
        {
            if (i != title && labels[i] is null && shapes[i].Length >= 10 && text.StartsWith(shapes[i].Text, StringComparison.OrdinalIgnoreCase))
                labels[i] = LineLabel.Boilerplate;
        }
        return title;
    }

    /// <summary>"Read also" on a line of its own starts a block of headlines, section names and separators.</summary>
    private static void LabelRelatedBlocks(LineShape[] shapes, LineLabel?[] labels)
    {
        for (int i = 0; i < shapes.Length; i++)
        {
            if (!shapes[i].Has(PhraseKind.Related) || shapes[i].Words > 5)
                continue;
            int j = i + 1;
            for (; j < shapes.Length; j++)
            {
                var s = shapes[j];
                bool headline = s.Length < LineShape.ParagraphCharacters + 60 && s.Words <= MaxRelatedHeadlineWords && !s.EndsSentence;
                if (!headline && labels[j] != LineLabel.Boilerplate)
                    break;
                labels[j] = LineLabel.Boilerplate;
            }
            i = j - 1;
        }
    }

    /// <summary>
    /// A photo gallery runs from its first counter or credit to its last; after the last counter come that
    /// photo's caption and credit, up to the first line that introduces running text again.
    /// </summary>
    private static void LabelGalleries(LineShape[] shapes, LineLabel?[] labels)
    {
        var gallery = Enumerable.Range(0, shapes.Length).Where(i => shapes[i].Has(PhraseKind.Gallery) && labels[i] == LineLabel.Caption).ToList();
        int k = 0;
        while (k < gallery.Count)
        {
            int first = gallery[k], last = first;
            while (k + 1 < gallery.Count && gallery[k + 1] - last <= MaxGalleryGap)
                last = gallery[++k];
            k++;
            for (int i = first; i <= last; i++)
                labels[i] ??= LineLabel.Caption;
            for (int i = last + 1; i < shapes.Length; i++)
            {
                var s = shapes[i];
                bool credit = s.Has(PhraseKind.Credit) && !s.EndsSentence;
                bool beforeProse = i + 1 >= shapes.Length || shapes[i + 1].IsProse;
                if (labels[i] is not null && labels[i] != LineLabel.Caption)
                    break;
                if (!credit && (s.IsProse || beforeProse || s.Length > MaxCaptionCharacters))
                    break;
                labels[i] = LineLabel.Caption;
            }
        }
    }

    /// <summary>What is left: paragraphs are body; a short line that introduces a paragraph is a heading; other short lines are furniture.</summary>
    private static void LabelByShape(LineShape[] shapes, LineLabel?[] labels, int title)
    {
        for (int i = 0; i < shapes.Length; i++)
        {
            if (labels[i] is not null)
                continue;
            var s = shapes[i];
            if (s.IsProse)
                labels[i] = LineLabel.Body;
            else if (i > title && i + 1 < shapes.Length && (labels[i + 1] is null or LineLabel.Body) && shapes[i + 1].IsProse
                     && s.Words <= 20 && !s.Text.EndsWith(',') && !s.Text.EndsWith(':') && !s.Text.EndsWith(';'))
                labels[i] = LineLabel.Heading;
            else
                labels[i] = LineLabel.Boilerplate;
        }
    }

    /// <summary>
    /// An appeal runs over several paragraphs; only some carry a pitch phrase. A short run of body lines between
    /// boilerplate in which the outlet speaks as "we" belongs to the appeal.
    /// </summary>
    private static void AbsorbPitchRuns(LineShape[] shapes, LineLabel?[] labels)
    {
        const int MaxRun = 3;
        for (int i = 1; i < shapes.Length; i++)
        {
            if (labels[i] != LineLabel.Body || labels[i - 1] != LineLabel.Boilerplate)
                continue;
            int end = i;
            while (end < shapes.Length && labels[end] == LineLabel.Body)
                end++;
            if (end < shapes.Length && labels[end] == LineLabel.Boilerplate && end - i <= MaxRun
                && Enumerable.Range(i, end - i).All(j => shapes[j].SpeaksAsWe))
            {
                for (int j = i; j < end; j++)
                    labels[j] = LineLabel.Boilerplate;
            }
            i = end;
        }
    }

    private static int SentenceCount(string text) => SentenceEnd().Count(text) + (LineShape.EndsWithSentencePunctuation(text) ? 0 : 1);

    [GeneratedRegex(@"[.!?…]['’”""]?(\s|$)")]
    private static partial Regex SentenceEnd();

    /// <summary>A short line made mostly of dates, weekdays and times ("Thursday | 4th December 2026", "Updated 12:40 GMT").</summary>
    internal static bool IsDateline(LineShape s)
    {
        if (s.Length > 80 || s.Words == 0)
            return false;
        // The anchor first: one match settles it for most lines, where counting the date words reads the whole line.
        if (!HasDateAnchor().IsMatch(s.Text))
            return false;
        int dateWords = DateWord().Count(s.Text);
        return dateWords >= 2 && dateWords * 2 >= s.Words;
    }

    [GeneratedRegex(@"\b(\d{1,4}(st|nd|rd|th|\.)?|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|am|pm|gmt|utc|[ecmp][sd]t|updated|published|posted|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateWord();

    /// <summary>A year, a month name or a numeric date: without one, "Mon 12" is not a date.</summary>
    [GeneratedRegex(@"\b((19|20)\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|jan(uary)?|feb(ruary)?|march|april|may|june|july|aug(ust)?|sept(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HasDateAnchor();

    /// <summary>The script most letters of the text are written in.</summary>
    internal static UnicodeScript DominantScript(IEnumerable<string> lines)
    {
        var counts = new int[Enum.GetValues<UnicodeScript>().Length];
        foreach (var line in lines)
        {
            foreach (var c in line)
                counts[(int)ScriptOf(c)]++;
        }
        counts[(int)UnicodeScript.None] = 0;
        int best = 0;
        for (int i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
                best = i;
        }
        return (UnicodeScript)best;
    }

    /// <summary>Share of the letters of a line written in another script than <paramref name="script"/>; 0 for lines of under 3 letters.</summary>
    internal static double ForeignShare(string line, UnicodeScript script)
    {
        int letters = 0, foreign = 0;
        foreach (var c in line)
        {
            var s = ScriptOf(c);
            if (s == UnicodeScript.None)
                continue;
            letters++;
            if (s != script)
                foreign++;
        }
        return letters < 3 ? 0 : (double)foreign / letters;
    }

    internal static UnicodeScript ScriptOf(char c)
    {
        if (!char.IsLetter(c))
            return UnicodeScript.None;
        return c switch
        {
            < '\u0250' => UnicodeScript.Latin,
            >= '\u0370' and < '\u0400' => UnicodeScript.Greek,
            >= '\u0400' and < '\u0530' => UnicodeScript.Cyrillic,
            >= '\u0590' and < '\u0600' => UnicodeScript.Hebrew,
            >= '\u0600' and < '\u0780' => UnicodeScript.Arabic,
            >= '\u0900' and < '\u0E00' => UnicodeScript.Indic,
            >= '\u1E00' and < '\u1F00' => UnicodeScript.Latin,
            >= '\u3040' and < '\uA000' => UnicodeScript.Cjk,
            >= '\uAC00' and < '\uD7B0' => UnicodeScript.Hangul,
            _ => UnicodeScript.Other,
        };
    }
}

/// <summary>The writing systems a line can be told apart by, coarsely.</summary>
internal enum UnicodeScript { None, Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, Cjk, Hangul, Other }
