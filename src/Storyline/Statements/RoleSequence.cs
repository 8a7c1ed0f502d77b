using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Statements;

/// <summary>
/// One paragraph as the attribution tagger sees it: its tokens with the facts its features are made of, worked out
/// once (word forms, shapes, affixes and word clusters as the recogniser has them; whether the token is quoted; the
/// reporting verbs, colons and quotation marks around it; its named-entity tag; the role the statement rules gave
/// it). Produces the feature hashes of each token; the static ones are resolved to weight rows once.
/// </summary>
internal sealed class RoleSequence
{

    private readonly TokenInfo[] _info;
    private readonly byte[] _cue, _entity, _rule, _quote;
    private readonly int[] _sentence, _sentenceStart, _sentenceEnd;
    private readonly int[] _cueLeft, _cueRight, _colonLeft, _colonRight, _markLeft, _markRight, _ruleCueLeft, _ruleCueRight;
    // Commas (and semicolons, dashes) and quotation marks before each token: what lies between a token and a cue.
    private readonly int[] _commasBefore, _marksBefore;
    private readonly bool[] _sentenceHasCue;
    private readonly StaticRows _static = new();

    public RoleSequence(Paragraph paragraph, NerResources resources, StatementLexicon lexicon, IReadOnlyList<EntityMention> mentions, IReadOnlyList<Statement> rules)
    {
        Paragraph = paragraph;
        var tokens = paragraph.Tokens;
        int n = tokens.Count;
        _info = new TokenInfo[n];
        _cue = new byte[n];
        _entity = new byte[n];
        _quote = new byte[n];
        _sentence = new int[n];
        _sentenceStart = new int[n];
        _sentenceEnd = new int[n];
        Span<char> buffer = stackalloc char[TokenInfo.BufferLength];
        for (int i = 0; i < n; i++)
        {
            _info[i] = TokenInfo.Of(tokens[i].Text, buffer, resources);
            _cue[i] = CueOf(lexicon, tokens[i]);
            _quote[i] = (byte)(paragraph.OpenedAt(i) is not null ? 2 : paragraph.ClosedAt(i) is not null ? 3 : paragraph.InQuote(i) ? 1 : 0);
        }
        MarkEntities(tokens, mentions);
        _rule = RuleRoles(tokens, rules);
        _sentenceHasCue = new bool[paragraph.Sentences.Count];
        for (int s = 0; s < paragraph.Sentences.Count; s++)
        {
            var range = paragraph.Sentences[s];
            for (int i = range.First; i < range.End; i++)
            {
                (_sentence[i], _sentenceStart[i], _sentenceEnd[i]) = (s, range.First, range.End);
                _sentenceHasCue[s] |= _cue[i] != 0 || _rule[i] == (byte)Role.Cue;
            }
        }
        _cueLeft = Nearest(n, i => _cue[i] != 0, left: true);
        _cueRight = Nearest(n, i => _cue[i] != 0, left: false);
        _colonLeft = Nearest(n, i => tokens[i].Is(':'), left: true);
        _colonRight = Nearest(n, i => tokens[i].Is(':'), left: false);
        _markLeft = Nearest(n, i => _quote[i] >= 2, left: true);
        _markRight = Nearest(n, i => _quote[i] >= 2, left: false);
        _ruleCueLeft = Nearest(n, i => _rule[i] == (byte)Role.Cue, left: true);
        _ruleCueRight = Nearest(n, i => _rule[i] == (byte)Role.Cue, left: false);
        _commasBefore = new int[n + 1];
        _marksBefore = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            _commasBefore[i + 1] = _commasBefore[i] + (tokens[i].IsAny(",;–—") ? 1 : 0);
            _marksBefore[i + 1] = _marksBefore[i] + (_quote[i] >= 2 ? 1 : 0);
        }
    }

    public Paragraph Paragraph { get; }

    public int Count => _info.Length;

    /// <summary>The sentence (index within the paragraph) of token <paramref name="i"/>.</summary>
    public int SentenceOf(int i) => _sentence[i];

    /// <summary>1 say, 2 assert, 3 belief (needs a clause), 4 "according": the reporting-verb class of the statement lexicon.</summary>
    private static byte CueOf(StatementLexicon lexicon, Tok tok)
    {
        if (!tok.IsWord)
            return 0;
        if (tok.Lower == "according")
            return 4;
        if (!lexicon.TryGetCue(tok.Lower, out var verb))
            return 0;
        return verb.RequiresClause ? (byte)3 : verb.Class == CueClass.Say ? (byte)1 : (byte)2;
    }

    private static readonly string[] EntityTypes = ["PERSON", "ORG", "PLACE", "MISC"];

    private void MarkEntities(List<Tok> tokens, IReadOnlyList<EntityMention> mentions)
    {
        if (tokens.Count == 0)
            return;
        int from = tokens[0].Start, to = tokens[^1].End;
        foreach (var m in mentions)
        {
            if (m.Span.End <= from || m.Span.Start >= to)
                continue;
            int type = Array.IndexOf(EntityTypes, m.Type) + 1;
            bool first = true;
            for (int t = 0; t < tokens.Count; t++)
            {
                if (tokens[t].Start < m.Span.Start || tokens[t].Start >= m.Span.End)
                    continue;
                _entity[t] = (byte)(2 * type - (first ? 1 : 0));
                first = false;
            }
        }
    }

    /// <summary>The role the statement rules gave each token (sources and cues before contents, as the gold is read).</summary>
    private static byte[] RuleRoles(List<Tok> tokens, IReadOnlyList<Statement> rules)
    {
        var roles = new byte[tokens.Count];
        if (tokens.Count == 0)
            return roles;
        var paragraph = Span.FromBounds(tokens[0].Start, tokens[^1].End);
        foreach (var s in rules)
        {
            if (!s.Content.Overlaps(paragraph) && (s.Cue is not { } c || !c.Overlaps(paragraph)))
                continue;
            for (int t = 0; t < tokens.Count; t++)
            {
                int at = tokens[t].Start;
                var role = s.SpeakerSpan is { } sp && Holds(sp, at) ? Role.Source
                    : s.Cue is { } cue && Holds(cue, at) ? Role.Cue
                    : Holds(s.Content, at) ? Role.Content : Role.None;
                if (role != Role.None && (roles[t] == 0 || role != Role.Content))
                    roles[t] = (byte)role;
            }
        }
        return roles;
    }

    private static bool Holds(Span span, int position) => position >= span.Start && position < span.End;

    /// <summary>For each token, the nearest other token on one side (within the paragraph) for which <paramref name="holds"/>, or -1.</summary>
    private static int[] Nearest(int n, Func<int, bool> holds, bool left)
    {
        var nearest = new int[n];
        int last = -1;
        for (int k = 0; k < n; k++)
        {
            int i = left ? k : n - 1 - k;
            nearest[i] = last;
            if (holds(i))
                last = i;
        }
        return nearest;
    }

    /// <summary>Token distance in a few buckets (0 = none), so "two words after a cue" generalises over lengths.</summary>
    private static ulong Distance(int from, int to)
    {
        if (to < 0)
            return 0;
        int d = Math.Abs(to - from);
        return d switch { <= 3 => (ulong)d, <= 6 => 4, <= 10 => 5, <= 20 => 6, _ => 7 };
    }

    /// <summary>Resolves every token's static features to weight rows (see <see cref="StaticRows"/>).</summary>
    public void Resolve(FeatureTable table) => _static.Resolve(Count, table, StaticFeatures, MaxStatic, ExpectedStatic);

    public void Release() => _static.Release();

    /// <summary>
    /// What lies between token <paramref name="i"/> and a cue at <paramref name="cue"/>: how many commas (0, 1, more)
    /// and whether a quotation mark, packed with the token next to the cue on the token's side ("that", a colon,
    /// a comma, a quotation mark, anything else), so "said that A, B" and "A,” she said" read as paths to the cue.
    /// </summary>
    private ulong PathTo(int i, int cue)
    {
        if (cue < 0)
            return 0;
        int from = Math.Min(i, cue) + 1, to = Math.Max(i, cue);
        ulong commas = (ulong)Math.Min(_commasBefore[to] - _commasBefore[from], 2);
        ulong marks = _marksBefore[to] - _marksBefore[from] > 0 ? 1UL : 0UL;
        int beside = cue < i ? cue + 1 : cue - 1;
        ulong next = beside == i || beside < 0 || beside >= Count ? 0
            : Paragraph.Tokens[beside].Lower == "that" ? 1UL
            : Paragraph.Tokens[beside].Is(':') ? 2UL
            : Paragraph.Tokens[beside].Is(',') ? 3UL
            : _quote[beside] >= 2 ? 4UL : 5UL;
        return 1 + commas | marks << 2 | next << 3;
    }

    private const int ExpectedStatic = 62;
    public const int MaxStatic = 96;
    public const int MaxDynamic = 9;

    public ReadOnlySpan<int> StaticIds(int token) => _static.Of(token);

    /// <summary>Features that do not depend on the labels chosen so far.</summary>
    public int StaticFeatures(int i, Span<ulong> f)
    {
        ref readonly var t = ref _info[i];
        int first = _sentenceStart[i], end = _sentenceEnd[i], count = Count;
        // Context words run across sentence ends: a content often starts right after the sentence that cues it.
        ulong prev = i > 0 ? _info[i - 1].Lower : FeatureHash.SequenceStart;
        ulong next = i + 1 < count ? _info[i + 1].Lower : FeatureHash.SequenceEnd;
        ulong prev2 = i > 1 ? _info[i - 2].Lower : FeatureHash.SequenceStart;
        ulong next2 = i + 2 < count ? _info[i + 2].Lower : FeatureHash.SequenceEnd;
        int n = t.WordFeatures(f, prev, next, prev2, next2,
            i > 0 ? _info[i - 1].ShortShape : FeatureHash.SequenceStart, i + 1 < count ? _info[i + 1].ShortShape : FeatureHash.SequenceEnd);
        for (int level = 0; level < NerResources.ClusterLevels; level++)
        {
            f[n++] = FeatureHash.Of((int)Template.Cluster + level, ClusterOf(i, level));
            if (level > 0)
            {
                f[n++] = FeatureHash.Of((int)Template.ClusterPrev + level, i > 0 ? ClusterOf(i - 1, level) : FeatureHash.SequenceStart);
                f[n++] = FeatureHash.Of((int)Template.ClusterNext + level, i + 1 < count ? ClusterOf(i + 1, level) : FeatureHash.SequenceEnd);
            }
        }
        f[n++] = FeatureHash.Of((int)Template.Path, _info[i].HasCluster ? NerResources.PathPrefix(_info[i].Clusters, 7) : FeatureHash.Missing);
        f[n++] = FeatureHash.Of((int)Template.Path + 1, _info[i].HasCluster ? NerResources.PathPrefix(_info[i].Clusters, 10) : FeatureHash.Missing);

        // Quotation state: inside, opening or closing mark, and what the neighbours are.
        ulong quote = _quote[i];
        f[n++] = FeatureHash.Of((int)Template.Quote, quote);
        f[n++] = FeatureHash.Of((int)Template.QuoteContext, quote, i > 0 ? _quote[i - 1] : 9UL, i + 1 < count ? _quote[i + 1] : 9UL);
        f[n++] = FeatureHash.Of((int)Template.QuoteShape, quote, t.ShortShape);
        f[n++] = FeatureHash.Of((int)Template.MarkLeft, Distance(i, _markLeft[i]), _markLeft[i] >= 0 ? _quote[_markLeft[i]] : 0UL);
        f[n++] = FeatureHash.Of((int)Template.MarkRight, Distance(i, _markRight[i]), _markRight[i] >= 0 ? _quote[_markRight[i]] : 0UL);

        // Reporting verbs of the statement lexicon: this token's class, and where the nearest ones are.
        f[n++] = FeatureHash.Of((int)Template.CueClass, _cue[i]);
        f[n++] = FeatureHash.Of((int)Template.CueClassContext, i > 0 ? _cue[i - 1] : 9UL, _cue[i], i + 1 < count ? _cue[i + 1] : 9UL);
        int cl = _cueLeft[i], cr = _cueRight[i];
        bool leftInSentence = cl >= first, rightInSentence = cr >= 0 && cr < end;
        f[n++] = FeatureHash.Of((int)Template.CueLeft, Distance(i, cl), cl >= 0 ? _cue[cl] : 0UL, leftInSentence ? 1UL : 0UL);
        f[n++] = FeatureHash.Of((int)Template.CueRight, Distance(i, cr), cr >= 0 ? _cue[cr] : 0UL, rightInSentence ? 1UL : 0UL);
        f[n++] = FeatureHash.Of((int)Template.CueLeftWord, cl >= 0 && leftInSentence ? _info[cl].Lower : FeatureHash.Missing);
        f[n++] = FeatureHash.Of((int)Template.CueRightWord, cr >= 0 && rightInSentence ? _info[cr].Lower : FeatureHash.Missing);
        f[n++] = FeatureHash.Of((int)Template.CueSides, leftInSentence ? 1UL : 0UL, rightInSentence ? 1UL : 0UL, quote);
        f[n++] = FeatureHash.Of((int)Template.CuePathLeft, Distance(i, cl), cl >= 0 ? _cue[cl] : 0UL, PathTo(i, cl) | (leftInSentence ? 64UL : 0UL));
        f[n++] = FeatureHash.Of((int)Template.CuePathRight, Distance(i, cr), cr >= 0 ? _cue[cr] : 0UL, PathTo(i, cr) | (rightInSentence ? 64UL : 0UL));
        f[n++] = FeatureHash.Of((int)Template.CuePathBoth, PathTo(i, leftInSentence ? cl : -1), PathTo(i, rightInSentence ? cr : -1), quote);
        int rl = _ruleCueLeft[i], rr = _ruleCueRight[i];
        f[n++] = FeatureHash.Of((int)Template.RuleCueLeft, Distance(i, rl), PathTo(i, rl), rl >= first ? 1UL : 0UL);
        f[n++] = FeatureHash.Of((int)Template.RuleCueRight, Distance(i, rr), PathTo(i, rr), rr >= 0 && rr < end ? 1UL : 0UL);
        f[n++] = FeatureHash.Of((int)Template.ColonLeft, Distance(i, _colonLeft[i]), _colonLeft[i] >= first ? 1UL : 0UL);
        f[n++] = FeatureHash.Of((int)Template.ColonRight, Distance(i, _colonRight[i]), _colonRight[i] >= 0 && _colonRight[i] < end ? 1UL : 0UL);

        // Where in the sentence and paragraph.
        f[n++] = FeatureHash.Of((int)Template.Position, Distance(i, first), Distance(i, end - 1));
        f[n++] = FeatureHash.Of((int)Template.SentenceIndex, (ulong)Math.Min(_sentence[i], 3), _sentence[i] == _sentence[count - 1] ? 1UL : 0UL);
        if (i == first)
        {
            f[n++] = FeatureHash.Of((int)Template.Initial, t.Lower);
            // Whether a content runs on into this sentence: the sentence before had a cue, this one has none.
            int s = _sentence[i];
            f[n++] = FeatureHash.Of((int)Template.SentenceJoin, s > 0 && _sentenceHasCue[s - 1] ? 1UL : 0UL, _sentenceHasCue[s] ? 1UL : 0UL, quote);
        }
        // A complementiser or a colon right after a reporting verb opens its content ("said that", "warned:").
        if (i > 0 && (_cue[i - 1] != 0 || (i > 1 && _cue[i - 2] != 0)))
            f[n++] = FeatureHash.Of((int)Template.AfterCue, _cue[i - 1], i > 1 ? _cue[i - 2] : 9UL, t.Lower);

        // Names, and the rules' reading of the sentence.
        f[n++] = FeatureHash.Of((int)Template.Entity, _entity[i]);
        f[n++] = FeatureHash.Of((int)Template.EntityContext, i > 0 ? _entity[i - 1] : 99UL, _entity[i], i + 1 < count ? _entity[i + 1] : 99UL);
        f[n++] = FeatureHash.Of((int)Template.Rule, _rule[i]);
        f[n++] = FeatureHash.Of((int)Template.RuleContext, i > 0 ? _rule[i - 1] : 9UL, _rule[i], i + 1 < count ? _rule[i + 1] : 9UL);
        f[n++] = FeatureHash.Of((int)Template.RuleWord, _rule[i], t.Lower);
        return n;
    }

    private ulong ClusterOf(int i, int level) =>
        _info[i].HasCluster ? (ulong)NerResources.Unpack(_info[i].Clusters, level) + 1 : FeatureHash.Missing;

    /// <summary>Label feature value before the first token of a paragraph.</summary>
    public const byte NoLabel = 100;

    /// <summary>
    /// Features of the labels chosen before token <paramref name="i"/>: the previous one or two, each with the word,
    /// its quotation state and its cue class, and with what the sentence has had so far (<paramref name="seen"/>: bit
    /// per role, cleared at each sentence start). The first <see cref="LabelOnly"/> read the previous label alone.
    /// </summary>
    public int DynamicFeatures(int i, byte y1, byte y2, int seen, Span<ulong> f)
    {
        int n = LabelFeatures(i, y1, f);
        return n + HistoryFeatures(y1, y2, seen, f[n..]);
    }

    /// <summary>How many of the label features read only the previous label (the decoder scores those once per label, not per sequence).</summary>
    public const int LabelOnly = 7;

    /// <summary>The label features that read only the previous label <paramref name="y1"/>.</summary>
    public int LabelFeatures(int i, byte y1, Span<ulong> f)
    {
        var (quote, cue, boundary) = LabelContext(i);
        f[0] = Label1Feature(y1);
        f[1] = Label1WordFeature(i, y1);
        f[2] = Label1QuoteFeature(y1, quote);
        f[3] = Label1CueFeature(y1, cue);
        f[4] = Label1ClusterFeature(i, y1);
        f[5] = Label1BoundaryFeature(y1, boundary, quote);
        f[6] = Label1AfterFeature(i, y1);
        return LabelOnly;
    }

    /// <summary>
    /// What the label features read of token <paramref name="i"/> besides its words: its quotation state (0–3), its cue
    /// class (0–4), and whether a sentence starts here (bit 1) and that sentence has a cue (bit 2). Each is one of a few
    /// values, so the decoder resolves those features' rows once per model (<see cref="RoleLabelRows"/>).
    /// </summary>
    public (byte Quote, byte Cue, byte Boundary) LabelContext(int i) =>
        (_quote[i], _cue[i], (byte)((StartsSentence(i) ? 1 : 0) | (_sentenceHasCue[_sentence[i]] ? 2 : 0)));

    public const int QuoteStates = 4, CueClasses = 5, Boundaries = 4;

    public static ulong Label1Feature(byte y1) => FeatureHash.Of((int)Template.Label1, y1);

    public ulong Label1WordFeature(int i, byte y1) => FeatureHash.Of((int)Template.Label1Word, y1, _info[i].Lower);

    public static ulong Label1QuoteFeature(byte y1, byte quote) => FeatureHash.Of((int)Template.Label1Quote, y1, quote);

    public static ulong Label1CueFeature(byte y1, byte cue) => FeatureHash.Of((int)Template.Label1Cue, y1, cue);

    public ulong Label1ClusterFeature(int i, byte y1) => FeatureHash.Of((int)Template.Label1Cluster, y1, ClusterOf(i, 1));

    // Where contents end: at a sentence start (with or without a cue of its own) or after a punctuation mark.
    public static ulong Label1BoundaryFeature(byte y1, byte boundary, byte quote) => FeatureHash.Of((int)Template.Label1Boundary, y1, boundary, quote);

    public ulong Label1AfterFeature(int i, byte y1) =>
        FeatureHash.Of((int)Template.Label1After, y1, i > 0 && !Paragraph.Tokens[i - 1].IsWord ? _info[i - 1].Lower : FeatureHash.Missing, _cue[i]);

    /// <summary>The label features that read further back: the label before the previous one, and the sentence's roles so far.</summary>
    public static int HistoryFeatures(byte y1, byte y2, int seen, Span<ulong> f)
    {
        f[0] = Label2Feature(y1, y2);
        f[1] = SeenFeature(y1, seen);
        return 2;
    }

    public static ulong Label2Feature(byte y1, byte y2) => FeatureHash.Of((int)Template.Label2, y2, y1);

    public static ulong SeenFeature(byte y1, int seen) => FeatureHash.Of((int)Template.Seen, (ulong)seen, y1);

    /// <summary>Whether token <paramref name="i"/> starts a sentence (the decoder's <c>seen</c> bits are cleared there).</summary>
    public bool StartsSentence(int i) => _sentenceStart[i] == i;

    private enum Template
    {
        // 1–37: TokenInfo.WordFeatures.
        Cluster = 40, ClusterPrev = 44, ClusterNext = 48, Path = 52,
        Quote = 60, QuoteContext, QuoteShape, MarkLeft, MarkRight,
        CueClass = 70, CueClassContext, CueLeft, CueRight, CueLeftWord, CueRightWord, CueSides, ColonLeft, ColonRight,
        Position = 80, SentenceIndex, Initial, Entity, EntityContext, Rule, RuleContext, RuleWord, SentenceJoin, AfterCue,
        CuePathLeft = 100, CuePathRight, CuePathBoth, RuleCueLeft, RuleCueRight,
        Label1 = 90, Label2, Label1Word, Label1Quote, Label1Cue, Seen, Label1Cluster, Label1Boundary, Label1After,
    }
}
