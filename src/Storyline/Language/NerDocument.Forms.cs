namespace Storyline.Language;

internal sealed partial class NerDocument
{
    /// <summary>
    /// Token <paramref name="i"/>'s static rows from the form cache: the same rows, in the same order, as
    /// <see cref="StaticFeatures"/> looked up in the cache's table, but only the features that read two words at
    /// once or the document (bigrams, shape pairs, gazetteer marks, casing) are hashed and looked up here. The rest
    /// each read one word of the window, so they were found once for that word form.
    /// </summary>
    private int CachedRows(int i, Span<int> into)
    {
        var forms = _forms!;
        var table = forms.Table;
        ref readonly var t = ref _info[i];
        int first = _sentenceStart[i], end = _sentenceEnd[i];
        var self = forms.Rows(_form[i]);
        var p1 = forms.Rows(i > first ? _form[i - 1] : FormCache.StartEdge);
        var p2 = forms.Rows(i - 1 > first ? _form[i - 2] : FormCache.StartEdge);
        var n1 = forms.Rows(i + 1 < end ? _form[i + 1] : FormCache.EndEdge);
        var n2 = forms.Rows(i + 2 < end ? _form[i + 2] : FormCache.EndEdge);
        ulong prev = i > first ? _info[i - 1].Lower : FeatureHash.SequenceStart;
        ulong next = i + 1 < end ? _info[i + 1].Lower : FeatureHash.SequenceEnd;
        ulong prevShape = i > first ? _info[i - 1].ShortShape : FeatureHash.SequenceStart;
        ulong nextShape = i + 1 < end ? _info[i + 1].ShortShape : FeatureHash.SequenceEnd;

        const int Pairs = 9;
        Span<ulong> pairs = stackalloc ulong[Pairs];
        pairs[0] = FeatureHash.Of((int)TokenInfo.Shared.BigramPrev, prev, t.Lower);
        pairs[1] = FeatureHash.Of((int)TokenInfo.Shared.BigramNext, t.Lower, next);
        pairs[2] = FeatureHash.Of((int)Template.ShapePrevCur, prevShape, t.ShortShape);
        pairs[3] = FeatureHash.Of((int)Template.ShapeCurNext, t.ShortShape, nextShape);
        pairs[4] = FeatureHash.Of((int)Template.ShapeTrigram, prevShape, t.ShortShape, nextShape);
        pairs[5] = FeatureHash.Of((int)Template.WordPrevShapeCur, prev, t.ShortShape);
        pairs[6] = FeatureHash.Of((int)Template.ShapeCurWordNext, t.ShortShape, next);
        pairs[7] = FeatureHash.Of((int)Template.SkipBigram, prev, next);
        pairs[8] = FeatureHash.Of((int)Template.WordPrevCluster, prev, ClusterOf(t, 2));
        Span<int> pairRows = stackalloc int[Pairs];
        table.Lookup(pairs, pairRows);

        int n = 0;
        foreach (int row in self.Slice(FormCache.Word, self[FormCache.WordCount]))
            into[n++] = row;
        Add(into, ref n, p1[FormCache.LowerPrev]);
        Add(into, ref n, n1[FormCache.LowerNext]);
        Add(into, ref n, p2[FormCache.LowerPrev2]);
        Add(into, ref n, n2[FormCache.LowerNext2]);
        Add(into, ref n, pairRows[0]);
        Add(into, ref n, pairRows[1]);
        Add(into, ref n, p1[FormCache.ShapePrev]);
        Add(into, ref n, n1[FormCache.ShapeNext]);
        for (int k = 2; k < 7; k++)
            Add(into, ref n, pairRows[k]);
        for (int level = 0; level < NerResources.ClusterLevels; level++)
        {
            Add(into, ref n, self[FormCache.Cluster + level]);
            Add(into, ref n, p1[FormCache.ClusterPrev + level]);
            Add(into, ref n, n1[FormCache.ClusterNext + level]);
        }
        Add(into, ref n, self[FormCache.ClusterShape]);
        for (int level = 1; level < NerResources.ClusterLevels; level++)
        {
            Add(into, ref n, p2[FormCache.ClusterPrev2 + level - 1]);
            Add(into, ref n, n2[FormCache.ClusterNext2 + level - 1]);
        }
        for (int k = 0; k < PathLengths.Length; k++)
            Add(into, ref n, self[FormCache.Path + k]);
        for (int k = 0; k < 2; k++)
        {
            Add(into, ref n, p1[FormCache.PathPrev + k]);
            Add(into, ref n, n1[FormCache.PathNext + k]);
        }
        Add(into, ref n, pairRows[7]);
        Add(into, ref n, p1[FormCache.SuffixPrev]);
        Add(into, ref n, n1[FormCache.SuffixNext]);
        Add(into, ref n, pairRows[8]);
        ushort names = _names[i];
        for (int bit = 0; bit < 16; bit++)
        {
            if ((names & (1 << bit)) != 0)
                Add(into, ref n, table[FeatureHash.Of((int)Template.Name, (ulong)bit)]);
        }
        if (names != 0)
            Add(into, ref n, table[FeatureHash.Of((int)Template.NameShape, names, t.ShortShape)]);
        ushort lists = _lists[i];
        for (int bit = 0; bit < 16; bit++)
        {
            if ((lists & (1 << bit)) != 0)
                Add(into, ref n, table[FeatureHash.Of((int)Template.List, (ulong)bit, t.Capitalized ? 1UL : 0UL)]);
        }
        if (lists != 0)
            Add(into, ref n, table[FeatureHash.Of((int)Template.ListName, lists, names)]);
        if (i == first)
        {
            Add(into, ref n, self[FormCache.Initial]);
            Add(into, ref n, self[FormCache.InitialShape]);
        }
        if (_capsSentence[i])
        {
            Add(into, ref n, forms.CapsSentence);
            Add(into, ref n, self[FormCache.CapsCluster]);
        }
        if (t.HasLetter && (t.Capitalized || t.AllUpper))
        {
            _casing.TryGetValue(t.Lower, out byte casing);
            Add(into, ref n, table[FeatureHash.Of((int)Template.Casing, casing, i == first ? 1UL : 0UL)]);
        }
        return n;
    }

    // Without a branch: whether the model knows a feature is a coin toss the branch predictor keeps losing.
    private static void Add(Span<int> into, ref int n, int row)
    {
        into[n] = row;
        n += row >= 0 ? 1 : 0;
    }

    /// <summary>
    /// The known rows of <see cref="LabelWordFeatures"/> (token <paramref name="i"/>'s word, shape and cluster
    /// with the previous label), in that order; returns how many. From the form cache when the document has one
    /// for <paramref name="table"/>, since they read nothing but the word form and the label.
    /// </summary>
    public int LabelWordRows(int i, byte y1, FeatureTable table, Span<int> rows)
    {
        if (_forms is null || _forms.Table != table)
        {
            Span<ulong> features = stackalloc ulong[LabelWordCount];
            LabelWordFeatures(i, y1, features);
            return table.KnownRows(features, rows);
        }
        var cached = _forms.LabelWordRows(_form[i], y1, _info[i]);
        int n = 0;
        foreach (int row in cached)
            Add(rows, ref n, row);
        return n;
    }

    /// <summary>The per-token arrays of a document, sized for at least its tokens.</summary>
    internal sealed class TokenArrays(int count)
    {
        public TokenInfo[] Info { get; } = new TokenInfo[count];
        public ushort[] Names { get; } = new ushort[count];
        public ushort[] Lists { get; } = new ushort[count];
        public int[] SentenceStart { get; } = new int[count];
        public int[] SentenceEnd { get; } = new int[count];
        public bool[] CapsSentence { get; } = new bool[count];
        public int[] Vector { get; } = new int[count];
        public int[] Form { get; } = new int[count];

        /// <summary>How each lower-cased word is cased in the document (see the constructor).</summary>
        public Dictionary<ulong, byte> Casing { get; } = [];

        public int Capacity => count;

        /// <summary>Zeroes the first <paramref name="n"/> entries of every array, as new arrays would be.</summary>
        public void Clear(int n)
        {
            Info.AsSpan(0, n).Clear();
            Names.AsSpan(0, n).Clear();
            Lists.AsSpan(0, n).Clear();
            SentenceStart.AsSpan(0, n).Clear();
            SentenceEnd.AsSpan(0, n).Clear();
            CapsSentence.AsSpan(0, n).Clear();
            Vector.AsSpan(0, n).Clear();
            Form.AsSpan(0, n).Clear();
            Casing.Clear();
        }
    }

    /// <summary>
    /// Word forms seen by one thread's recogniser, each with its <see cref="TokenInfo"/> and the weight rows of every
    /// feature that reads that one word: as the token itself, as the word before or after another token, or two
    /// before or after. A news text repeats most of its words, and these are most of a token's features, so most
    /// tokens are a dictionary lookup instead of some fifty hashes and table lookups. Bounded: when it holds
    /// <see cref="MaxForms"/> forms, the next document starts it afresh. Not thread-safe: one per thread.
    /// </summary>
    internal sealed class FormCache
    {
        public const int MaxForms = 1 << 15;

        // Slots of a form's rows (-1 where the model has no weights for the feature).
        public const int WordCount = 0, Word = 1; // the count of known rows of TokenInfo.WordFeatures' own features, then the rows
        public const int LowerPrev = Word + 13, ShapePrev = LowerPrev + 1, ClusterPrev = ShapePrev + 1, PathPrev = ClusterPrev + 3, SuffixPrev = PathPrev + 2;
        public const int LowerNext = SuffixPrev + 1, ShapeNext = LowerNext + 1, ClusterNext = ShapeNext + 1, PathNext = ClusterNext + 3, SuffixNext = PathNext + 2;
        public const int LowerPrev2 = SuffixNext + 1, ClusterPrev2 = LowerPrev2 + 1, LowerNext2 = ClusterPrev2 + 2, ClusterNext2 = LowerNext2 + 1;
        public const int Cluster = ClusterNext2 + 2, ClusterShape = Cluster + 3, Path = ClusterShape + 1, Initial = Path + 4, InitialShape = Initial + 1, CapsCluster = InitialShape + 1;
        private const int Slots = CapsCluster + 1;

        // Rows of LabelWordFeatures for each previous label (NoLabel last), filled on first use.
        private const int LabelValues = NerLabels.Count + 1, LabelSlots = LabelValues * LabelWordCount, NotYet = int.MinValue;

        /// <summary>Pseudo-forms for the sentence edges: their rows are those of the features reading past the start or the end.</summary>
        public const int StartEdge = 0, EndEdge = 1;

        private readonly Dictionary<string, int> _ids = [];
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private TokenInfo[] _info = new TokenInfo[1024];
        private int[] _rows = new int[1024 * Slots];
        private int[] _labelRows = new int[1024 * LabelSlots];
        private int _count;

        public FormCache(NerResources resources, FeatureTable table)
        {
            Resources = resources;
            Table = table;
            _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            CapsSentence = table[FeatureHash.Of((int)Template.CapsSentence, 0)];
            Clear();
        }

        public NerResources Resources { get; }

        /// <summary>How many forms it holds (the two sentence edges among them).</summary>
        public int Count => _count;

        public FeatureTable Table { get; }

        /// <summary>The row of the feature every token of an all-capitals sentence has.</summary>
        public int CapsSentence { get; }

        private TokenArrays _arrays = new(0);

        /// <summary>
        /// Per-token arrays for a document of <paramref name="count"/> tokens, zeroed. They are the same arrays for
        /// every document, so a document made with this cache is done with once the next one is made.
        /// </summary>
        public TokenArrays Lend(int count)
        {
            if (_arrays.Capacity < count)
                _arrays = new TokenArrays(Math.Max(count, 2 * _arrays.Capacity));
            // A huge document's casing map would otherwise stay that size for good.
            if (_arrays.Casing.Count > MaxForms)
                _arrays = new TokenArrays(_arrays.Capacity);
            _arrays.Clear(count);
            return _arrays;
        }

        /// <summary>Called before each document: starts afresh when full, so a document's form ids stay valid while it is decoded.</summary>
        public void Start()
        {
            if (_count >= MaxForms)
                Clear();
        }

        private void Clear()
        {
            _ids.Clear();
            _count = 0;
            AddEdge(FeatureHash.SequenceStart);
            AddEdge(FeatureHash.SequenceEnd);
        }

        /// <summary>The id of the form <paramref name="token"/> (its characters as in the text), added if new.</summary>
        public int IdOf(ReadOnlySpan<char> token, Span<char> buffer)
        {
            if (_lookup.TryGetValue(token, out int id))
                return id;
            id = Add(TokenInfo.Of(token, buffer, Resources));
            _lookup[token] = id;
            return id;
        }

        public ref readonly TokenInfo Info(int id) => ref _info[id];

        public ReadOnlySpan<int> Rows(int id) => _rows.AsSpan(id * Slots, Slots);

        /// <summary>The rows of the form's <see cref="LabelWordFeatures"/> after <paramref name="y1"/> (-1 where unknown).</summary>
        public ReadOnlySpan<int> LabelWordRows(int id, byte y1, in TokenInfo t)
        {
            int at = id * LabelSlots + (y1 == NoLabel ? NerLabels.Count : y1) * LabelWordCount;
            var rows = _labelRows.AsSpan(at, LabelWordCount);
            if (rows[0] == NotYet)
            {
                Span<ulong> features = stackalloc ulong[LabelWordCount];
                features[0] = FeatureHash.Of((int)Template.Label1Word, y1, t.Lower);
                features[1] = FeatureHash.Of((int)Template.Label1Shape, y1, t.ShortShape);
                features[2] = FeatureHash.Of((int)Template.Label1Cluster, y1, ClusterOf(t, 1));
                Table.Lookup(features, rows);
            }
            return rows;
        }

        private int Add(in TokenInfo t)
        {
            int id = Grow();
            _info[id] = t;
            var rows = _rows.AsSpan(id * Slots, Slots);
            Span<ulong> f = stackalloc ulong[Slots];
            // TokenInfo.WordFeatures writes the word's own features, then the eight of its window.
            int own = t.WordFeatures(f, 0, 0, 0, 0, 0, 0) - 8;
            int known = Table.KnownRows(f[..own], rows[Word..]);
            rows[WordCount] = known;
            rows[(Word + known)..LowerPrev].Fill(-1);
            int n = 0;
            f[n++] = FeatureHash.Of((int)TokenInfo.Shared.LowerPrev, t.Lower);
            f[n++] = FeatureHash.Of((int)TokenInfo.Shared.ShapePrev, t.ShortShape);
            for (int level = 0; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)Template.ClusterPrev + level, ClusterOf(t, level));
            for (int k = 0; k < 2; k++)
                f[n++] = FeatureHash.Of((int)Template.PathPrev + k, PathOf(t, PathLengths[2 * k + 1]));
            f[n++] = FeatureHash.Of((int)Template.SuffixPrev, t.Suffix(2));
            f[n++] = FeatureHash.Of((int)TokenInfo.Shared.LowerNext, t.Lower);
            f[n++] = FeatureHash.Of((int)TokenInfo.Shared.ShapeNext, t.ShortShape);
            for (int level = 0; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)Template.ClusterNext + level, ClusterOf(t, level));
            for (int k = 0; k < 2; k++)
                f[n++] = FeatureHash.Of((int)Template.PathNext + k, PathOf(t, PathLengths[2 * k + 1]));
            f[n++] = FeatureHash.Of((int)Template.SuffixNext, t.Suffix(2));
            f[n++] = FeatureHash.Of((int)TokenInfo.Shared.LowerPrev2, t.Lower);
            for (int level = 1; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)Template.ClusterPrev2 + level, ClusterOf(t, level));
            f[n++] = FeatureHash.Of((int)TokenInfo.Shared.LowerNext2, t.Lower);
            for (int level = 1; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)Template.ClusterNext2 + level, ClusterOf(t, level));
            for (int level = 0; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)Template.Cluster + level, ClusterOf(t, level));
            f[n++] = FeatureHash.Of((int)Template.ClusterShape, ClusterOf(t, 2), t.ShortShape);
            for (int k = 0; k < PathLengths.Length; k++)
                f[n++] = FeatureHash.Of((int)Template.Path + k, PathOf(t, PathLengths[k]));
            f[n++] = FeatureHash.Of((int)Template.Initial, t.Lower);
            f[n++] = FeatureHash.Of((int)Template.InitialShape, t.ShortShape);
            f[n++] = FeatureHash.Of((int)Template.CapsCluster, ClusterOf(t, 1));
            Table.Lookup(f[..n], rows[LowerPrev..]);
            return id;
        }

        /// <summary>A sentence edge: a form whose window rows are those of the features that read past it.</summary>
        private void AddEdge(ulong edge)
        {
            int id = Grow();
            _info[id] = default;
            var rows = _rows.AsSpan(id * Slots, Slots);
            rows.Fill(-1);
            rows[WordCount] = 0;
            // The start edge is what the first word of a sentence reads as its previous tokens, the end edge what
            // the last word reads as its next ones: the same features, on opposite sides.
            var (lower, shape, cluster, path, suffix, slot) = edge == FeatureHash.SequenceStart
                ? (TokenInfo.Shared.LowerPrev, TokenInfo.Shared.ShapePrev, Template.ClusterPrev, Template.PathPrev, Template.SuffixPrev, LowerPrev)
                : (TokenInfo.Shared.LowerNext, TokenInfo.Shared.ShapeNext, Template.ClusterNext, Template.PathNext, Template.SuffixNext, LowerNext);
            var (lower2, cluster2, slot2) = edge == FeatureHash.SequenceStart
                ? (TokenInfo.Shared.LowerPrev2, Template.ClusterPrev2, LowerPrev2)
                : (TokenInfo.Shared.LowerNext2, Template.ClusterNext2, LowerNext2);
            Span<ulong> f = stackalloc ulong[Slots];
            int n = 0;
            f[n++] = FeatureHash.Of((int)lower, edge);
            f[n++] = FeatureHash.Of((int)shape, edge);
            for (int level = 0; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)cluster + level, edge);
            for (int k = 0; k < 2; k++)
                f[n++] = FeatureHash.Of((int)path + k, edge);
            f[n++] = FeatureHash.Of((int)suffix, edge);
            Table.Lookup(f[..n], rows.Slice(slot, n));
            n = 0;
            f[n++] = FeatureHash.Of((int)lower2, edge);
            for (int level = 1; level < NerResources.ClusterLevels; level++)
                f[n++] = FeatureHash.Of((int)cluster2 + level, edge);
            Table.Lookup(f[..n], rows.Slice(slot2, n));
        }

        private int Grow()
        {
            int id = _count++;
            if (id == _info.Length)
            {
                Array.Resize(ref _info, 2 * id);
                Array.Resize(ref _rows, 2 * id * Slots);
                Array.Resize(ref _labelRows, 2 * id * LabelSlots);
            }
            _labelRows.AsSpan(id * LabelSlots, LabelSlots).Fill(NotYet);
            return id;
        }
    }
}
