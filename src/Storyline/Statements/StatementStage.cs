using Storyline.Documents;
using Storyline.Extraction;

namespace Storyline.Statements;

/// <summary>
/// Finds every attributed statement in the article body: direct quotes in any quoting convention (also across
/// paragraphs and split by their attribution), indirect and mixed reported speech, and transcript turns, each with
/// its content span, kind, cue, addressee and canonical speaker. Reads lines and (when the entity stage has run)
/// entity mentions; adds <see cref="Document.Statements"/>. <c>SaidOn</c> is left to the dating stage.
/// </summary>
public sealed class StatementStage(AttributionModelUse modelUse = AttributionModelUse.Rules) : IStage
{
    /// <summary>
    /// A model statement the rules did not find is added only from this confidence up: the rules are precise
    /// (85% on PolNeAR dev) and the product would rather miss a statement than invent one. Set by hand, not tuned:
    /// the tagger's confidence is calibrated on dev (its softmax temperature), and 0.8 keeps only its surest guesses.
    /// </summary>
    internal const double MinAddedConfidence = 0.8;

    private readonly StatementLexicon _lexicon = StatementLexicon.English;
    private readonly AttributionTagger? _tagger = modelUse == AttributionModelUse.Rules ? null : AttributionTagger.Default;

    public string Name => "statements";

    public void Apply(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Statements = FindAll(document);
    }

    private List<Statement> FindAll(Document document)
    {
        var text = document.Text;
        var paragraphs = ArticleParagraphs(document);
        // Headline-like lines (no closing punctuation: related links, slogans, headings) hold no statements and
        // teach no names: a list of headlines is not the story.
        var prose = paragraphs.Where(e => e.Line.Label == LineLabel.Body && e.Paragraph.EndsLikeProse()).Select(e => e.Paragraph).ToList();
        var resolver = new LocalNameResolver(_lexicon, prose);
        var finder = new AttributionFinder(_lexicon, resolver.Phrases);
        var speakers = new SpeakerNames(document, resolver);
        var turns = TranscriptReader.FindAll(paragraphs);
        var turnParagraphs = turns.Select(t => t.Paragraph).ToHashSet();

        var statements = new List<Statement>();
        Statement? previous = null;
        SpeakerKind? previousKind = null;
        int previousParagraph = -1;
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var (line, p) = paragraphs[i];
            if (line.Label != LineLabel.Body || !p.EndsLikeProse() || turnParagraphs.Contains(i))
                continue;
            foreach (var sentence in p.Sentences)
            {
                var found = finder.FindAll(p, sentence);
                if (found.Count == 0 && StandaloneQuote(p, sentence) is { } alone && previous is not null && previousParagraph >= i - 1)
                {
                    // A quote with no cue of its own continues the speaker just quoted: “…,” Putin said. “…”
                    var continued = new Statement(alone, StatementKind.Direct, previous.Speaker, previous.SpeakerSpan,
                        Confidence: StatementConfidence.Of(StatementFrame.Continuation, previousKind));
                    if (previousParagraph == i - 1 && RunsOnFrom(paragraphs[previousParagraph].Paragraph, previous) && p.IsQuoteMark(0))
                        statements[^1] = previous = previous with { Content = Span.FromBounds(previous.Content.Start, alone.End) };
                    else
                        statements.Add(previous = continued);
                    previousParagraph = i;
                    continue;
                }
                foreach (var a in found)
                {
                    if (!HasWords(p, a.Content, MinContentWords))
                        continue;
                    var name = a.Speaker is null ? previous?.Speaker : speakers.Of(a.Speaker);
                    if (name is null)
                        continue;
                    var speakerSpan = a.Speaker?.Span ?? previous?.SpeakerSpan;
                    var kind = a.Speaker?.Kind ?? previousKind;
                    var frame = a.Cue is { } cue ? StatementConfidence.FrameOf(_lexicon, text[cue.Start..cue.End]) : StatementFrame.Continuation;
                    var statement = new Statement(a.Content, a.Kind ?? KindOf(a.Content, p), name, speakerSpan, a.Cue, a.Addressee,
                        Confidence: StatementConfidence.Of(frame, kind));
                    previousKind = kind;
                    statements.Add(previous = statement);
                    previousParagraph = i;
                    resolver.NoteSpeaker(a.Speaker?.Span.Start ?? a.Content.Start, name);
                }
            }
        }
        AddTranscript(document, paragraphs, turns, statements, resolver);
        if (_tagger is not null)
        {
            var taggable = Taggable(paragraphs, turnParagraphs);
            // The product adds only what the rules miss, and tagging costs more than the rules: it reads the
            // paragraphs the rules found nothing in (where most of their misses are), which keeps the stage fast.
            if (modelUse == AttributionModelUse.Confident)
                taggable = taggable.Where(p => !statements.Exists(s => s.Content.Overlaps(p.Span))).ToList();
            statements = Combine(statements, ModelStatements(document, taggable, statements, resolver, speakers));
        }
        statements.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
        return statements;
    }

    /// <summary>The article's lines (every line a body line when the document has no line labels), each as a paragraph.</summary>
    internal static List<(Line Line, Paragraph Paragraph)> ArticleParagraphs(Document document)
    {
        var lines = document.Lines.Count > 0
            ? document.Lines
            : LineSplitter.Split(document.Text).Select(s => new Line(s, LineLabel.Body)).ToList();
        return lines.Where(l => l.IsArticle).Select(l => (Line: l, Paragraph: new Paragraph(document.Text, l.Span))).ToList();
    }

    /// <summary>The paragraphs the tagger reads: the prose body paragraphs the rules read, transcript turns left to the transcript reader.</summary>
    internal static List<Paragraph> Taggable(List<(Line Line, Paragraph Paragraph)> paragraphs, HashSet<int> turnParagraphs) =>
        paragraphs.Where((e, i) => e.Line.Label == LineLabel.Body && e.Paragraph.EndsLikeProse() && !turnParagraphs.Contains(i))
            .Select(e => e.Paragraph).ToList();

    /// <summary>The paragraphs the tagger reads in <paramref name="document"/> (for training it on the same text it will see).</summary>
    internal static List<Paragraph> Taggable(Document document)
    {
        var paragraphs = ArticleParagraphs(document);
        return Taggable(paragraphs, TranscriptReader.FindAll(paragraphs).Select(t => t.Paragraph).ToHashSet());
    }

    /// <summary>The tagger's attributions as statements, each speaker named the way the rules name theirs.</summary>
    private List<Statement> ModelStatements(Document document, List<Paragraph> paragraphs, List<Statement> rules, LocalNameResolver resolver, SpeakerNames speakers)
    {
        var result = new List<Statement>();
        foreach (var a in _tagger!.FindAll(paragraphs, document.Mentions, rules))
        {
            var p = paragraphs[a.Paragraph];
            string? name = null;
            if (a.SourceTokens is var (first, end))
            {
                int sentenceFirst = p.Sentences.First(s => s.End > first).First;
                if (resolver.Phrases.Find(p, first, end, sentenceFirst) is { } phrase)
                    name = speakers.Of(phrase);
            }
            if (name is null && modelUse != AttributionModelUse.Confident)
                name = a.Source is { } source ? document.Text[source.Start..source.End] : null;
            result.Add(new Statement(a.Content, KindOf(a.Content, p), name, a.Source, a.Cue, Confidence: Math.Round(a.Confidence, 2)));
        }
        return result;
    }

    /// <summary>Rules and model together, as <see cref="AttributionModelUse"/> says.</summary>
    private List<Statement> Combine(List<Statement> rules, List<Statement> model)
    {
        static bool Overlaps(Statement s, List<Statement> others) => others.Exists(o => o.Content.Overlaps(s.Content));
        return modelUse switch
        {
            AttributionModelUse.Confident => [.. rules, .. model.Where(m => m.Speaker is not null && m.Confidence >= MinAddedConfidence && !Overlaps(m, rules))],
            AttributionModelUse.Lead => Lead(rules, model),
            AttributionModelUse.Union => [.. rules, .. model.Where(m => !Overlaps(m, rules))],
            AttributionModelUse.Model => model,
            _ => rules,
        };
    }

    /// <summary>
    /// The model decides what is an attribution, the rules where one it shares with them begins and ends: their
    /// content delimitation is the more exact. A rule statement stands in for every model statement it covers
    /// at least half of; rule statements the model has nothing for are kept too.
    /// </summary>
    private static List<Statement> Lead(List<Statement> rules, List<Statement> model)
    {
        var result = new List<Statement>();
        var used = new HashSet<Statement>(ReferenceEqualityComparer.Instance);
        foreach (var m in model)
        {
            var rule = rules.Find(r => r.Content.OverlapWith(m.Content) * 2 >= Math.Max(r.Content.Length, m.Content.Length));
            if (rule is null)
                result.Add(m);
            else if (used.Add(rule))
                result.Add(rule);
        }
        result.AddRange(rules.Where(r => !used.Contains(r) && !model.Exists(m => m.Content.Overlaps(r.Content))));
        return result;
    }

    private static void AddTranscript(Document document, List<(Line Line, Paragraph Paragraph)> paragraphs, List<TranscriptTurn> turns, List<Statement> statements, LocalNameResolver resolver)
    {
        if (turns.Count == 0)
            return;
        // The interviewee is whoever the introduction quotes most: "Putin said …, Putin warned …".
        int firstTurn = paragraphs[turns.Min(t => t.Paragraph)].Line.Span.Start;
        var interviewee = statements.Where(s => s.Content.Start < firstTurn && s.Speaker is not null)
            .GroupBy(s => s.Speaker!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(s => s.Content.Start))
            .Select(g => g.Key).FirstOrDefault();
        // Only a person gives interviews; first-person text under an organisation ("Dear readers, we …") is an appeal.
        if (interviewee is not null && !resolver.IsPerson(interviewee))
            interviewee = null;
        var interviewer = document.Metadata.Outlet ?? "interviewer";
        foreach (var turn in turns)
        {
            var speaker = turn.Speaker switch
            {
                TurnSpeaker.Interviewer => interviewer,
                TurnSpeaker.Interviewee => interviewee,
                _ => resolver.CanonicalName(turn.Label!),
            };
            // A labelled transcript names its turns; a headed one depends on knowing the interviewee.
            if (speaker is not null && (interviewee is not null || turn.Label is not null))
                statements.Add(new Statement(turn.Content, StatementKind.Direct, speaker, Confidence: StatementConfidence.Of(StatementFrame.Transcript, null)));
        }
    }

    /// <summary>The quote a sentence consists of, when it is nothing but a quotation.</summary>
    private static Span? StandaloneQuote(Paragraph p, SentenceRange s)
    {
        if (!p.IsQuoteMark(s.First))
            return null;
        if (p.OpenedAt(s.First) is not { } quote)
            return null;
        for (int t = s.First + 1; t < s.End; t++)
        {
            if (p.Tokens[t].Start >= quote.End && p.Tokens[t].IsWord)
                return null;
        }
        return quote.Inner;
    }

    /// <summary>A statement says something: at least this many words ("said so" and stray punctuation are not content).</summary>
    private const int MinContentWords = 2;

    private static bool HasWords(Paragraph p, Span content, int count)
    {
        int words = 0;
        foreach (var t in p.Tokens)
        {
            if (t.IsWord && content.Contains(t.Span) && ++words >= count)
                return true;
        }
        return false;
    }

    private static bool RunsOnFrom(Paragraph p, Statement statement) =>
        p.Quotes.Exists(q => q.RunsOn && q.Inner.End == statement.Content.End);

    private static StatementKind KindOf(Span content, Paragraph p)
    {
        bool quoted = false;
        foreach (var q in p.Quotes)
        {
            if (q.Inner == content)
                return StatementKind.Direct;
            if (content.Contains(q.Inner))
                quoted = true;
        }
        return quoted ? StatementKind.Mixed : StatementKind.Indirect;
    }

    /// <summary>
    /// Names a speaker phrase: the entity stage's canonical entity when one of its mentions covers the phrase
    /// (the contract with Entities/), else the statement stage's own <see cref="LocalNameResolver"/>.
    /// </summary>
    private sealed class SpeakerNames(Document document, LocalNameResolver fallback)
    {
        private readonly Dictionary<string, Entity> _entities = document.Entities.ToDictionary(e => e.Id, StringComparer.Ordinal);

        // Pronouns are resolved here: who spoke last is a statement-level signal the entity linker does not see
        // ("“…,” he said" after a quote from Putin that names Zelensky). A description is taken from the linker
        // only when it links to a person ("the Republican" is not the party).
        public string? Of(SpeakerPhrase phrase)
        {
            if (phrase.Kind != SpeakerKind.Pronoun)
            {
                foreach (var mention in document.Mentions)
                {
                    if (mention.EntityId is { } id && mention.Span.Overlaps(phrase.Head) && _entities.TryGetValue(id, out var entity)
                        && (phrase.Kind != SpeakerKind.Description || string.Equals(entity.Type, "PERSON", StringComparison.OrdinalIgnoreCase)))
                        return entity.Name;
                }
            }
            return fallback.Resolve(document.Text, phrase);
        }
    }
}

/// <summary>How the statement stage uses the learned attribution tagger (models/attribution.bin) beside its rules.</summary>
public enum AttributionModelUse
{
    /// <summary>Rules only: the product default (the tagger costs several times the rules, and adds statements the product does not count: beliefs, stances).</summary>
    Rules,

    /// <summary>Rules, plus the model's statements they miss where the model is confident and the speaker can be named.</summary>
    Confident,

    /// <summary>The model's statements, plus the rules' where the model found nothing (PolNeAR's convention: beliefs and stances too).</summary>
    Lead,

    /// <summary>The model's statements alone.</summary>
    Model,

    /// <summary>
    /// The rules' statements, and the model's wherever the rules found none that overlaps: the rules delimit contents
    /// more exactly where they fire, the model finds the attributions they do not know (beliefs, stances).
    /// </summary>
    Union,
}
