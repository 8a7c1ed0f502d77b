using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Statements;

/// <summary>
/// An attribution read off the tagger's labels: content, cue and source spans, the paragraph and token range of
/// the source (for naming it), and a confidence (the mean probability of the content's and cue's labels).
/// </summary>
internal sealed record TaggedAttribution(Span Content, Span? Cue, Span? Source, double Confidence, int Paragraph, (int First, int End)? SourceTokens);

/// <summary>
/// Finds attributions with the model trained by <c>tools/Storyline.Train roles</c> from PolNeAR (see
/// models/attribution.md): it labels each paragraph's tokens as source, cue or content, reading the same paragraph
/// as the rules (and the rules' own reading of it), then ties each content to its nearest cue and that cue's
/// nearest source. The shipped model is embedded and loaded once, on first use.
/// </summary>
internal sealed class AttributionTagger(RoleModel model, NerResources resources)
{
    internal const string ResourceName = "Storyline.models.attribution.bin";

    private static readonly Lazy<AttributionTagger?> Shipped = new(LoadShipped, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The tagger with the shipped model, or null when the assembly was built without one.</summary>
    public static AttributionTagger? Default => Shipped.Value;

    public RoleModel Model { get; } = model;

    public NerResources Resources { get; } = resources;

    private static AttributionTagger? LoadShipped()
    {
        using var stream = typeof(AttributionTagger).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : new AttributionTagger(RoleModel.Load(stream), EntityRecognizer.Default.Model.Resources);
    }

    /// <summary>The attributions in <paramref name="paragraphs"/>, in text order.</summary>
    public List<TaggedAttribution> FindAll(IReadOnlyList<Paragraph> paragraphs, IReadOnlyList<EntityMention> mentions, IReadOnlyList<Statement> rules)
    {
        var found = new List<TaggedAttribution>();
        for (int i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Tokens.Count == 0)
                continue;
            var sequence = new RoleSequence(paragraphs[i], Resources, StatementLexicon.English, mentions, rules);
            var (labels, probabilities) = Model.Tag(sequence);
            found.AddRange(Group(paragraphs[i], i, labels, probabilities));
        }
        return found;
    }

    /// <summary>
    /// Ties labelled runs into attributions. Two content runs separated only by a source, a cue and punctuation are
    /// one content around its attribution (“…,” she said, “…”). Each content then takes the nearest unclaimed cue
    /// (one inside it first), and that cue the nearest unclaimed source; PolNeAR gives a token one role in one
    /// attribution, so nothing is shared.
    /// </summary>
    public static List<TaggedAttribution> Group(Paragraph p, int paragraph, ReadOnlySpan<byte> labels, ReadOnlySpan<float> probabilities)
    {
        var runs = RoleLabels.Spans(labels);
        var contents = new List<(int First, int End)>();
        var cues = runs.Where(r => r.Role == Role.Cue).Select(r => (r.First, r.End)).ToList();
        var sources = runs.Where(r => r.Role == Role.Source).Select(r => (r.First, r.End)).ToList();
        foreach (var run in runs.Where(r => r.Role == Role.Content))
        {
            if (contents.Count > 0 && OnlyAttributionBetween(p, labels, contents[^1].End, run.First))
                contents[^1] = (contents[^1].First, run.End);
            else
                contents.Add((run.First, run.End));
        }
        var usedCues = new bool[cues.Count];
        var usedSources = new bool[sources.Count];
        var result = new List<TaggedAttribution>();
        foreach (var content in contents)
        {
            int cue = Nearest(cues, usedCues, content);
            (int First, int End)? cueRange = cue >= 0 ? cues[cue] : null;
            int source = cueRange is { } c ? Nearest(sources, usedSources, c) : -1;
            (int First, int End)? sourceRange = source >= 0 ? sources[source] : null;
            // A source farther from its cue than the content is belongs to another attribution.
            if (sourceRange is { } s && cueRange is { } k && Gap(s, k) > MaxSourceGap)
                sourceRange = null;
            else if (source >= 0)
                usedSources[source] = true;

            double confidence = Mean(probabilities, content.First, content.End);
            if (cueRange is { } kc)
                confidence *= Mean(probabilities, kc.First, kc.End);
            else
                confidence *= 0.5;
            result.Add(new TaggedAttribution(p.SpanOf(content.First, content.End),
                cueRange is { } cr ? p.SpanOf(cr.First, cr.End) : null,
                sourceRange is { } sr ? p.SpanOf(sr.First, sr.End) : null,
                confidence, paragraph, sourceRange));
        }
        return result;
    }

    /// <summary>Tokens between a source and its cue at most ("Smith, a longtime adviser to the governor who …, said").</summary>
    private const int MaxSourceGap = 25;

    private static bool OnlyAttributionBetween(Paragraph p, ReadOnlySpan<byte> labels, int from, int to)
    {
        bool attribution = false;
        for (int t = from; t < to; t++)
        {
            var role = RoleLabels.RoleOf(labels[t]);
            if (role == Role.Content)
                return false;
            if (role is Role.Source or Role.Cue)
                attribution = true;
            else if (p.Tokens[t].IsWord)
                return false;
        }
        return attribution || to - from <= 2;
    }

    private static int Nearest(List<(int First, int End)> runs, bool[] used, (int First, int End) target)
    {
        int best = -1, bestGap = int.MaxValue;
        for (int r = 0; r < runs.Count; r++)
        {
            if (used[r])
                continue;
            int gap = Gap(runs[r], target);
            if (gap < bestGap)
                (best, bestGap) = (r, gap);
        }
        if (best >= 0)
            used[best] = true;
        return best;
    }

    /// <summary>Tokens between two runs (0 when they touch or one lies within the other).</summary>
    private static int Gap((int First, int End) a, (int First, int End) b) =>
        a.End <= b.First ? b.First - a.End : b.End <= a.First ? a.First - b.End : 0;

    private static double Mean(ReadOnlySpan<float> values, int first, int end)
    {
        double sum = 0;
        for (int i = first; i < end; i++)
            sum += values[i];
        return end > first ? sum / (end - first) : 0;
    }
}
