using Storyline.Evaluation;
using Storyline.Tests.Support;

namespace Storyline.Tests.Evaluation;

public class ConllReaderTests
{
    // Hand-made, in the CoNLL-2003 layout: token, POS, chunk, NER tag; IOB1 in the second document.
    private const string Sample = """
        -DOCSTART- -X- -X- O

        Anna NNP B-NP B-PER
        Berg NNP I-NP I-PER
        visited VBD B-VP O
        Oslo NNP B-NP B-LOC
        . . O O

        -DOCSTART- -X- -X- O

        Acme NNP B-NP I-ORG
        Corp NNP I-NP I-ORG
        Zeta NNP I-NP B-ORG
        hired VBD B-VP O
        Bo NNP B-NP I-PER
        """;

    [Fact]
    public void Reads_documents_sentences_tokens_and_tags()
    {
        var documents = ConllReader.Parse(Sample.Split('\n'));
        Assert.Equal(2, documents.Count);
        var first = Assert.Single(documents[0].Sentences);
        Assert.Equal(["Anna", "Berg", "visited", "Oslo", "."], first.Tokens);
        Assert.Equal("B-LOC", first.Tags[3]);
    }

    [Fact]
    public void Reads_chunks_with_conlleval_semantics_in_IOB1_and_IOB2()
    {
        var documents = ConllReader.Parse(Sample.Split('\n'));
        Assert.Equal([(0, 2, "PER"), (3, 1, "LOC")], ConllChunks.Of(documents[0].Sentences[0].Tags));
        Assert.Equal([(0, 2, "ORG"), (2, 1, "ORG"), (4, 1, "PER")], ConllChunks.Of(documents[1].Sentences[0].Tags));
        Assert.Equal([(0, 2, "LOC"), (2, 1, "PER")], ConllChunks.Of(["I-LOC", "I-LOC", "I-PER", "O"]));
        Assert.Equal([(0, 3, "ORG")], ConllChunks.Of(["B-ORG", "I-ORG", "E-ORG"]));
    }

    [Fact]
    public void Rejects_a_line_without_a_tag_with_its_line_number()
    {
        var error = Assert.Throws<InvalidDataException>(() => ConllReader.Parse(["Anna B-PER", "Berg NNP"], "x.conll"));
        Assert.Contains("x.conll:2", error.Message);
    }

    [Fact]
    public void Lays_a_document_out_as_text_with_one_sentence_a_line()
    {
        var layout = ConllText.Of(ConllReader.Parse(Sample.Split('\n'))[0]);
        Assert.Equal("Anna Berg visited Oslo .", layout.Text);
        Assert.Equal("Oslo", layout.Tokens[3].Of(layout.Text));
    }

    [Fact]
    public void Scores_test_files_only_and_maps_types()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "tiny_train.txt"), "Anna B-PER\n");
        File.WriteAllText(Path.Combine(dir.Path, "tiny_test.txt"), "Vladimir B-Person\nPutin I-Person\nmet O\nDonald B-Person\nTrump I-Person\nin O\nAlaska B-Location\n. O\n");
        Assert.Equal(["tiny_test.txt"], ConllEvaluator.TestFiles(dir.Path).Select(Path.GetFileName));
        var report = new ConllEvaluator().Evaluate(dir.Path, Pipeline.CreateDefault());
        Assert.True(report.Scores["ner.tiny_test.names.f1"] > 0.99, string.Join(", ", report.Scores));
        Assert.Equal(report.Scores["ner.f1"], report.Scores["ner.tiny_test.f1"]);
    }

    [Fact]
    public void Scores_the_sentence_splitter_on_the_files_sentence_ends()
    {
        // Three sentences in one document: the splitter finds the end after "Oslo ." and the abbreviation "U.S."
        // mid-sentence is no end; the headline-like first "sentence" without a full stop is the one it misses.
        var documents = ConllReader.Parse("""
            -DOCSTART- O

            OSLO O
            1996-08-30 O

            Anna O
            Berg O
            visited O
            Oslo O
            . O

            She O
            flew O
            to O
            the O
            U.S. O
            on O
            Friday O
            . O
            """.Split('\n'));
        var counts = ConllEvaluator.SentenceBoundaries(documents);
        Assert.Equal(new Counts(1, 0, 1), counts);
    }
}
