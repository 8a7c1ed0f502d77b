using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>One turn of an interview or transcript: the words spoken and who is speaking (a label, the interviewer or the interviewee).</summary>
internal sealed record TranscriptTurn(int Paragraph, Span Content, TurnSpeaker Speaker, string? Label = null);

internal enum TurnSpeaker : byte { Interviewee, Interviewer, Labelled }

/// <summary>
/// Finds transcripts and interviews in an article's paragraphs, in the two shapes news sites print them:
/// speaker labels ("Putin: …", "Q: …") and topic headings followed by first-person answers with no quote marks
/// ("On the ceasefire" / "We will achieve this …"), where the speaker is named only in the introduction.
/// </summary>
internal static class TranscriptReader
{
    /// <summary>Longest speaker label, in words: "Prime Minister Narendra Modi:".</summary>
    private const int MaxLabelWords = 4;

    /// <summary>A labelled transcript needs this many turns; one "Note: …" line is not an interview.</summary>
    private const int MinLabelledTurns = 3;

    /// <summary>Longest heading, in words, when the line labeller has not marked headings.</summary>
    private const int MaxHeadingWords = 15;

    public static List<TranscriptTurn> FindAll(IReadOnlyList<(Line Line, Paragraph Paragraph)> paragraphs)
    {
        var labelled = Labelled(paragraphs);
        return labelled.Count >= MinLabelledTurns && labelled.Select(t => t.Label).Distinct(StringComparer.Ordinal).Count() >= 2
            ? labelled
            : UnderHeadings(paragraphs);
    }

    private static List<TranscriptTurn> Labelled(IReadOnlyList<(Line Line, Paragraph Paragraph)> paragraphs)
    {
        var turns = new List<TranscriptTurn>();
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var (line, p) = paragraphs[i];
            if (line.Label != LineLabel.Body)
                continue;
            var tokens = p.Tokens;
            int k = 0;
            while (k < tokens.Count && k <= MaxLabelWords && tokens[k].IsCapitalised)
                k++;
            if (k == 0 || k > MaxLabelWords || k + 1 >= tokens.Count || !tokens[k].Is(':'))
                continue;
            var label = p.Text[tokens[0].Start..tokens[k - 1].End];
            var speaker = label.ToUpperInvariant() switch
            {
                "Q" or "QUESTION" => TurnSpeaker.Interviewer,
                "A" or "ANSWER" => TurnSpeaker.Interviewee,
                _ => TurnSpeaker.Labelled,
            };
            var content = Span.FromBounds(tokens[k + 1].Start, p.Span.End);
            turns.Add(new TranscriptTurn(i, content, speaker, label));
        }
        return turns;
    }

    private static List<TranscriptTurn> UnderHeadings(IReadOnlyList<(Line Line, Paragraph Paragraph)> paragraphs)
    {
        var turns = new List<TranscriptTurn>();
        int heading = -1;
        var section = new List<int>();
        bool seenProse = false;
        for (int i = 0; i <= paragraphs.Count; i++)
        {
            bool isHeading = i < paragraphs.Count && IsHeading(paragraphs[i], seenProse);
            if (i == paragraphs.Count || isHeading)
            {
                if (heading >= 0 && IsAnswerSection(paragraphs, section))
                {
                    var question = paragraphs[heading].Paragraph;
                    if (question.Text[question.Span.End - 1] == '?')
                        turns.Add(new TranscriptTurn(heading, question.Span, TurnSpeaker.Interviewer));
                    turns.AddRange(section.Select(s => new TranscriptTurn(s, paragraphs[s].Paragraph.Span, TurnSpeaker.Interviewee)));
                }
                heading = i;
                section.Clear();
                continue;
            }
            if (paragraphs[i].Line.Label == LineLabel.Body && paragraphs[i].Paragraph.EndsLikeProse())
            {
                seenProse = true;
                if (heading >= 0)
                    section.Add(i);
            }
        }
        return turns;
    }

    private static bool IsHeading((Line Line, Paragraph Paragraph) entry, bool seenProse)
    {
        if (entry.Line.Label == LineLabel.Heading)
            return true;
        if (entry.Line.Label != LineLabel.Body || !seenProse)
            return false;
        var p = entry.Paragraph;
        bool question = p.Text[p.Span.End - 1] == '?';
        return (!p.EndsLikeProse() || question) && p.Tokens.Count(t => t.IsWord) <= MaxHeadingWords;
    }

    // Answers speak in the first person and carry no quote marks of their own: at least half of the section's
    // paragraphs say "I", "we" or "our" outside quotes, and none opens with a quotation.
    private static bool IsAnswerSection(IReadOnlyList<(Line Line, Paragraph Paragraph)> paragraphs, List<int> section)
    {
        if (section.Count == 0)
            return false;
        int firstPerson = 0;
        foreach (var i in section)
        {
            var p = paragraphs[i].Paragraph;
            if (p.Tokens.Count == 0 || p.IsQuoteMark(0))
                return false;
            if (p.Tokens.Where((t, k) => t.IsWord && !p.InQuote(k) && Words.FirstPerson.Contains(t.Lower)).Any())
                firstPerson++;
        }
        return firstPerson * 2 >= section.Count;
    }
}
