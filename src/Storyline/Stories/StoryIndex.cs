namespace Storyline.Stories;

/// <summary>
/// The cross-document view, built incrementally: statements and events are added as documents arrive and each is
/// placed in a cluster at once (see <see cref="IncrementalClusterer{T}"/>); <see cref="Build"/> then derives the
/// stories and disputes from what is there. Deterministic: the same mentions in the same order give the same
/// clusters, and each batch is put in a fixed order first. Not thread-safe; one index per writer.
/// </summary>
public sealed class StoryIndex
{
    private readonly ClusteringSettings _settings;
    private readonly TermLexicon _lexicon = TermLexicon.English;
    private readonly BucketFrequencies _statementFrequencies = new();
    private readonly BucketFrequencies _eventFrequencies = new();
    private readonly IncrementalClusterer<StatementItem> _statements;
    private readonly IncrementalClusterer<EventItem> _events;
    private readonly List<SentenceMention> _sentences = [];
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public StoryIndex(ClusteringSettings? settings = null)
    {
        _settings = settings ?? ClusteringSettings.Default;
        _statements = new(s => s.SpeakerBlock, StatementSimilarity, s => "statement:" + s.Mention.Key, _settings.StatementThreshold);
        _events = new(e => e.Family, EventSimilarity, e => "event:" + e.Mention.Key, _settings.EventThreshold);
    }

    public int StatementCount { get; private set; }

    public int EventCount { get; private set; }

    /// <summary>Places each new statement in a cluster; mentions already in the index are skipped.</summary>
    public void Add(IEnumerable<StatementMention> mentions)
    {
        // Every new vector counts in the word frequencies before any is placed, so the first mentions of a batch are
        // compared with the same weights as the last (a word's rarity is not judged on the three mentions seen so far).
        var items = InOrder(mentions, m => m.When, m => m.DocumentId, m => m.Span.Start).Where(m => _known.Add("s:" + m.Key)).Select(Item).ToList();
        foreach (var item in items)
            _statements.Add(item);
    }

    public void Add(IEnumerable<EventMention> mentions)
    {
        var items = InOrder(mentions, m => m.When, m => m.DocumentId, m => m.Span.Start).Where(m => _known.Add("e:" + m.Key)).Select(Item).ToList();
        foreach (var item in items)
            _events.Add(item);
    }

    /// <summary>Body sentences, the other side of cross-document disputes.</summary>
    public void Add(IEnumerable<SentenceMention> sentences)
    {
        foreach (var s in sentences)
        {
            if (_known.Add("t:" + s.DocumentId + ":" + s.Span.Start))
                _sentences.Add(s);
        }
    }

    /// <summary>Adds everything one document holds: its statements, events and body sentences.</summary>
    public void Add(Documents.Document document)
    {
        Add(StoryInputs.Statements(document, _settings));
        Add(StoryInputs.Events(document));
        Add(StoryInputs.Sentences(document));
    }

    /// <summary>Puts a stored statement back into its stored cluster, so a later <see cref="Add(IEnumerable{StatementMention})"/> only places new ones.</summary>
    public void Restore(StatementMention mention, string clusterId)
    {
        if (_known.Add("s:" + mention.Key))
            _statements.Restore(Item(mention), clusterId);
    }

    public void Restore(EventMention mention, string clusterId)
    {
        if (_known.Add("e:" + mention.Key))
            _events.Restore(Item(mention), clusterId);
    }

    public StoryGraph Build()
    {
        var statementClusters = _statements.Clusters.Select(c => ToCluster(c.Id, c.Members.Select(m => m.Mention).ToList())).ToList();
        var eventClusters = _events.Clusters.Select(c => ToCluster(c.Id, c.Members.Select(m => m.Mention).ToList())).ToList();
        var nodes = statementClusters.Select(c => StoryThreader.Node(c, TopicVector(c.Members.Select(m => m.Text).Append(c.Speaker ?? ""))))
            .Concat(eventClusters.Select(c => StoryThreader.Node(c, TopicVector(c.Members.Select(m => m.Text).Concat(c.Participants)))))
            .ToList();
        var stories = StoryThreader.Thread(nodes, _settings);
        var disputes = DisputeFinder.Find(
            _statements.Clusters.SelectMany(c => c.Members).Select(m => m.Mention), _sentences, _lexicon, _settings);
        return new StoryGraph(statementClusters, eventClusters, stories, disputes);
    }

    /// <summary>What a cluster is about, for threading: its words and its people, without word pairs (a story retells, it does not quote).</summary>
    private ContentVector TopicVector(IEnumerable<string> texts) =>
        ContentVector.From(texts.SelectMany(t => ContentTerms.Of(t, _lexicon).Terms).ToList(), bigramWeight: 0);

    private static StatementCluster ToCluster(string id, List<StatementMention> members)
    {
        var dates = members.Select(m => m.When).OfType<DateOnly>().ToList();
        var speaker = members.Select(m => m.Speaker).OfType<string>().OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).FirstOrDefault();
        return new StatementCluster(id, speaker, dates.Count > 0 ? dates.Min() : null, dates.Count > 0 ? dates.Max() : null, members);
    }

    private static EventCluster ToCluster(string id, List<EventMention> members)
    {
        var dates = members.Select(m => m.When).OfType<DateOnly>().ToList();
        return new EventCluster(id, members[0].Type, dates.Count > 0 ? dates.Min() : null, dates.Count > 0 ? dates.Max() : null, members);
    }

    private static IEnumerable<T> InOrder<T>(IEnumerable<T> items, Func<T, DateOnly?> when, Func<T, string> document, Func<T, int> start) =>
        items.OrderBy(i => when(i) ?? DateOnly.MaxValue).ThenBy(document, StringComparer.Ordinal).ThenBy(start);

    // ---- statements

    internal sealed record StatementItem(StatementMention Mention, ContentVector Vector, string[] SpeakerWords, string? SpeakerBlock);

    private StatementItem Item(StatementMention m)
    {
        var vector = ContentVector.From(ContentTerms.Of(m.Text, _lexicon).Terms, _settings.BigramWeight);
        _statementFrequencies.Add(vector);
        StatementCount++;
        var words = SpeakerWords(m.Speaker);
        // A statement nobody is known to have made cannot be the same utterance as another: it stays alone.
        return new StatementItem(m, vector, words, words.Length == 0 ? null : words[^1]);
    }

    internal static string[] SpeakerWords(string? speaker) =>
        speaker is null ? [] : speaker.Split([' ', '-', '.', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();

    private double StatementSimilarity(StatementItem a, StatementItem b)
    {
        if (!SameSpeaker(a.SpeakerWords, b.SpeakerWords))
            return 0;
        if (a.Mention.ContinuationOf == b.Mention.Key || b.Mention.ContinuationOf == a.Mention.Key)
            return 1;
        double cosine = _statementFrequencies.Cosine(a.Vector, b.Vector);
        bool elaborates = a.Mention.ElaborationOf == b.Mention.Key || b.Mention.ElaborationOf == a.Mention.Key;
        double score = elaborates ? cosine + _settings.ElaborationBonus : cosine;
        return score * OccasionFactor(a.Mention, b.Mention);
    }

    /// <summary>
    /// How far the dates let content decide. Reports dated up to <see cref="ClusteringSettings.MaxSaidOnGapDays"/>
    /// apart can be one occasion ("on Wednesday" in one outlet, the day the interview ran in another): content alone
    /// decides. Reports further apart are other occasions. When either of two documents leaves a statement undated,
    /// the occasion is unknown and a speaker repeating a line on another day looks the same, so content must reach
    /// <see cref="ClusteringSettings.UndatedStatementThreshold"/> instead (the score is scaled so that it compares
    /// with the one threshold the clusterer knows). Within one document the article's frame stands in for a date.
    /// </summary>
    private double OccasionFactor(StatementMention a, StatementMention b)
    {
        if (a.When is { } da && b.When is { } db)
            return Math.Abs(da.DayNumber - db.DayNumber) <= _settings.MaxSaidOnGapDays ? 1 : 0;
        return a.DocumentId == b.DocumentId ? 1 : _settings.StatementThreshold / Math.Max(_settings.UndatedStatementThreshold, _settings.StatementThreshold);
    }

    /// <summary>"Putin" and "Vladimir Putin" are one speaker: the shorter name's words are all in the longer one.</summary>
    internal static bool SameSpeaker(string[] a, string[] b)
    {
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length > 0 && shorter.All(w => longer.Contains(w, StringComparer.Ordinal));
    }

    // ---- events

    internal sealed record EventItem(EventMention Mention, ContentVector Vector, string Family, DateOnly? First, DateOnly? Last);

    private EventItem Item(EventMention m)
    {
        // The participants and the place are words of the event too: "Putin … Witkoff … Moscow" in both reports.
        var text = string.Join(" ", m.Participants.Append(m.Place ?? "").Prepend(m.Text));
        var vector = ContentVector.From(ContentTerms.Of(text, _lexicon).Terms, _settings.BigramWeight);
        _eventFrequencies.Add(vector);
        EventCount++;
        bool dated = TimexDays.TryParse(m.Date, out var first, out var last);
        return new EventItem(m, vector, _settings.EventFamily(m.Type), dated ? first : null, dated ? last : null);
    }

    private double EventSimilarity(EventItem a, EventItem b)
    {
        if (a.First is { } af && b.First is { } bf && TimexDays.Gap(af, a.Last!.Value, bf, b.Last!.Value) > _settings.MaxEventDateGapDays)
            return 0;
        return _eventFrequencies.Cosine(a.Vector, b.Vector);
    }
}
