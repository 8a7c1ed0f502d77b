using Storyline.Language;

namespace Storyline.Tests.Language;

/// <summary>
/// The recogniser's shortcuts (the word-form cache, decoding with only the non-zero weight rows) must give exactly
/// what working everything out afresh gives: the same rows in the same order, hence the same labels.
/// </summary>
public class RecogniserShortcutTests
{
    // Sentence edges, one- and two-token sentences, repeated words in new neighbours, an all-capitals headline,
    // gazetteer-style names, digits, curly quotes and a word longer than TokenInfo's 32-character buffer.
    private const string Text =
        "FRENCH PRESIDENT VISITS NEW YORK\n" +
        "Emmanuel Macron met Joe Biden in New York on Tuesday, the White House said.\n" +
        "Yes.\n" +
        "“We agree,” Macron said.\n" +
        "Biden's aides flew 1,200 km to Paris; the Élysée Palace confirmed it.\n" +
        "Antidisestablishmentarianismlikewordsthatgoon and on.\n" +
        "OK then.";

    private static NerModel Model => EntityRecognizer.Default.Model;

    private static NerDocument Layout(string text, NerDocument.FormCache? forms)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        return new NerDocument(text, [.. tokens.Select(t => t.Span)], [.. sentences.Select(s => (s.FirstToken, s.TokenCount))], Model.Resources, forms);
    }

    [Fact]
    public void Cached_word_forms_give_every_token_the_same_static_rows_in_the_same_order()
    {
        var forms = Model.Forms;
        var fresh = Layout(Text, null);
        fresh.Resolve(forms.Table);
        var expected = Enumerable.Range(0, fresh.Count).Select(i => fresh.StaticIds(i).ToArray()).ToList();
        fresh.Release();

        // Twice: once filling the cache, once reading it.
        for (int pass = 0; pass < 2; pass++)
        {
            var cached = Layout(Text, forms);
            cached.Resolve(forms.Table);
            Assert.Equal(expected.Count, cached.Count);
            for (int i = 0; i < cached.Count; i++)
                Assert.Equal(expected[i], cached.StaticIds(i).ToArray());
            cached.Release();
        }
        Assert.Contains(expected, rows => rows.Length > 20);
    }

    [Fact]
    public void Cached_word_forms_give_the_same_label_word_rows_after_every_label()
    {
        var forms = Model.Forms;
        var fresh = Layout(Text, null);
        var cached = Layout(Text, forms);
        Span<int> want = stackalloc int[NerDocument.MaxDynamic];
        Span<int> got = stackalloc int[NerDocument.MaxDynamic];
        int known = 0;
        for (int i = 0; i < fresh.Count; i++)
        {
            foreach (byte y1 in Enumerable.Range(0, NerLabels.Count).Select(l => (byte)l).Append(NerDocument.NoLabel))
            {
                int n = fresh.LabelWordRows(i, y1, forms.Table, want);
                Assert.Equal(want[..n].ToArray(), got[..cached.LabelWordRows(i, y1, forms.Table, got)].ToArray());
                known += n;
            }
        }
        Assert.True(known > 0);
    }

    [Fact]
    public void Tagging_with_the_shortcuts_gives_the_labels_of_the_whole_model_worked_out_afresh()
    {
        var model = Model;
        var fresh = Layout(Text, null);
        fresh.Resolve(model.Table);
        var expected = new byte[fresh.Count];
        NerDecoder.Decode(fresh, model.Weights, model.Table, expected, default, null, NerDecoder.DefaultBeam, model.Temperature, model.Dense);
        fresh.Release();

        var labels = model.Tag(Layout(Text, model.Forms));

        Assert.Equal(expected, labels);
        Assert.Contains(labels, l => l != NerLabels.Outside);
    }

    [Fact]
    public void A_full_form_cache_starts_afresh_at_the_next_document_and_still_tags_the_same()
    {
        var forms = Model.Forms;
        var text = string.Join(' ', Enumerable.Range(0, NerDocument.FormCache.MaxForms + 100).Select(i => i % 7 == 0 ? $"Name{i}" : $"w{i}"));
        var tokens = Tokenizer.Tokenize(text);
        EntityRecognizer.Default.Recognize(text, tokens, SentenceSplitter.Split(text, tokens));
        Assert.True(forms.Count > NerDocument.FormCache.MaxForms);

        var cached = Layout(Text, forms);
        Assert.True(forms.Count < 200);
        var fresh = Layout(Text, null);
        fresh.Resolve(forms.Table);
        cached.Resolve(forms.Table);
        for (int i = 0; i < fresh.Count; i++)
            Assert.Equal(fresh.StaticIds(i).ToArray(), cached.StaticIds(i).ToArray());
    }

    [Fact]
    public void The_flat_hash_map_answers_as_the_dictionary_does()
    {
        var random = new Random(11);
        var source = new Dictionary<ulong, byte> { [0] = 7 };
        while (source.Count < 1_000)
            source[(ulong)random.NextInt64() ^ ((ulong)random.Next() << 40)] = (byte)random.Next(256);
        var map = new HashMap<byte>(source);

        Assert.Equal(source.Count, map.Count);
        foreach (var (key, value) in source)
            Assert.True(map.TryGetValue(key, out byte found) && found == value);
        for (int i = 0; i < 10_000; i++)
        {
            ulong key = (ulong)random.NextInt64();
            Assert.Equal(source.TryGetValue(key, out byte want), map.TryGetValue(key, out byte got));
            Assert.Equal(want, got);
        }
        Assert.False(new HashMap<byte>(new Dictionary<ulong, byte>()).TryGetValue(0, out _));
    }
}
