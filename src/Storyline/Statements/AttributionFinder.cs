using Storyline.Documents;

namespace Storyline.Statements;

/// <summary>
/// One attribution found in a sentence: the content span, the phrase naming the speaker (null when the speaker is
/// the previous one, as in a participle "…, adding that …" or a quote standing alone), the cue and the addressee.
/// </summary>
/// <remarks><see cref="Kind"/> is set only where the content span alone cannot tell (a split quote spans its attribution).</remarks>
internal sealed record Attribution(Span Content, SpeakerPhrase? Speaker, Span? Cue, string? Addressee = null, StatementKind? Kind = null);

/// <summary>
/// Finds reported speech in one sentence from its reporting cues: "X said (that) …", "“…,” X said", "according to X, …",
/// "X told Y that …", participle continuations ("…, adding that …") and split quotes. Content spans follow the gold
/// convention (GOLD-FORMAT.md): a quote without its marks; for "say"-class cues the reported clause alone; for
/// other cues the clause from a short subject on ("Putin warned that …").
/// </summary>
internal sealed class AttributionFinder(StatementLexicon lexicon, SpeakerPhraseFinder phrases)
{
    /// <summary>How far after a cue (in tokens) its "that" may stand: "told reporters on Wednesday that".</summary>
    private const int MaxThatDistance = 8;

    /// <summary>A subject up to this many tokens is part of the content of an assert-class cue ("The Russian leader claimed that").</summary>
    private const int MaxSubjectInContent = 7;

    /// <summary>Fewest words a "described as “…”" quote needs to be a statement rather than a label ("special military operation").</summary>
    private const int MinDescribedQuoteWords = 4;

    /// <summary>The quoted part before an interrupting attribution is short: "The meeting, Putin said, lasted …".</summary>
    private const int MaxInterruptedLead = 4;

    /// <summary>Longer "sentences" are lists, tables or run-together text, not prose to attribute (and would cost quadratic time).</summary>
    private const int MaxSentenceTokens = 400;

    public List<Attribution> FindAll(Paragraph p, SentenceRange s)
    {
        var found = new List<Attribution>();
        if (s.Count > MaxSentenceTokens)
            return found;
        var tokens = p.Tokens;
        for (int c = s.First; c < s.End; c++)
        {
            var tok = tokens[c];
            if (!tok.IsWord || p.InQuote(c) || found.Exists(f => f.Content.Contains(tok.Span)))
                continue;
            if (tok.Lower == "according" && c + 1 < s.End && tokens[c + 1].Lower == "to")
            {
                if (AccordingTo(p, s, c) is { } a && !found.Exists(f => f.Content.Overlaps(a.Content)))
                    found.Add(a);
                continue;
            }
            if (!TryCue(p, s, c, out var cue, out int cueEnd))
                continue;
            if (VerbFrame(p, s, c, cue, cueEnd, found) is { } v && !found.Exists(f => f.Content.Overlaps(v.Content)))
                found.Add(v);
        }
        return found;
    }

    private bool TryCue(Paragraph p, SentenceRange s, int c, out CueVerb cue, out int cueEnd)
    {
        var tokens = p.Tokens;
        cueEnd = c + 1;
        cue = null!;
        if (c > s.First && tokens[c].IsCapitalised)
            return false; // "the United States", "Secretary of State"
        if (c + 1 < s.End && lexicon.IsParticle(tokens[c + 1].Lower) && lexicon.TryGetCue(tokens[c].Lower + " " + tokens[c + 1].Lower, out cue))
        {
            cueEnd = c + 2;
        }
        else if (!lexicon.TryGetCue(tokens[c].Lower, out cue))
        {
            return false;
        }
        // A determiner or possessive before it makes the word a noun: "the claim", "Russia’s claim".
        if (c > s.First && (Words.Determiners.Contains(tokens[c - 1].Lower) || tokens[c - 1].IsPossessive))
            return false;
        // Passive ("was rejected by") and adjectival ("repeated statements") uses are not reporting.
        return cueEnd >= s.End || tokens[cueEnd].Lower != "by";
    }

    private Attribution? VerbFrame(Paragraph p, SentenceRange s, int c, CueVerb cue, int cueEnd, List<Attribution> found)
    {
        var tokens = p.Tokens;
        var (regionStart, regionEnd, boundary) = SubjectRegion(p, s, c);
        // "…, adding that …": a participle after a comma has no subject of its own.
        bool continuation = cue.IsParticiple && c > s.First && tokens[c - 1].Is(',');
        var speaker = continuation ? null : phrases.Find(p, regionStart, regionEnd, s.First);
        int right = cueEnd;
        bool inverted = false, inherited = false;
        bool afterBreak = boundary >= s.First && (tokens[boundary].Is(',') || IsClosingMark(p, boundary));
        if (speaker is null && regionStart == regionEnd && afterBreak && cue.Class == CueClass.Say && !cue.IsParticiple && !cue.RequiresClause)
        {
            // “…,” said Putin.
            int npEnd = cueEnd;
            while (npEnd < s.End && tokens[npEnd].IsWord)
                npEnd++;
            speaker = phrases.Find(p, cueEnd, npEnd, s.First) ?? phrases.Group(p, cueEnd, npEnd);
            inverted = speaker is not null;
            right = npEnd;
        }
        if (speaker is null && cue.IsParticiple && !cue.IsInference && c > s.First
            && (tokens[c - 1].Is(',') || tokens[c - 1].Lower is "by" or "while" or "before" or "after" or "when"))
        {
            if (found.Count == 0 && SentenceSubject(p, s, c) is null)
                return null;
            inherited = true;
        }
        // "Cruz exhorted Republicans to … and said he was …": a second verb shares the sentence's subject.
        SpeakerPhrase? coordinated = null;
        if (speaker is null && !inherited && !cue.IsParticiple && IsCoordinated(p, s, c) && SentenceSubject(p, s, c) is { } subject)
        {
            coordinated = subject;
            inherited = true;
        }
        // "The organizers said", "Many in the crowd said", "the survey found that": a plain noun phrase speaks when the
        // verb form is unmistakably a verb (inflected, or followed by "that"), not "the police report".
        // A verb of belief needs its "that" here: "The farmers found their cattle" is no report.
        bool thatFollows = FindThat(p, s, cueEnd) >= 0;
        if (speaker is null && !inherited && !continuation && !inverted && (thatFollows || (IsInflected(tokens[c], cue) && !cue.RequiresClause)))
            speaker = phrases.Group(p, regionStart, regionEnd);
        if (speaker is null && !inherited)
            return null;

        string? addressee = null;
        if (cue.Lemma == "tell")
            right = Addressee(p, s, right, out addressee);
        var cueSpan = p.SpanOf(c, cueEnd);
        var inheritedSpeaker = coordinated ?? (inherited ? (found.Count > 0 ? found[^1].Speaker : SentenceSubject(p, s, c)) : speaker);

        int complement = -1;
        int that = FindThat(p, s, right);
        if (cue.RequiresClause && that < 0)
        {
            // "thinks the plan will fail" reports a stance; "thinks so", "knew about it", a bare quote do not.
            int clause = SkipAdverbials(p, s, right);
            if (inverted || inherited || clause >= s.End || !OpensBeliefClause(p, clause))
                return null;
            complement = clause;
        }
        else if (that >= 0)
        {
            complement = that + 1;
        }
        else if (IsClosingMark(p, boundary) && right + 1 < s.End && tokens[right].Is(',') && OpensQuote(p, right + 1) is not null)
        {
            return Trailing(p, s, boundary, right, speaker!, cueSpan, addressee); // “We will not,” he said, “give up.”
        }
        else if (!inherited && QuoteEndsClause(p, s, boundary))
        {
            // “It never crossed my mind,” she said several months later: what follows the cue is not a reported clause.
            return Trailing(p, s, boundary, right, speaker!, cueSpan, addressee);
        }
        else if (right + 1 < s.End && tokens[right].IsAny(":,") && OpensQuote(p, right + 1) is { } frontQuote && !inverted)
        {
            return new Attribution(frontQuote.Inner, inheritedSpeaker, cueSpan, addressee);
        }
        else if (right < s.End && OpensQuote(p, right) is not null && !inverted)
        {
            complement = right;
        }
        else if (cue.Lemma is "describe" && right < s.End && tokens[right].Lower == "as")
        {
            int q = tokens[right + 1 < s.End ? right + 1 : right].Lower is "a" or "an" ? right + 2 : right + 1;
            if (q < s.End && OpensQuote(p, q) is { } described && WordCount(p, described.Inner) >= MinDescribedQuoteWords)
                return new Attribution(described.Inner, inheritedSpeaker, cueSpan, addressee);
            return null;
        }
        else if (SkipAdverbials(p, s, right) is int clause && clause < s.End && !inverted && OpensClause(p, clause, cue))
        {
            complement = clause; // "said on Friday he met …"
        }
        else if (!inverted && cue.Class == CueClass.Say && PronounAfterPhrase(p, s, right) is int clauseSubject)
        {
            complement = clauseSubject; // "said after the convention he would not …"
        }

        // A participle reports speech only with a reported clause or quote: "…, dismissing Ukraine’s position" does not.
        // "saying" and "adding" report speech with a bare clause too: "…, saying they were old".
        bool speechParticiple = cue.Lemma is "say" or "add" && complement >= 0 && IsClauseSubject(p.Tokens[complement]);
        if (inherited && that < 0 && !speechParticiple && (complement < 0 || OpensQuote(p, complement) is null))
            return null;
        if (complement >= 0 && complement < s.End)
        {
            int start = ContentStart(p, s, c, cue, complement, regionStart, regionEnd, speaker, inherited);
            int end = ClauseEnd(p, s, complement);
            if (end <= start)
                return null;
            return new Attribution(Span.FromBounds(start, end), inheritedSpeaker, cueSpan, addressee);
        }

        if (inherited || !(afterBreak || inverted) || !EndsAttribution(p, s, right))
            return null;
        return Trailing(p, s, boundary, right, speaker!, cueSpan, addressee);
    }

    /// <summary>The content before a trailing attribution ("…, X said."), an interrupted one ("The meeting, X said, lasted …") or a split quote.</summary>
    private Attribution? Trailing(Paragraph p, SentenceRange s, int boundary, int right, SpeakerPhrase speaker, Span cue, string? addressee)
    {
        var tokens = p.Tokens;
        bool quoteBefore = IsClosingMark(p, boundary);
        var lead = quoteBefore ? QuoteClosedAt(p, boundary) : (Quote?)null;
        bool leadIsWholeQuote = lead is { } lq && lq.Open == tokens[s.First].Start;
        if (right + 1 < s.End && tokens[right].Is(','))
        {
            // “We will not,” he said, “give up an inch.” : one statement across the interruption.
            if (leadIsWholeQuote && OpensQuote(p, right + 1) is { } second)
                return new Attribution(Span.FromBounds(lead!.Value.Inner.Start, second.Inner.End), speaker, cue, addressee, StatementKind.Direct);
            // The meeting, Putin said, lasted for hours.
            if (!quoteBefore && boundary - s.First <= MaxInterruptedLead && tokens[right + 1].IsWord && !Words.IsGerund(tokens[right + 1].Lower))
            {
                int end = ClauseEnd(p, s, right + 1);
                return new Attribution(Span.FromBounds(tokens[right + 1].Start, end), speaker, cue, addressee);
            }
            // "If the law conflicts with his faith, Rubio said, believers must ignore it": a long lead and the clause
            // after the attribution are one report, kept whole the way a split quote is.
            if (!quoteBefore && tokens[right + 1].IsWord && !Words.IsGerund(tokens[right + 1].Lower) && !lexicon.TryGetCue(tokens[right + 1].Lower, out _)
                && IsClauseSubject(tokens[right + 1]) && IsClauseLead(p, s, boundary))
                return new Attribution(Span.FromBounds(tokens[s.First].Start, ClauseEnd(p, s, right + 1)), speaker, cue, addressee);
        }
        if (leadIsWholeQuote)
            return new Attribution(lead!.Value.Inner, speaker, cue, addressee);
        if (boundary <= s.First || !CanBeReportedLead(p, s, boundary))
            return null;
        int contentEnd = quoteBefore ? tokens[boundary].End : tokens[boundary - 1].End;
        return new Attribution(Span.FromBounds(tokens[s.First].Start, contentEnd), speaker, cue, addressee);
    }

    // After a trailing cue comes nothing of its own: the sentence end, a comma, or an adverbial ("on Thursday",
    // "when questioned"); an object ("repeated many of the talking points") makes it a verb of its own clause.
    private static bool EndsAttribution(Paragraph p, SentenceRange s, int right)
    {
        if (right >= s.End)
            return true;
        var t = p.Tokens[right];
        if (!t.IsWord)
            return p.OpenedAt(right) is null;
        return Words.Prepositions.Contains(t.Lower) || Words.TimeWords.Contains(t.Lower) || Words.ClauseBoundaries.Contains(t.Lower)
            || Words.IsAdverb(t.Lower) || t.Lower is "in" or "when" or "late" or "citing" || Words.IsGerund(t.Lower);
    }

    // "…, and said", "… but later said": the cue is a verb coordinated with the sentence's first verb.
    private bool IsCoordinated(Paragraph p, SentenceRange s, int c)
    {
        var tokens = p.Tokens;
        int k = c - 1;
        while (k > s.First && tokens[k].IsWord && (lexicon.Auxiliaries.Contains(tokens[k].Lower) || Words.IsAdverb(tokens[k].Lower)))
            k--;
        return k > s.First + 1 && tokens[k].Lower is "and" or "but" && !p.InQuote(k);
    }

    // "said", "says", "found", "argued": not the bare lemma, which may be a noun ("the police report", "a show").
    private static bool IsInflected(Tok cueToken, CueVerb cue) =>
        !cueToken.Lower.Equals(cue.Lemma.Split(' ')[0], StringComparison.Ordinal);

    // A quotation that opens the sentence and ends on a comma, "?" or "!" inside its marks is the content of the
    // attribution that follows it.
    private static bool QuoteEndsClause(Paragraph p, SentenceRange s, int boundary)
    {
        if (boundary <= s.First || QuoteClosedAt(p, boundary) is not { } quote || quote.Open != p.Tokens[s.First].Start)
            return false;
        return p.Tokens[boundary - 1].IsAny(",?!");
    }

    /// <summary>Fewest words of a reported clause before a trailing attribution.</summary>
    private const int MinLeadWords = 3;

    // The words before ", X said" are a report unless they are an introductory phrase ("In a 1963 speech, X said")
    // or the speaker's own name with an apposition ("Clinton, 35, the daughter of …, said").
    private bool CanBeReportedLead(Paragraph p, SentenceRange s, int boundary)
    {
        var tokens = p.Tokens;
        var first = tokens[s.First];
        bool introductory = first.IsWord && !Words.LeadingConjunctions.Contains(first.Lower)
            && (Words.Prepositions.Contains(first.Lower) || Words.TimeWords.Contains(first.Lower) || Words.ClauseBoundaries.Contains(first.Lower));
        // An introductory phrase alone ("In a 1963 speech, X said") reports nothing; followed by a clause it does.
        if (introductory && !HasComma(p, s.First, boundary))
            return false;
        if (tokens.Skip(s.First).Take(boundary - s.First).Count(t => t.IsWord) < MinLeadWords)
            return false;
        var names = phrases.NameSequences(p, s.First, boundary, s.First);
        return !(names.Count > 0 && names[0].Start == s.First && names[0].End < boundary && tokens[names[0].End].Is(','));
    }

    // A lead that is a clause of its own ("If the law conflicts with his faith,"), not a prepositional or time
    // phrase ("In a 1963 speech,", "On Friday,") that introduces the attribution.
    private bool IsClauseLead(Paragraph p, SentenceRange s, int boundary)
    {
        var first = p.Tokens[s.First];
        return first.IsWord && !Words.Prepositions.Contains(first.Lower) && !Words.TimeWords.Contains(first.Lower)
            && (Words.ClauseBoundaries.Contains(first.Lower) || CanBeReportedLead(p, s, boundary));
    }

    private Attribution? AccordingTo(Paragraph p, SentenceRange s, int c)
    {
        var tokens = p.Tokens;
        int npStart = c + 2, npEnd = npStart;
        while (npEnd < s.End && !tokens[npEnd].IsAny(",;:.—–()") && !p.IsQuoteMark(npEnd))
            npEnd++;
        // "according to an analysis by the Institute …": the analysis speaks for its author.
        for (int k = npStart; k + 1 < npEnd; k++)
        {
            if (!tokens[k].IsCapitalised && lexicon.SourceOf.Contains(tokens[k].Lower) && tokens[k + 1].Lower is "by" or "from" or "of")
            {
                npStart = k + 2;
                break;
            }
        }
        // "according to the poll", "according to court records": whatever follows is the source, named or not.
        var speaker = phrases.Find(p, npStart, npEnd, s.First) ?? UnnamedSource(p, npStart, npEnd);
        if (speaker is null)
            return null;
        var cue = p.SpanOf(c, c + 2);
        bool atClauseStart = c == s.First || (tokens[c - 1].Is(',') && !SegmentHasVerbs(p, s.First, c - 1));
        if (atClauseStart && npEnd + 1 < s.End && tokens[npEnd].Is(','))
        {
            int start = tokens[npEnd + 1].Start;
            return new Attribution(Span.FromBounds(start, ClauseEnd(p, s, npEnd + 1)), speaker, cue);
        }
        if (c > s.First + 1 && (tokens[c - 1].Is(',') || IsClosingMark(p, c - 1)))
        {
            int end = tokens[c - 1].Is(',') ? tokens[c - 2].End : tokens[c - 1].End;
            return new Attribution(Span.FromBounds(tokens[s.First].Start, end), speaker, cue);
        }
        return null;
    }

    /// <summary>Longest unnamed source after "according to", in tokens ("the latest figures from the census office").</summary>
    private const int MaxUnnamedSourceTokens = 8;

    private static SpeakerPhrase? UnnamedSource(Paragraph p, int first, int end)
    {
        var tokens = p.Tokens;
        while (end > first && !tokens[end - 1].IsWord)
            end--;
        if (end <= first || end - first > MaxUnnamedSourceTokens || !tokens[first].IsWord)
            return null;
        // One bare singular word is an idiom ("according to plan", "according to schedule"), not a source.
        if (end - first == 1 && !tokens[first].Lower.EndsWith('s'))
            return null;
        for (int t = first; t < end; t++)
        {
            if (p.InQuote(t) || p.IsQuoteMark(t))
                return null;
        }
        var span = p.SpanOf(first, end);
        return new SpeakerPhrase(span, SpeakerKind.Description, span);
    }

    // An introductory phrase ("In the same interview,") has no finite reporting verb; a clause does.
    private bool SegmentHasVerbs(Paragraph p, int first, int end)
    {
        for (int t = first; t < end; t++)
        {
            if (lexicon.Auxiliaries.Contains(p.Tokens[t].Lower) && p.Tokens[t].Lower is "is" or "was" or "has" or "have" or "had" or "will" or "would")
                return true;
        }
        return end - first > 6;
    }

    /// <summary>
    /// The tokens before a cue that can hold its subject: back over auxiliaries, adverbs and time words, then to the
    /// nearest clause boundary. When only a parenthetical stands between (", including an analysis by X, have
    /// disputed"), the region is the parenthetical.
    /// </summary>
    private (int Start, int End, int Boundary) SubjectRegion(Paragraph p, SentenceRange s, int c)
    {
        var tokens = p.Tokens;
        int k = c - 1;
        while (k >= s.First && tokens[k].IsWord && !p.InQuote(k)
               && (lexicon.Auxiliaries.Contains(tokens[k].Lower) || Words.IsAdverb(tokens[k].Lower) || Words.TimeWords.Contains(tokens[k].Lower)
                   || (tokens[k].Lower == "on" && k + 1 < c && Words.TimeWords.Contains(tokens[k + 1].Lower))))
            k--;
        // "Rep. Gwen Moore (D-Wis.) said": the parenthesis belongs to the name.
        if (k > s.First && tokens[k].Is(')'))
        {
            int open = k;
            while (open > s.First && !tokens[open].Is('('))
                open--;
            if (tokens[open].Is('(') && open > s.First)
                k = open - 1;
        }
        int end = k + 1;
        int j = Boundary(p, s, k);
        if (j + 1 == end && j > s.First && tokens[j].Is(','))
        {
            if (AppositionHolder(p, s, j) is { } holder)
                return holder;
            int outer = Boundary(p, s, j - 1);
            var inner = phrases.Find(p, outer + 1, j, s.First);
            if (inner is not null)
                return (outer + 1, j, j);
        }
        // "Mr. Smith, who chairs the committee, said" has its own path above; "…, Mr. Smith, who said that …" names
        // the speaker before the relative pronoun.
        if (j + 1 == end && j > s.First + 1 && tokens[j].Lower == "who" && tokens[j - 1].Is(','))
        {
            int before = Boundary(p, s, j - 2);
            if (phrases.Find(p, before + 1, j - 1, s.First) is { Kind: SpeakerKind.Name })
                return (before + 1, j - 1, before);
        }
        return (j + 1, end, j);
    }

    /// <summary>Longest apposition between a speaker and its cue, in tokens.</summary>
    private const int MaxAppositionTokens = 40;

    /// <summary>
    /// The name before an apposition that ends right before the cue: "Rich Smith, a Republican operative who …, said",
    /// "Ms. Jones, 54, said", "Cruz, for example, said". The apposition opens at a comma followed by an article, a
    /// possessive, a relative pronoun, a number, a title or an aside.
    /// </summary>
    private (int Start, int End, int Boundary)? AppositionHolder(Paragraph p, SentenceRange s, int comma)
    {
        var tokens = p.Tokens;
        for (int a = comma - 2; a > s.First && comma - a <= MaxAppositionTokens; a--)
        {
            var t = tokens[a];
            if (p.IsQuoteMark(a) || t.IsAny(";:()[]—–"))
                return null;
            if (!t.Is(',') || !OpensApposition(tokens[a + 1]))
                continue;
            // "Rep. Jim Jordan (R-Ohio), an oversight panel member, said": the parenthesis belongs to the name.
            int nameEnd = a;
            if (tokens[a - 1].Is(')'))
            {
                int open = a - 1;
                while (open > s.First && !tokens[open].Is('('))
                    open--;
                if (tokens[open].Is('('))
                    nameEnd = open;
            }
            int before = Boundary(p, s, nameEnd - 1);
            if (phrases.Find(p, before + 1, nameEnd, s.First) is { Kind: SpeakerKind.Name })
                return (before + 1, nameEnd, before);
        }
        return null;
    }

    private bool OpensApposition(Tok t)
    {
        if (!t.IsWord)
            return false;
        var lower = t.Lower;
        return lower is "a" or "an" or "the" or "who" or "whose" or "also" or "for" or "however" or "too" or "his" or "her" or "their" or "its" or "now" or "then" or "once"
            || char.IsDigit(lower[0]) || lexicon.Titles.Contains(lower) || lexicon.Roles.Contains(lower)
            || Words.Prepositions.Contains(lower) || t.IsPossessive; // "Clinton, at a later press gaggle, said"; "China, Pyongyang’s only ally, said"
    }

    private static int Boundary(Paragraph p, SentenceRange s, int from)
    {
        int j = from;
        while (j >= s.First)
        {
            var t = p.Tokens[j];
            if (p.InQuote(j) || p.IsQuoteMark(j) || t.IsAny(",;:—–()[]") || (t.IsWord && Words.ClauseBoundaries.Contains(t.Lower)))
                break;
            j--;
        }
        return j;
    }

    private static int FindThat(Paragraph p, SentenceRange s, int from)
    {
        var tokens = p.Tokens;
        for (int k = from; k < s.End && k - from <= MaxThatDistance; k++)
        {
            var t = tokens[k];
            if (p.InQuote(k) || p.IsQuoteMark(k))
                return -1;
            if (t.IsWord && t.Lower == "that")
                return k;
            if (t.Is(','))
            {
                // ", however," and other one-word asides between the cue and its "that".
                if (k + 2 < s.End && tokens[k + 1].IsWord && tokens[k + 2].Is(','))
                {
                    k += 2;
                    continue;
                }
                return -1;
            }
            if (!t.IsWord)
                return -1;
        }
        return -1;
    }

    // "on Friday", "late Tuesday", "repeatedly": adverbials a cue may carry before its bare reported clause.
    private static int SkipAdverbials(Paragraph p, SentenceRange s, int k)
    {
        var tokens = p.Tokens;
        while (k < s.End && tokens[k].IsWord && !p.InQuote(k))
        {
            var lower = tokens[k].Lower;
            if (Words.TimeWords.Contains(lower) || Words.IsAdverb(lower))
                k++;
            else if (lower is "on" or "in" && k + 1 < s.End && Words.TimeWords.Contains(tokens[k + 1].Lower))
                k += 2;
            else
                break;
        }
        return k;
    }

    /// <summary>Longest prepositional phrase between a cue and its bare clause ("said after the last debate he …").</summary>
    private const int MaxPhraseBeforeClause = 5;

    // A preposition, a few words without punctuation, then a personal pronoun opening the reported clause.
    private static int? PronounAfterPhrase(Paragraph p, SentenceRange s, int k)
    {
        var tokens = p.Tokens;
        if (k >= s.End || !Words.Prepositions.Contains(tokens[k].Lower) || tokens[k].Lower is "of" or "to")
            return null;
        for (int j = k + 1; j < s.End && j - k <= MaxPhraseBeforeClause; j++)
        {
            var t = tokens[j];
            if (!t.IsWord || p.InQuote(j))
                return null;
            if (t.Lower is "he" or "she" or "they" or "we" or "i" && j + 1 < s.End && tokens[j + 1].IsWord)
                return j;
        }
        return null;
    }

    private static bool IsClauseSubject(Tok t) =>
        t.IsWord && (Words.Pronouns.Contains(t.Lower) || t.Lower is "we" or "i" or "there" || t.IsCapitalised
                     || (Words.ClauseOpeners.Contains(t.Lower) && !Words.ClauseBoundaries.Contains(t.Lower)));

    // A clause after a verb of belief opens with a subject: a pronoun, a determiner, a name or a number.
    private static bool OpensBeliefClause(Paragraph p, int k)
    {
        var t = p.Tokens[k];
        if (!t.IsWord || p.InQuote(k))
            return false;
        var lower = t.Lower;
        return (Words.ClauseOpeners.Contains(lower) && !Words.ClauseBoundaries.Contains(lower) && lower is not ("how" or "what" or "why"))
            || t.IsCapitalised || char.IsDigit(t.Text[0]);
    }

    private bool OpensClause(Paragraph p, int k, CueVerb cue)
    {
        var t = p.Tokens[k];
        if (!t.IsWord)
            return false;
        var lower = t.Lower;
        if (Words.Prepositions.Contains(lower) || Words.TimeWords.Contains(lower) || lower is "that" or "and" or "or"
            || (Words.ClauseBoundaries.Contains(lower) && lower != "if") || Words.FiniteAuxiliaries.Contains(lower))
            return false; // "said when questioned", "said as he left"; "The police report was published" has no clause after "report"
        // "said the plan would …", "announced the seizure of …"; but "declared the annexation" is an act, not a report.
        bool reportsPlainly = cue.Class == CueClass.Say || cue.TakesObject;
        if (Words.Pronouns.Contains(lower) || lower is "we" or "i" or "there")
            return true;
        if (!reportsPlainly)
            return false;
        if (Words.ClauseOpeners.Contains(lower) || char.IsDigit(t.Text[0]) || t.IsCapitalised)
            return true;
        if (cue.Class == CueClass.Say && !Words.IsAdverb(lower) && !Words.IsGerund(lower) && lower is not ("so" or "yes" or "no" or "goodbye" or "hello" or "nothing" or "something"))
            return true; // "said much of the discussion was …"
        return cue.TakesObject && !Words.IsAdverb(lower);
    }

    private int ContentStart(Paragraph p, SentenceRange s, int c, CueVerb cue, int complement, int regionStart, int regionEnd, SpeakerPhrase? speaker, bool inherited)
    {
        var tokens = p.Tokens;
        if (inherited)
        {
            if (c > s.First && tokens[c - 1].Lower == "by" && SentenceSubject(p, s, c) is { } subject)
                return subject.Span.Start;
            return cue.Class == CueClass.Say ? tokens[complement].Start : tokens[c].Start;
        }
        if (cue.IsParticiple && c > s.First && tokens[c - 1].Lower == "by" && speaker is not null)
            return speaker.Span.Start; // "Trump criticized Zelensky by saying that …" reads as one report
        if (cue.Class == CueClass.Say)
            return tokens[complement].Start;
        bool shortSubject = regionEnd - regionStart <= MaxSubjectInContent && !HasComma(p, regionStart, regionEnd);
        if (shortSubject && speaker is not null)
            return speaker.Span.Start;
        int first = regionEnd < c ? regionEnd : c;
        while (first < c && !tokens[first].IsWord)
            first++;
        return tokens[first].Start;
    }

    private static bool HasComma(Paragraph p, int first, int end)
    {
        for (int t = first; t < end; t++)
        {
            if (p.Tokens[t].Is(','))
                return true;
        }
        return false;
    }

    /// <summary>The subject at the start of the sentence, for participles: "Putin on Wednesday hardened …, declaring that …".</summary>
    private SpeakerPhrase? SentenceSubject(Paragraph p, SentenceRange s, int before)
    {
        var tokens = p.Tokens;
        int first = s.First;
        int comma = -1;
        for (int t = s.First; t < before && t - s.First < 8; t++)
        {
            if (tokens[t].Is(','))
            {
                comma = t;
                break;
            }
        }
        if (comma >= 0 && Words.Prepositions.Contains(tokens[s.First].Lower))
            first = comma + 1;
        int end = first;
        while (end < before && tokens[end].IsWord && !p.InQuote(end)
               && (tokens[end].IsCapitalised || Words.Determiners.Contains(tokens[end].Lower) || Words.NameConnectors.Contains(tokens[end].Lower)))
            end++;
        return end > first ? phrases.Find(p, first, end, s.First) : null;
    }

    /// <summary>The end (character offset) of a reported clause: the sentence end, or before a participle clause, a
    /// "while …ing" aside or a trailing attribution.</summary>
    private int ClauseEnd(Paragraph p, SentenceRange s, int from)
    {
        var tokens = p.Tokens;
        for (int k = from; k < s.End; k++)
        {
            if (p.InQuote(k))
                continue;
            var t = tokens[k];
            bool comma = t.Is(',');
            bool commaInQuote = !comma && IsClosingMark(p, k) && k > 0 && tokens[k - 1].Is(',');
            if ((comma || commaInQuote) && k + 1 < s.End)
            {
                int end = comma ? tokens[k - 1].End : t.End;
                var next = tokens[k + 1];
                if (next.IsWord && Words.IsGerund(next.Lower) && !(lexicon.TryGetCue(next.Lower, out var n) && n.IsInference))
                    return end;
                if (next.Lower is "while" or "whereas" && k + 2 < s.End && Words.IsGerund(tokens[k + 2].Lower))
                    return end;
                if (next.Lower == "according" || TrailingAttributionAt(p, s, k + 1))
                    return end;
            }
            if (t.IsAny("—–") && k + 1 < s.End && Words.IsGerund(tokens[k + 1].Lower) && k > from)
                return tokens[k - 1].End;
        }
        return tokens[s.End - 1].End;
    }

    // ", TASS reported." / ", the minister said on Monday." : a speaker and a cue with no clause of their own after.
    private bool TrailingAttributionAt(Paragraph p, SentenceRange s, int from)
    {
        var tokens = p.Tokens;
        for (int j = from; j < s.End && j - from <= 8; j++)
        {
            if (!tokens[j].IsWord || p.InQuote(j))
                return false;
            if (!lexicon.TryGetCue(tokens[j].Lower, out var cue) || cue.IsParticiple)
                continue;
            if (phrases.Find(p, from, j, s.First) is null)
                return false;
            int after = j + 1;
            return after >= s.End || !tokens[after].IsWord || (FindThat(p, s, after) < 0 && !Words.ClauseOpeners.Contains(tokens[after].Lower));
        }
        return false;
    }

    private int Addressee(Paragraph p, SentenceRange s, int right, out string? addressee)
    {
        var tokens = p.Tokens;
        addressee = null;
        if (right >= s.End || !tokens[right].IsWord || tokens[right].Lower == "that")
            return right;
        int end = right;
        if (tokens[right].IsCapitalised)
        {
            var names = phrases.NameSequences(p, right, Math.Min(s.End, right + 6), s.First);
            if (names.Count > 0 && names[0].Start == right)
                end = names[0].End;
        }
        else if (Words.Audiences.Contains(tokens[right].Lower))
        {
            end = right + 1;
            if (Words.Determiners.Contains(tokens[right].Lower))
            {
                while (end < s.End && end - right < 3 && tokens[end].IsWord && tokens[end].Lower != "that" && !Words.Prepositions.Contains(tokens[end].Lower))
                    end++;
            }
        }
        if (end > right)
            addressee = p.Text[tokens[right].Start..tokens[end - 1].End];
        return end;
    }

    private static bool IsClosingMark(Paragraph p, int token) => p.ClosedAt(token) is not null;

    private static Quote? QuoteClosedAt(Paragraph p, int token) => p.ClosedAt(token);

    private static Quote? OpensQuote(Paragraph p, int token) => p.OpenedAt(token);

    private static int WordCount(Paragraph p, Span span)
    {
        int count = 0;
        foreach (var t in p.Tokens)
        {
            if (t.IsWord && span.Contains(t.Span))
                count++;
        }
        return count;
    }
}
