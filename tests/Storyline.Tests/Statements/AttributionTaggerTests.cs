using Storyline.Documents;
using Storyline.Statements;

namespace Storyline.Tests.Statements;

public class AttributionTaggerTests
{
    private static Document Annotate(string text, AttributionModelUse use)
    {
        var document = new Document(text);
        new StatementStage(use).Apply(document);
        return document;
    }

    [Fact]
    public void Role_labels_begin_a_new_run_where_the_attribution_changes()
    {
        const string text = "Hale said taxes rise and Berg said wages fall.";
        var p = new Paragraph(text, Span.FromBounds(0, text.Length));
        var labels = RoleLabels.Encode(p.Tokens,
        [
            (new Span(0, 4), Role.Source, 0), (new Span(5, 4), Role.Cue, 0), (Span.FromBounds(10, 20), Role.Content, 0),
            (new Span(25, 4), Role.Source, 1), (new Span(30, 4), Role.Cue, 1), (Span.FromBounds(35, 45), Role.Content, 1),
        ]);

        var runs = RoleLabels.Spans(labels);

        Assert.Equal([Role.Source, Role.Cue, Role.Content, Role.Source, Role.Cue, Role.Content], runs.Select(r => r.Role));
        Assert.Equal(RoleLabels.Outside, labels[p.Tokens.FindIndex(t => t.Text == "and")]);
        Assert.False(RoleLabels.Allowed(RoleLabels.Outside, RoleLabels.Inside(Role.Content)));
    }

    [Fact]
    public void A_quote_around_its_attribution_is_one_content_with_that_cue_and_source()
    {
        const string text = "“We will stay,” Jones said, “and we will win.”";
        var p = new Paragraph(text, Span.FromBounds(0, text.Length));
        var labels = new byte[p.Tokens.Count];
        for (int t = 0; t < p.Tokens.Count; t++)
        {
            var role = p.Tokens[t].Text == "Jones" ? Role.Source : p.Tokens[t].Text == "said" ? Role.Cue : Role.Content;
            bool continues = t > 0 && role == RoleLabels.RoleOf(labels[t - 1]);
            labels[t] = continues ? RoleLabels.Inside(role) : RoleLabels.Begin(role);
        }
        var probabilities = Enumerable.Repeat(0.9f, labels.Length).ToArray();

        var found = Assert.Single(AttributionTagger.Group(p, 0, labels, probabilities));

        Assert.Equal(Span.FromBounds(0, text.Length), found.Content);
        Assert.Equal("said", found.Cue!.Value.Of(text));
        Assert.Equal("Jones", found.Source!.Value.Of(text));
        Assert.Equal(0.81, found.Confidence, 3);
    }

    [Fact]
    public void The_shipped_model_reads_a_stance_the_reporting_verbs_do_not_cover()
    {
        const string text = "Senator Maria Alvarez believes that the new tax will hurt families in rural towns.";

        var rules = Annotate(text, AttributionModelUse.Rules);
        var model = Annotate(text, AttributionModelUse.Model);

        Assert.NotNull(AttributionTagger.Default);
        var statement = Assert.Single(model.Statements);
        Assert.Contains("the new tax will hurt families", model.Slice(statement.Content), StringComparison.Ordinal);
        Assert.Equal("believes", model.Slice(statement.Cue!.Value));
        Assert.Contains("Alvarez", model.Slice(statement.SpeakerSpan!.Value), StringComparison.Ordinal);
        Assert.DoesNotContain(rules.Statements, s => model.Slice(s.Content).Contains("new tax", StringComparison.Ordinal) && s.Cue is { } c && model.Slice(c) != "believes");
    }

    [Fact]
    public void The_shipped_model_finds_no_attribution_in_plain_description()
    {
        const string text = "The old bridge opened in 1932. It is painted red and carries two lanes of traffic.";

        Assert.Empty(Annotate(text, AttributionModelUse.Model).Statements);
        Assert.Empty(Annotate(text, AttributionModelUse.Confident).Statements);
    }

    [Fact]
    public void The_confident_setting_keeps_what_the_rules_find()
    {
        const string text = "“We will rebuild the bridge by spring,” Mayor Anna Kowalski said on Monday.";

        var rules = Annotate(text, AttributionModelUse.Rules);
        var confident = Annotate(text, AttributionModelUse.Confident);

        Assert.Equal(rules.Statements.Select(s => (s.Content, s.Speaker)), confident.Statements.Select(s => (s.Content, s.Speaker)));
    }

    [Fact]
    public void A_model_survives_saving_and_loading()
    {
        var rows = new Dictionary<ulong, int> { [42UL] = 0, [7UL] = 1 };
        float[] weights = [1, 0, -2, 0, 0, 0, 3, 0.5f, 0, 0, 0, 0, 0, -1];
        var model = new RoleModel(rows, weights, 32, beam: 4);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = RoleModel.Load(stream);

        Assert.Equal(32, loaded.Temperature);
        Assert.Equal(4, loaded.Beam);
        foreach (var (key, row) in rows)
        {
            var expected = weights.AsSpan(row * RoleLabels.Count, RoleLabels.Count).ToArray();
            var actual = loaded.Weights.AsSpan(loaded.Rows[key] * RoleLabels.Count, RoleLabels.Count).ToArray();
            Assert.Equal(expected, actual.Select(w => MathF.Round(w * 100) / 100));
        }
    }

    [Fact]
    public void A_file_that_is_no_model_is_refused()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.ThrowsAny<Exception>(() => RoleModel.Load(stream));
    }

    [Fact]
    public void The_union_setting_keeps_the_rules_statements_and_adds_the_stances_they_miss()
    {
        const string text = "“We will rebuild the bridge by spring,” Mayor Anna Kowalski said on Monday. "
                          + "Senator Maria Alvarez believes that the new tax will hurt families in rural towns.";

        var rules = Annotate(text, AttributionModelUse.Rules);
        var union = Annotate(text, AttributionModelUse.Union);

        Assert.NotEmpty(rules.Statements);
        Assert.All(rules.Statements, r => Assert.Contains(union.Statements, u => u.Content == r.Content && u.Speaker == r.Speaker));
        Assert.Contains(union.Statements, s => union.Slice(s.Content).Contains("the new tax will hurt families", StringComparison.Ordinal));
        Assert.DoesNotContain(union.Statements, u => rules.Statements.Any(r => r != u && r.Content.Overlaps(u.Content) && r.Content != u.Content));
    }

    [Fact]
    public void The_structured_trainer_learns_a_paragraph_it_is_shown()
    {
        const string text = "Hale said that taxes will rise next year. The council met on Monday.";
        var p = new Paragraph(text, Span.FromBounds(0, text.Length));
        var gold = RoleLabels.Encode(p.Tokens,
            [(new Span(0, 4), Role.Source, 0), (new Span(5, 4), Role.Cue, 0), (Span.FromBounds(15, 40), Role.Content, 0)]);
        var sequence = new RoleSequence(p, Storyline.Language.EntityRecognizer.Default.Model.Resources, StatementLexicon.English, [], []);
        var rows = new Dictionary<ulong, int>();
        Span<ulong> features = stackalloc ulong[RoleSequence.MaxStatic];
        int seen = 0;
        for (int i = 0; i < sequence.Count; i++)
        {
            seen = sequence.StartsSentence(i) ? 0 : seen;
            foreach (ulong f in features[..sequence.StaticFeatures(i, features)])
                rows.TryAdd(f, rows.Count);
            byte y1 = i > 0 ? gold[i - 1] : RoleSequence.NoLabel, y2 = i > 1 ? gold[i - 2] : RoleSequence.NoLabel;
            foreach (ulong f in features[..sequence.DynamicFeatures(i, y1, y2, seen, features)])
                rows.TryAdd(f, rows.Count);
            seen |= 1 << (int)RoleLabels.RoleOf(gold[i]);
        }
        var table = new Storyline.Language.FeatureTable(rows);
        var weights = new Weights(rows.Count);
        sequence.Resolve(table);
        var before = new byte[sequence.Count];
        RoleDecoder.Decode(sequence, weights.Values, table, 4, before, default);

        int rounds = 0;
        while (RoleDecoder.Train(sequence, weights.Values, table, 4, gold, weights) && ++rounds < 20)
        {
        }
        var after = new byte[sequence.Count];
        var probabilities = new float[sequence.Count];
        RoleDecoder.Decode(sequence, weights.Values, table, 4, after, probabilities);

        Assert.NotEqual(gold, before);
        Assert.Equal(gold, after);
        Assert.All(probabilities, q => Assert.InRange(q, 0f, 1f));
        var runs = RoleLabels.Spans(after);
        Assert.Equal([Role.Source, Role.Cue, Role.Content], runs.Select(r => r.Role));
    }

    [Fact]
    public void The_label_features_are_those_of_the_previous_label_and_those_of_the_history_together()
    {
        const string text = "“We will win,” Hale said. The council met on Monday.";
        var p = new Paragraph(text, Span.FromBounds(0, text.Length));
        var sequence = new RoleSequence(p, Storyline.Language.EntityRecognizer.Default.Model.Resources, StatementLexicon.English, [], []);
        Span<ulong> all = stackalloc ulong[RoleSequence.MaxDynamic];
        Span<ulong> split = stackalloc ulong[RoleSequence.MaxDynamic];
        byte y1 = RoleLabels.Inside(Role.Content), y2 = RoleLabels.Begin(Role.Content), other = RoleLabels.Begin(Role.Source);

        for (int i = 0; i < sequence.Count; i++)
        {
            int n = sequence.DynamicFeatures(i, y1, y2, 0b1001, all);
            int m = sequence.LabelFeatures(i, y1, split);
            m += RoleSequence.HistoryFeatures(y1, y2, 0b1001, split[m..]);

            Assert.Equal(RoleSequence.LabelOnly, m - 2);
            Assert.Equal(all[..n].ToArray(), split[..m].ToArray());
            // What the decoder scores once per previous label does not change with the labels before it.
            sequence.LabelFeatures(i, y1, split);
            var once = split[..RoleSequence.LabelOnly].ToArray();
            sequence.DynamicFeatures(i, y1, other, 0, all);
            Assert.Equal(once, all[..RoleSequence.LabelOnly].ToArray());
        }
    }

    [Fact]
    public void The_label_rows_resolved_once_per_model_are_those_of_the_label_features()
    {
        const string text = "“We will win,” Hale said: the council, according to Berg, met on Monday. “No.”";
        var p = new Paragraph(text, Span.FromBounds(0, text.Length));
        var sequence = new RoleSequence(p, Storyline.Language.EntityRecognizer.Default.Model.Resources, StatementLexicon.English, [], []);
        var table = AttributionTagger.Default!.Model.Table;
        var rows = RoleLabelRows.For(table);
        Span<ulong> features = stackalloc ulong[RoleSequence.MaxDynamic];
        Span<int> expected = stackalloc int[RoleSequence.MaxDynamic];
        Span<int> resolved = stackalloc int[RoleSequence.MaxDynamic];
        byte[] previous = [.. Enumerable.Range(0, RoleLabels.Count).Select(l => (byte)l), RoleSequence.NoLabel];
        int known = 0;

        for (int i = 0; i < sequence.Count; i++)
        {
            foreach (byte y1 in previous)
            {
                int n = table.KnownRows(features[..sequence.LabelFeatures(i, y1, features)], expected);
                Assert.Equal(expected[..n].ToArray(), resolved[..rows.Label(sequence, table, i, y1, resolved)].ToArray());
                known += n;
                foreach (byte y2 in previous)
                {
                    for (int seen = 0; seen < 16; seen++)
                    {
                        int m = table.KnownRows(features[..RoleSequence.HistoryFeatures(y1, y2, seen, features)], expected);
                        Assert.Equal(expected[..m].ToArray(), resolved[..rows.History(y1, y2, seen, resolved)].ToArray());
                    }
                }
            }
        }
        Assert.True(known > 0);
    }

    /// <summary>Plain perceptron weights (no averaging): enough to see the trainer correct itself.</summary>
    private sealed class Weights(int rows) : IRoleUpdate
    {
        public float[] Values { get; } = new float[rows * RoleLabels.Count];

        public void Add(ReadOnlySpan<int> rows, byte label, float delta)
        {
            foreach (int row in rows)
                Values[row * RoleLabels.Count + label] += delta;
        }

        public void Next()
        {
        }
    }
}
