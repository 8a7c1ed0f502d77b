using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>Tells whether a capitalised word is a name in this document (seen capitalised inside a sentence).</summary>
internal interface INameEvidence
{
    bool IsCapitalisedMidSentence(string word);
}

/// <summary>
/// Finds the phrase naming a speaker in a run of tokens (the subject before a cue, the words after "according to"):
/// a pronoun, a proper name, an anonymous source or a description. Decides only from the words; resolving the
/// phrase to a canonical name is <see cref="LocalNameResolver"/>'s job.
/// </summary>
internal sealed class SpeakerPhraseFinder(StatementLexicon lexicon, INameEvidence evidence)
{
    /// <summary>How far from the start of a region an anonymous head ("source") may stand and still head it.</summary>
    private const int MaxAnonymousHeadOffset = 3;

    /// <summary>Regions longer than this are clauses, not subjects.</summary>
    private const int MaxRegionTokens = 16;

    public SpeakerPhrase? Find(Paragraph p, int first, int end, int sentenceFirst)
    {
        var tokens = p.Tokens;
        while (first < end && (!tokens[first].IsWord || Words.LeadingConjunctions.Contains(tokens[first].Lower)) && !p.IsQuoteMark(first))
            first++;
        while (end > first && !tokens[end - 1].IsWord)
            end--;
        if (end <= first || end - first > MaxRegionTokens)
            return null;
        for (int t = first; t < end; t++)
        {
            if (p.InQuote(t) || p.IsQuoteMark(t))
                return null;
        }

        var last = tokens[end - 1];
        if (Words.Pronouns.Contains(last.Lower))
            return new SpeakerPhrase(last.Span, SpeakerKind.Pronoun, last.Span);

        int anonymous = -1;
        for (int t = first; t < end && t - first <= MaxAnonymousHeadOffset; t++)
        {
            if (lexicon.Anonymous.Contains(tokens[t].Lower) && !IsNameWord(p, t, sentenceFirst))
            {
                anonymous = t;
                break;
            }
        }
        if (anonymous >= 0)
            return new SpeakerPhrase(p.SpanOf(first, anonymous + 1), SpeakerKind.Anonymous, p.SpanOf(first, anonymous + 1));

        var names = NameSequences(p, first, end, sentenceFirst);
        for (int n = names.Count - 1; n >= 0; n--)
        {
            var (a, b) = names[n];
            if (!tokens[b - 1].IsPossessive || (b < end && lexicon.SourceOf.Contains(tokens[b].Lower)))
            {
                int start = a > first && tokens[a - 1].Lower == "the" ? a - 1 : a; // "the Kremlin" is the phrase, "Kremlin" the name
                return new SpeakerPhrase(p.SpanOf(start, b), SpeakerKind.Name, NameHead(p, a, b));
            }
        }

        return Description(p, first, end);
    }

    /// <summary>Longest group or thing that speaks as a plain noun phrase ("About four in 10 of those surveyed"), in tokens.</summary>
    private const int MaxGroupTokens = 8;

    /// <summary>
    /// A plain noun phrase as speaker, kept as written: "The organizers", "Many in the crowd", "the survey", "exit
    /// polls". It opens with a determiner or quantifier (or is a short plural), holds no verb-like word, and ends on a
    /// noun-like word. Only for cues that are unmistakably verbs; the caller decides that.
    /// </summary>
    public SpeakerPhrase? Group(Paragraph p, int first, int end)
    {
        var tokens = p.Tokens;
        while (first < end && (!tokens[first].IsWord || Words.LeadingConjunctions.Contains(tokens[first].Lower)) && !p.IsQuoteMark(first))
            first++;
        while (end > first && !tokens[end - 1].IsWord)
            end--;
        if (end <= first || end - first > MaxGroupTokens)
            return null;
        for (int t = first; t < end; t++)
        {
            var tok = tokens[t];
            if (!tok.IsWord && !tok.IsAny("-"))
                return null;
            if (p.InQuote(t) || p.IsQuoteMark(t) || lexicon.Auxiliaries.Contains(tok.Lower) || Words.ClauseBoundaries.Contains(tok.Lower)
                || Words.FirstPerson.Contains(tok.Lower) || tok.Lower is "to" or "not" or "there" or "what" or "it" || (t < end - 1 && lexicon.TryGetCue(tok.Lower, out _)))
                return null;
        }
        var head = tokens[end - 1].Lower;
        var opener = tokens[first].Lower;
        // "the ruling", "the briefing" are nouns after a determiner; elsewhere an -ing word is a verb.
        bool gerundVerb = Words.IsGerund(head) && !(end - first == 2 && Words.Determiners.Contains(opener));
        if (Words.Determiners.Contains(head) || Words.Prepositions.Contains(head) || Words.IsAdverb(head) || gerundVerb || Words.Pronouns.Contains(head))
            return null;
        bool quantified = Words.Determiners.Contains(opener) || Words.Quantifiers.Contains(opener) || char.IsDigit(opener[0]);
        // "exit polls", "Experts on North Korea", "Supporters of the plan".
        bool plural = (end - first <= 3 && IsPlural(tokens[end - 1]))
            || (end - first > 2 && IsPlural(tokens[first]) && tokens[first + 1].Lower is "of" or "on" or "in" or "for" or "from" or "at" or "with");
        if (!quantified && !plural)
            return null;
        var span = p.SpanOf(first, end);
        return new SpeakerPhrase(span, SpeakerKind.Description, span);
    }

    private static bool IsPlural(Tok t) => t.Lower.Length > 3 && t.Lower.EndsWith('s') && !t.Lower.EndsWith("ss", StringComparison.Ordinal) && !t.IsPossessive;

    /// <summary>"the Russian leader", "The Russian", "the publication": a role noun or a demonym after a determiner.</summary>
    private SpeakerPhrase? Description(Paragraph p, int first, int end)
    {
        var tokens = p.Tokens;
        for (int head = end - 1; head >= first; head--)
        {
            var tok = tokens[head];
            bool role = lexicon.Roles.Contains(tok.Lower);
            bool demonymNoun = Words.LooksLikeDemonym(tok.Text) && head > first && Words.Determiners.Contains(tokens[head - 1].Lower);
            if (!role && !demonymNoun)
                continue;
            int start = head;
            string? demonym = demonymNoun ? tok.Text : null;
            while (start > first && (tokens[start - 1].IsCapitalised || lexicon.Titles.Contains(tokens[start - 1].Lower)) && !Words.Determiners.Contains(tokens[start - 1].Lower))
            {
                start--;
                if (Words.LooksLikeDemonym(tokens[start].Text))
                    demonym ??= tokens[start].Text;
            }
            if (start > first && Words.Determiners.Contains(tokens[start - 1].Lower))
                start--;
            else if (role && start == head && !tok.IsCapitalised)
            {
                // "top black lawmakers said": a plural role noun with its modifiers speaks for a group; a bare
                // collective one ("police said") alone.
                if (!tok.Lower.EndsWith('s') && !(head == first && head == end - 1))
                    return null;
                while (start > first && tokens[start - 1].IsWord && (!tokens[start - 1].IsCapitalised || start - 1 == first) && !Words.Prepositions.Contains(tokens[start - 1].Lower)
                       && !Words.ClauseBoundaries.Contains(tokens[start - 1].Lower) && !lexicon.Auxiliaries.Contains(tokens[start - 1].Lower))
                    start--;
            }
            var span = p.SpanOf(start, head + 1);
            return new SpeakerPhrase(span, SpeakerKind.Description, span, demonym, role ? tok.Lower : null);
        }
        return null;
    }

    /// <summary>The name without leading titles and demonyms: "Russian President Vladimir Putin" → "Vladimir Putin".</summary>
    private Span NameHead(Paragraph p, int a, int b) => p.SpanOf(NameHeadStart(p, a, b), b);

    public int NameHeadStart(Paragraph p, int a, int b)
    {
        // "Foreign Ministry", "Farmers Union": an organisation's name keeps all its words.
        if (lexicon.OrgWords.Contains(p.Tokens[b - 1].Bare.ToLowerInvariant()))
            return a;
        int i = a;
        while (i < b - 1 && IsTitleWord(p.Tokens[i]) && !(Words.LooksLikeDemonym(p.Tokens[i].Text) && !IsTitleWord(p.Tokens[i + 1])))
            i++;
        return i;
    }

    public bool IsTitleWord(Tok tok)
    {
        var lower = tok.Lower;
        return lexicon.Titles.Contains(lower) || lexicon.Titles.Contains(lower.TrimEnd('.')) || Words.LooksLikeDemonym(tok.Text)
            || lower is "of" or "the" || (tok.Text.Length <= 3 && tok.Text.All(char.IsUpper));
    }

    /// <summary>Maximal capitalised sequences (allowing "of", "for the" inside), as [start, end) token ranges.</summary>
    public List<(int Start, int End)> NameSequences(Paragraph p, int first, int end, int sentenceFirst)
    {
        var tokens = p.Tokens;
        var names = new List<(int, int)>();
        int k = first;
        while (k < end)
        {
            if (!IsNameWord(p, k, sentenceFirst))
            {
                k++;
                continue;
            }
            int a = k++;
            while (k < end && !tokens[k - 1].IsPossessive && !p.InQuote(k))
            {
                if (tokens[k].IsCapitalised && !Words.Pronouns.Contains(tokens[k].Lower))
                    k++;
                else if (ConnectedNameWord(tokens, k, end) is int next)
                    k = next;
                else
                    break;
            }
            // A lone demonym before a role noun or after a determiner is an adjective: "Ukrainian officials", "the Russian".
            bool adjective = k - a == 1 && Words.LooksLikeDemonym(tokens[a].Text)
                && ((a > first && Words.Determiners.Contains(tokens[a - 1].Lower))
                    || (k < end && (lexicon.Roles.Contains(tokens[k].Lower) || lexicon.Anonymous.Contains(tokens[k].Lower))));
            if (!adjective)
                names.Add((a, k));
        }
        return names;
    }

    // "of", "for the", "de la" between capitalised words keep a name whole: "Institute for the Study of War".
    private static int? ConnectedNameWord(List<Tok> tokens, int k, int end)
    {
        int j = k;
        while (j < end && j - k < 2 && !tokens[j].IsCapitalised && Words.NameConnectors.Contains(tokens[j].Lower))
            j++;
        return j > k && j < end && tokens[j].IsCapitalised ? j + 1 : null;
    }

    private bool IsNameWord(Paragraph p, int k, int sentenceFirst)
    {
        var tok = p.Tokens[k];
        if (!tok.IsCapitalised || p.InQuote(k))
            return false;
        var lower = tok.Lower;
        if (Words.Determiners.Contains(lower) || Words.Pronouns.Contains(lower) || Words.LeadingConjunctions.Contains(lower)
            || Words.Prepositions.Contains(lower) || Words.TimeWords.Contains(lower) || Words.ClauseBoundaries.Contains(lower)
            || lower is "i" or "according")
            return false;
        bool sentenceInitial = k == sentenceFirst || (k > 0 && !p.Tokens[k - 1].IsWord && p.IsQuoteMark(k - 1));
        return !sentenceInitial || evidence.IsCapitalisedMidSentence(tok.Bare)
            || (k + 1 < p.Tokens.Count && p.Tokens[k + 1].IsCapitalised) || CueFollows(p, k + 1);
    }

    // "McLenney said …": a capitalised first word right before a reporting verb is its subject, a name even when
    // the document never writes it mid-sentence (common nouns there, "Officials", are caught as groups first).
    private bool CueFollows(Paragraph p, int k)
    {
        var tokens = p.Tokens;
        while (k < tokens.Count && tokens[k].IsWord && (lexicon.Auxiliaries.Contains(tokens[k].Lower) || Words.IsAdverb(tokens[k].Lower)))
            k++;
        return k < tokens.Count && tokens[k].IsWord && !tokens[k].IsCapitalised && lexicon.TryGetCue(tokens[k].Lower, out var cue) && !cue.IsParticiple;
    }
}
