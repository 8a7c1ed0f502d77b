using System.Globalization;
using System.Text;
using Storyline.Documents;
using Storyline.Language;

namespace Storyline.Evaluation;

/// <summary>
/// Scores the named-entity recogniser on CoNLL-format test files (CoNLL-2003 / CoNLL++, WikiGold, re3d, …) on the
/// files' own tokens and sentences: entity-level, exact span and type, micro-averaged, with conlleval's reading of
/// the tags. Test files are the CoNLL files whose name says "test"; in a folder without any (WikiGold is a single
/// corpus file) every CoNLL file that is not a train or dev split. Types map to CoNLL's four: PER, ORG, LOC, MISC
/// (re3d: Person, Organisation, Location, and Nationality as MISC; its other types are not names and are dropped).
/// The same files score the sentence splitter (<see cref="SentenceBoundaries"/>).
/// </summary>
public sealed class ConllEvaluator(EntityRecognizer? recognizer = null) : IDatasetEvaluator
{
    private static readonly string[] Types = ["PER", "ORG", "LOC", "MISC"];

    public string Format => "conll";

    public bool CanEvaluate(string directory) => TestFiles(directory).Count > 0;

    public static List<string> TestFiles(string directory)
    {
        if (!Directory.Exists(directory))
            return [];
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".txt" or ".conll" or ".testb" or ".iob" or ".bio")
            .Where(ConllReader.LooksLikeConll)
            .Order(StringComparer.Ordinal)
            .ToList();
        var tests = files.Where(f => Path.GetFileName(f).Contains("test", StringComparison.OrdinalIgnoreCase)).ToList();
        if (tests.Count > 0)
            return tests;
        return files.Where(f => !Path.GetFileName(f).Contains("train", StringComparison.OrdinalIgnoreCase)
            && !Path.GetFileName(f).Contains("dev", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    public EvalReport Evaluate(string directory, Pipeline pipeline, IProgress<EvalProgress>? progress = null)
    {
        var files = TestFiles(directory);
        var report = new EvalReport(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory))), Format);
        report.Notes.Add("Scores the shipped recogniser on each file's own tokens and sentences (conlleval semantics; IO files scored as IO).");
        var ner = recognizer ?? EntityRecognizer.Default;
        var total = new ConllScore();
        var totalBoundaries = default(Counts);
        var rows = new List<IReadOnlyList<string>>();
        var boundaryRows = new List<IReadOnlyList<string>>();
        for (int f = 0; f < files.Count; f++)
        {
            progress?.Report(new EvalProgress(f, files.Count, Path.GetFileName(files[f])));
            var documents = ConllReader.Read(files[f]);
            var score = Score(documents, ner);
            report.Documents += documents.Count;
            var key = "ner." + Stem(files[f]);
            score.WriteTo(report, key);
            total.Add(score);
            var name = Path.GetRelativePath(directory, files[f]);
            rows.Add(EvalReport.PrfRow(name, score.All));
            foreach (var type in Types)
                rows.Add(EvalReport.PrfRow("  " + type, score.Of(type)));
            rows.Add(EvalReport.PrfRow("  PER+ORG+LOC", score.Names));
            var boundaries = SentenceBoundaries(documents);
            report.AddPrf("sentences." + Stem(files[f]), boundaries);
            totalBoundaries += boundaries;
            boundaryRows.Add(EvalReport.PrfRow(name, boundaries));
        }
        progress?.Report(new EvalProgress(files.Count, files.Count, ""));
        total.WriteTo(report, "ner");
        report.Tables.Add(new EvalTable("Named entities (exact span and type)", EvalReport.PrfColumns, rows));
        report.AddPrf("sentences", totalBoundaries);
        report.Tables.Add(new EvalTable("Sentence ends (each document's sentences joined into one paragraph, split again)", EvalReport.PrfColumns, boundaryRows));
        return report;
    }

    /// <summary>Compares the recogniser's entities with the gold of every sentence.</summary>
    public static ConllScore Score(IReadOnlyList<ConllDocument> documents, EntityRecognizer recognizer)
    {
        var score = new ConllScore();
        foreach (var (gold, predicted) in SentenceChunks(documents, recognizer))
            score.Add(gold, predicted);
        return score;
    }

    /// <summary>
    /// The gold and the predicted entity chunks of every sentence (token offsets within the sentence, CoNLL's type
    /// names), in file order: what <see cref="Score"/> counts, and what an error analysis breaks down.
    /// </summary>
    public static IEnumerable<(List<(int First, int Count, string Type)> Gold, List<(int First, int Count, string Type)> Predicted)> SentenceChunks(
        IReadOnlyList<ConllDocument> documents, EntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(recognizer);
        // An IO file cannot tell two adjacent names of one type apart, so predictions are read the same way.
        bool io = documents.All(d => d.Sentences.All(s => s.Tags.All(t => t[0] is 'O' or 'I')));
        foreach (var document in documents)
        {
            var layout = ConllText.Of(document);
            var tokens = layout.Tokens.Select(s => new Token(s, TokenKind.Word)).ToList();
            var sentences = layout.Sentences.Select(s => new Sentence(
                Span.FromBounds(layout.Tokens[s.First].Start, layout.Tokens[s.First + s.Count - 1].End), s.First, s.Count)).ToList();
            var mentions = recognizer.Recognize(layout.Text, tokens, sentences);
            var predicted = PredictedTags(layout, mentions, io);
            for (int s = 0; s < document.Sentences.Count; s++)
            {
                var (first, count) = layout.Sentences[s];
                var gold = ConllChunks.Of(document.Sentences[s].Tags.Select(MapTag).ToList());
                yield return (gold, ConllChunks.Of(predicted.GetRange(first, count)));
            }
        }
    }

    /// <summary>
    /// How well the sentence splitter finds a file's sentence ends. CoNLL keeps no line breaks, so each document's
    /// sentences are joined by spaces into one paragraph, tokenized by our tokenizer and split; a boundary is the
    /// character offset where a sentence ends, leaving out the document's last one (always right). Headlines and
    /// datelines without final punctuation ("LONDON 1996-08-30") are missed here by design: in real text they stand
    /// on lines of their own, which the splitter never crosses.
    /// </summary>
    public static Counts SentenceBoundaries(IReadOnlyList<ConllDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var total = default(Counts);
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            text.Clear();
            var gold = new HashSet<int>();
            foreach (var sentence in document.Sentences.Where(s => s.Tokens.Count > 0))
            {
                if (text.Length > 0)
                    text.Append(' ');
                text.AppendJoin(' ', sentence.Tokens);
                gold.Add(text.Length);
            }
            gold.Remove(text.Length);
            var paragraph = text.ToString();
            var predicted = SentenceSplitter.Split(paragraph, Tokenizer.Tokenize(paragraph))
                .Select(s => s.Span.End).Where(end => end < paragraph.Length).ToHashSet();
            int hits = predicted.Count(gold.Contains);
            total += new Counts(hits, predicted.Count - hits, gold.Count - hits);
        }
        return total;
    }

    private static List<string> PredictedTags(ConllText layout, List<EntityMention> mentions, bool io)
    {
        var tags = Enumerable.Repeat("O", layout.Tokens.Length).ToList();
        var starts = new Dictionary<int, int>();
        for (int i = 0; i < layout.Tokens.Length; i++)
            starts[layout.Tokens[i].Start] = i;
        foreach (var mention in mentions)
        {
            if (!starts.TryGetValue(mention.Span.Start, out int i))
                continue;
            var type = Types[Array.IndexOf(NerLabels.Types, mention.Type)];
            for (int k = i; k < layout.Tokens.Length && layout.Tokens[k].End <= mention.Span.End; k++)
                tags[k] = (k == i && !io ? "B-" : "I-") + type;
        }
        return tags;
    }

    /// <summary>The dataset's tag in CoNLL's four types (re3d spells them out and has more), or O.</summary>
    public static string MapTag(string tag)
    {
        if (tag == "O")
            return tag;
        var type = tag[2..].ToUpperInvariant() switch
        {
            "PER" or "PERSON" => "PER",
            "ORG" or "ORGANISATION" or "ORGANIZATION" => "ORG",
            "LOC" or "LOCATION" or "GPE" or "PLACE" => "LOC",
            "MISC" or "NATIONALITY" => "MISC",
            _ => null,
        };
        return type is null ? "O" : tag[..2] + type;
    }

    private static string Stem(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".txt", ".conll" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                name = name[..^extension.Length];
        }
        if (name.EndsWith(".conll", StringComparison.OrdinalIgnoreCase))
            name = name[..^".conll".Length];
        var stem = new StringBuilder();
        foreach (char c in name.ToLowerInvariant())
            stem.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return stem.ToString();
    }
}

/// <summary>True positives, false positives and false negatives of entity chunks, per type.</summary>
public sealed class ConllScore
{
    private readonly Dictionary<string, Counts> _byType = new(StringComparer.Ordinal);

    public Counts All => _byType.Values.Aggregate(default(Counts), (a, b) => a + b);

    /// <summary>People, organisations and places: the types Storyline links into entities.</summary>
    public Counts Names => Of("PER") + Of("ORG") + Of("LOC");

    public Counts Of(string type) => _byType.GetValueOrDefault(type);

    public void Add(IReadOnlyList<(int First, int Count, string Type)> gold, IReadOnlyList<(int First, int Count, string Type)> predicted)
    {
        var expected = gold.ToHashSet();
        foreach (var chunk in predicted)
            Bump(chunk.Type, expected.Contains(chunk) ? new Counts(1, 0, 0) : new Counts(0, 1, 0));
        var found = predicted.ToHashSet();
        foreach (var chunk in gold)
        {
            if (!found.Contains(chunk))
                Bump(chunk.Type, new Counts(0, 0, 1));
        }
    }

    public void Add(ConllScore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (type, counts) in other._byType)
            Bump(type, counts);
    }

    private void Bump(string type, Counts counts) => _byType[type] = _byType.GetValueOrDefault(type) + counts;

    public void WriteTo(EvalReport report, string prefix)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.AddPrf(prefix, All);
        report.AddPrf(prefix + ".names", Names);
        foreach (var type in _byType.Keys.Order(StringComparer.Ordinal))
            report.Scores[prefix + "." + type.ToLower(CultureInfo.InvariantCulture) + ".f1"] = Of(type).F1;
    }
}
