using Storyline.Documents;

namespace Storyline.Language;

/// <summary>
/// One document as the recogniser sees it: tokens grouped into sentences, and per-token facts computed once
/// (normalised word forms, shapes, affixes, clusters, gazetteer matches, how the word is cased elsewhere in
/// the document). Produces the feature hashes of each token; the static ones are resolved to weight rows once.
/// </summary>
internal sealed partial class NerDocument
{
    private readonly TokenInfo[] _info;
    private readonly ushort[] _names, _lists;
    private readonly int[] _vector;
    private readonly WordVectors _vectors;
    private readonly int[] _sentenceStart, _sentenceEnd;
    private readonly bool[] _capsSentence;
    private readonly Dictionary<ulong, byte> _casing;
    private readonly StaticRows _static = new();
    private readonly FormCache? _forms;
    private readonly int[] _form;
    private readonly int _count;

    /// <summary>
    /// Lays out the tokens (grouped into sentences) of <c>text</c>. With <c>forms</c> (the recogniser's decoding), the
    /// facts and weight rows of word forms seen before come from that cache; without, every token's are worked out
    /// afresh, as training needs.
    /// </summary>
    public NerDocument(string text, IReadOnlyList<Span> tokens, IReadOnlyList<(int First, int Count)> sentences, NerResources resources, FormCache? forms = null)
    {
        Tokens = tokens;
        Sentences = sentences;
        _count = tokens.Count;
        if (forms is not null && forms.Resources == resources)
        {
            _forms = forms;
            forms.Start();
        }
        // A document decoded with a form cache borrows the cache's per-token arrays (see FormCache.Lend), so
        // decoding allocates next to nothing per token.
        var arrays = _forms?.Lend(_count) ?? new TokenArrays(_count);
        _casing = arrays.Casing;
        (_info, _names, _lists, _sentenceStart, _sentenceEnd, _capsSentence, _vector, _form) =
            (arrays.Info, arrays.Names, arrays.Lists, arrays.SentenceStart, arrays.SentenceEnd, arrays.CapsSentence, arrays.Vector, arrays.Form);
        _vectors = resources.Vectors;
        Span<char> buffer = stackalloc char[TokenInfo.BufferLength];
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].SliceOf(text);
            if (_forms is null)
                _info[i] = TokenInfo.Of(token, buffer, resources);
            else
                _info[i] = _forms.Info(_form[i] = _forms.IdOf(token, buffer));
            _vector[i] = _vectors.Count > 0 && _vectors.Rows.TryGetValue(_info[i].LowerRaw, out int row) ? row : -1;
        }
        foreach (var (first, count) in sentences)
        {
            int letters = 0, upper = 0;
            for (int i = first; i < first + count; i++)
            {
                _sentenceStart[i] = first;
                _sentenceEnd[i] = first + count;
                if (_info[i].HasLetter)
                {
                    letters++;
                    upper += _info[i].AllUpper ? 1 : 0;
                    // How the word is cased where case means something: lower case anywhere, capitals mid-sentence.
                    byte seen = _info[i].Capitalized ? (i > first ? (byte)2 : (byte)0) : (byte)1;
                    ref byte casing = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_casing, _info[i].Lower, out _);
                    casing |= seen;
                }
            }
            bool caps = letters >= 3 && upper == letters;
            for (int i = first; i < first + count; i++)
                _capsSentence[i] = caps;
            MatchNames(first, count, resources);
        }
    }

    public IReadOnlyList<Span> Tokens { get; }

    public IReadOnlyList<(int First, int Count)> Sentences { get; }

    public int Count => _count;

    /// <summary>Marks every gazetteer name in the sentence on its tokens, as type × BILOU position bits.</summary>
    private void MatchNames(int first, int count, NerResources resources)
    {
        var gazetteer = resources.GazetteerLookup;
        if (gazetteer.Count == 0)
            return;
        int end = first + count;
        for (int i = first; i < end; i++)
        {
            ulong name = NerResources.NameSeed;
            for (int n = 1; n <= NerResources.MaxNameLength && i + n <= end; n++)
            {
                name = NerResources.ExtendName(name, _info[i + n - 1].LowerRaw);
                if (!gazetteer.TryGetValue(name, out byte types))
                    continue;
                Mark(_names, i, n, types & 0xF);
                Mark(_lists, i, n, types >> NerResources.ListShift);
            }
        }
    }

    /// <summary>Sets the type × BILOU-position bits of an <paramref name="n"/>-token name at <paramref name="i"/>.</summary>
    private static void Mark(ushort[] bits, int i, int n, int types)
    {
        for (int t = 0; t < 4; t++)
        {
            if ((types & (1 << t)) == 0)
                continue;
            if (n == 1)
            {
                bits[i] |= Bit(t, NerLabels.Part.Unit);
                continue;
            }
            bits[i] |= Bit(t, NerLabels.Part.Begin);
            for (int k = i + 1; k < i + n - 1; k++)
                bits[k] |= Bit(t, NerLabels.Part.Inside);
            bits[i + n - 1] |= Bit(t, NerLabels.Part.Last);
        }
    }

    private static ushort Bit(int type, NerLabels.Part part) => (ushort)(1 << (type * 4 + (int)part));

    /// <summary>Resolves every token's static features to weight rows (see <see cref="StaticRows"/>).</summary>
    public void Resolve(FeatureTable table)
    {
        if (_forms is not null && _forms.Table == table)
            _static.Resolve(Count, CachedRows, MaxStatic, ExpectedStatic);
        else
            _static.Resolve(Count, table, StaticFeatures, MaxStatic, ExpectedStatic);
    }

    /// <summary>Returns the rows of <see cref="Resolve"/> to the pool; the document must be resolved again before decoding.</summary>
    public void Release() => _static.Release();

    // Known static features a token has on average (about 55 on news text), to size the rented array once.
    private const int ExpectedStatic = 64;

    public ReadOnlySpan<int> StaticIds(int token) => _static.Of(token);

    public const int MaxStatic = 128;
    public const int MaxDynamic = 8;

    /// <summary>Features that do not depend on the labels chosen so far.</summary>
    public int StaticFeatures(int i, Span<ulong> f)
    {
        ref readonly var t = ref _info[i];
        int first = _sentenceStart[i], end = _sentenceEnd[i];
        ulong prev = i > first ? _info[i - 1].Lower : FeatureHash.SequenceStart;
        ulong next = i + 1 < end ? _info[i + 1].Lower : FeatureHash.SequenceEnd;
        ulong prev2 = i - 1 > first ? _info[i - 2].Lower : FeatureHash.SequenceStart;
        ulong next2 = i + 2 < end ? _info[i + 2].Lower : FeatureHash.SequenceEnd;
        ulong prevShape = i > first ? _info[i - 1].ShortShape : FeatureHash.SequenceStart;
        ulong nextShape = i + 1 < end ? _info[i + 1].ShortShape : FeatureHash.SequenceEnd;
        int n = t.WordFeatures(f, prev, next, prev2, next2, prevShape, nextShape);
        f[n++] = FeatureHash.Of((int)Template.ShapePrevCur, prevShape, t.ShortShape);
        f[n++] = FeatureHash.Of((int)Template.ShapeCurNext, t.ShortShape, nextShape);
        f[n++] = FeatureHash.Of((int)Template.ShapeTrigram, prevShape, t.ShortShape, nextShape);
        f[n++] = FeatureHash.Of((int)Template.WordPrevShapeCur, prev, t.ShortShape);
        f[n++] = FeatureHash.Of((int)Template.ShapeCurWordNext, t.ShortShape, next);
        for (int level = 0; level < NerResources.ClusterLevels; level++)
        {
            f[n++] = FeatureHash.Of((int)Template.Cluster + level, ClusterOf(i, level));
            f[n++] = FeatureHash.Of((int)Template.ClusterPrev + level, i > first ? ClusterOf(i - 1, level) : FeatureHash.SequenceStart);
            f[n++] = FeatureHash.Of((int)Template.ClusterNext + level, i + 1 < end ? ClusterOf(i + 1, level) : FeatureHash.SequenceEnd);
        }
        f[n++] = FeatureHash.Of((int)Template.ClusterShape, ClusterOf(i, 2), t.ShortShape);
        for (int level = 1; level < NerResources.ClusterLevels; level++)
        {
            f[n++] = FeatureHash.Of((int)Template.ClusterPrev2 + level, i - 1 > first ? ClusterOf(i - 2, level) : FeatureHash.SequenceStart);
            f[n++] = FeatureHash.Of((int)Template.ClusterNext2 + level, i + 2 < end ? ClusterOf(i + 2, level) : FeatureHash.SequenceEnd);
        }
        for (int k = 0; k < PathLengths.Length; k++)
            f[n++] = FeatureHash.Of((int)Template.Path + k, PathOf(i, PathLengths[k]));
        for (int k = 0; k < 2; k++)
        {
            f[n++] = FeatureHash.Of((int)Template.PathPrev + k, i > first ? PathOf(i - 1, PathLengths[2 * k + 1]) : FeatureHash.SequenceStart);
            f[n++] = FeatureHash.Of((int)Template.PathNext + k, i + 1 < end ? PathOf(i + 1, PathLengths[2 * k + 1]) : FeatureHash.SequenceEnd);
        }
        f[n++] = FeatureHash.Of((int)Template.SkipBigram, prev, next);
        f[n++] = FeatureHash.Of((int)Template.SuffixPrev, i > first ? _info[i - 1].Suffix(2) : FeatureHash.SequenceStart);
        f[n++] = FeatureHash.Of((int)Template.SuffixNext, i + 1 < end ? _info[i + 1].Suffix(2) : FeatureHash.SequenceEnd);
        f[n++] = FeatureHash.Of((int)Template.WordPrevCluster, prev, ClusterOf(i, 2));
        ushort names = _names[i];
        for (int bit = 0; bit < 16; bit++)
        {
            if ((names & (1 << bit)) != 0)
                f[n++] = FeatureHash.Of((int)Template.Name, (ulong)bit);
        }
        if (names != 0)
            f[n++] = FeatureHash.Of((int)Template.NameShape, names, t.ShortShape);
        ushort lists = _lists[i];
        for (int bit = 0; bit < 16; bit++)
        {
            if ((lists & (1 << bit)) != 0)
                f[n++] = FeatureHash.Of((int)Template.List, (ulong)bit, t.Capitalized ? 1UL : 0UL);
        }
        if (lists != 0)
            f[n++] = FeatureHash.Of((int)Template.ListName, lists, names);
        if (i == first)
        {
            f[n++] = FeatureHash.Of((int)Template.Initial, t.Lower);
            f[n++] = FeatureHash.Of((int)Template.InitialShape, t.ShortShape);
        }
        if (_capsSentence[i])
        {
            f[n++] = FeatureHash.Of((int)Template.CapsSentence, 0);
            f[n++] = FeatureHash.Of((int)Template.CapsCluster, ClusterOf(i, 1));
        }
        if (t.HasLetter && (t.Capitalized || t.AllUpper))
        {
            _casing.TryGetValue(t.Lower, out byte casing);
            f[n++] = FeatureHash.Of((int)Template.Casing, casing, i == first ? 1UL : 0UL);
        }
        return n;
    }

    /// <summary>Token <paramref name="i"/>'s word vector (empty when the word has none).</summary>
    public ReadOnlySpan<sbyte> VectorOf(int i) => _vector[i] < 0 ? default : _vectors.Of(_vector[i]);

    /// <summary>
    /// Adds the scores of token <paramref name="i"/>'s word vector: each dimension's value times its row of
    /// <paramref name="dense"/> (<see cref="WordVectors.Dimensions"/> rows of one weight per label).
    /// </summary>
    public void AddVector(int i, Span<float> scores, ReadOnlySpan<float> dense)
    {
        var vector = VectorOf(i);
        if (vector.IsEmpty || dense.IsEmpty)
            return;
        int labels = scores.Length;
        int width = System.Numerics.Vector<float>.Count;
        for (int l = 0; l + width <= labels; l += width)
        {
            var sum = new System.Numerics.Vector<float>(scores[l..]);
            for (int d = 0; d < vector.Length; d++)
                sum += new System.Numerics.Vector<float>(dense.Slice(d * labels + l, width)) * (vector[d] * WordVectors.Scale);
            sum.CopyTo(scores[l..]);
        }
        for (int l = labels / width * width; l < labels; l++)
        {
            float sum = scores[l];
            for (int d = 0; d < vector.Length; d++)
                sum += dense[d * labels + l] * (vector[d] * WordVectors.Scale);
            scores[l] = sum;
        }
    }

    /// <summary>Prefix lengths of the word-hierarchy paths read as features, as Brown-cluster prefixes are (Ratinov and Roth, 2009).</summary>
    private static ReadOnlySpan<int> PathLengths => [4, 7, 10, 14];

    private ulong PathOf(int i, int length) => PathOf(_info[i], length);

    private ulong ClusterOf(int i, int level) => ClusterOf(_info[i], level);

    private static ulong PathOf(in TokenInfo t, int length) =>
        t.HasCluster ? NerResources.PathPrefix(t.Clusters, length) : FeatureHash.Missing;

    private static ulong ClusterOf(in TokenInfo t, int level) =>
        t.HasCluster ? (ulong)NerResources.Unpack(t.Clusters, level) + 1 : FeatureHash.Missing;

    /// <summary>
    /// Features of the two labels before token <paramref name="i"/> (<paramref name="y1"/>, <paramref name="y2"/>;
    /// <see cref="NoLabel"/> at the sentence start) and of the labels given to the same word in earlier sentences,
    /// in the order the decoder adds them: <see cref="LabelFeatures"/>, <see cref="LabelWordFeatures"/>, <see cref="HistoryFeatures"/>.
    /// </summary>
    public int DynamicFeatures(int i, byte y1, byte y2, History history, Span<ulong> f)
    {
        var (label1, label2) = LabelFeatures(y1, y2);
        f[0] = label1;
        f[1] = label2;
        LabelWordFeatures(i, y1, f[2..]);
        return 2 + LabelWordCount + HistoryFeatures(i, history, f[(2 + LabelWordCount)..]);
    }

    /// <summary>The features of the previous label and of the previous two, which do not depend on the token.</summary>
    public static (ulong Label1, ulong Label2) LabelFeatures(byte y1, byte y2) =>
        (FeatureHash.Of((int)Template.Label1, y1), FeatureHash.Of((int)Template.Label2, y2, y1));

    public const int LabelWordCount = 3;

    /// <summary>The previous label with token <paramref name="i"/>'s word, shape and cluster (<see cref="LabelWordCount"/> features).</summary>
    public void LabelWordFeatures(int i, byte y1, Span<ulong> f)
    {
        ref readonly var t = ref _info[i];
        f[0] = FeatureHash.Of((int)Template.Label1Word, y1, t.Lower);
        f[1] = FeatureHash.Of((int)Template.Label1Shape, y1, t.ShortShape);
        f[2] = FeatureHash.Of((int)Template.Label1Cluster, y1, ClusterOf(i, 1));
    }

    /// <summary>
    /// Features of the labels given to token <paramref name="i"/>'s word in earlier sentences: the same for every
    /// label sequence of one sentence, since the history changes only between sentences.
    /// </summary>
    public int HistoryFeatures(int i, History history, Span<ulong> f)
    {
        ref readonly var t = ref _info[i];
        if (!IsName(t) || history.Best(t.Lower) is not (var type and >= -1))
            return 0;
        f[0] = FeatureHash.Of((int)Template.History, (ulong)(type + 1));
        f[1] = FeatureHash.Of((int)Template.HistoryInitial, (ulong)(type + 1), i == _sentenceStart[i] ? 1UL : 0UL);
        return 2;
    }

    /// <summary>Label feature value before the first token of a sentence.</summary>
    public const byte NoLabel = 100;

    /// <summary>The labels before token <paramref name="i"/> within its sentence, as <see cref="DynamicFeatures"/> takes them.</summary>
    public (byte Y1, byte Y2) Previous(int i, ReadOnlySpan<byte> labels)
    {
        int first = _sentenceStart[i];
        return (i > first ? labels[i - 1] : NoLabel, i - 1 > first ? labels[i - 2] : NoLabel);
    }

    /// <summary>
    /// Adds the entity types a sentence's labels give its capitalised words to the "prediction history", which
    /// lets one confident mention of a name inform the later ones. Keyed on the lower-cased word, so a
    /// headline's capitals count as the same word.
    /// </summary>
    public void Remember(int first, ReadOnlySpan<byte> labels, History history)
    {
        for (int i = 0; i < labels.Length; i++)
        {
            if (IsName(_info[first + i]))
                history.Add(_info[first + i].Lower, NerLabels.TypeOf(labels[i]));
        }
    }

    private static bool IsName(in TokenInfo t) => t.HasLetter && t.Capitalized;

    private enum Template
    {
        // 1–37: TokenInfo.WordFeatures.
        ShapePrevCur = TokenInfo.FirstOwn, ShapeCurNext, ShapeTrigram, WordPrevShapeCur, ShapeCurWordNext,
        Cluster = 50, ClusterPrev = 55, ClusterNext = 60, ClusterShape = 65,
        Name = 70, NameShape, Initial, InitialShape, CapsSentence, CapsCluster, Casing, List, ListName,
        ClusterPrev2 = 80, ClusterNext2 = 83, SkipBigram = 86, SuffixPrev, SuffixNext, WordPrevCluster,
        Label1 = 90, Label2, Label1Word, Label1Shape, History, HistoryInitial, Label1Cluster,
        Path = 100, PathPrev = 104, PathNext = 106,
    }

    /// <summary>Counts of the entity types (and of O) given to each word form in the document.</summary>
    internal sealed class History
    {
        private const int Bits = 12;
        private const long Mask = (1 << Bits) - 1;
        private readonly Dictionary<ulong, long> _counts = [];

        public void Add(ulong word, int type)
        {
            ref long packed = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_counts, word, out _);
            int shift = (type + 1) * Bits;
            long count = Math.Min(((packed >> shift) & Mask) + 1, Mask);
            packed = (packed & ~(Mask << shift)) | (count << shift);
        }

        /// <summary>The type given most often (-1 for "not a name"), or -2 when the word has no labels.</summary>
        public int Best(ulong word)
        {
            if (!_counts.TryGetValue(word, out long packed))
                return -2;
            int best = -2;
            long most = 0;
            for (int type = -1; type < 4; type++)
            {
                long count = (packed >> ((type + 1) * Bits)) & Mask;
                if (count > most)
                {
                    most = count;
                    best = type;
                }
            }
            return best;
        }
    }
}
