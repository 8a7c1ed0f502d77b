using System.Text.Json;
using AngleSharp.Html.Parser;
using Storyline.Evaluation.Extraction;
using Storyline.Extraction;
using Storyline.Extraction.Html;

namespace Storyline.Train;

/// <summary>
/// <c>blocks --data NAEB_DIR --splits train,dev --out FILE</c>: one JSON line per text block of every page of the
/// named splits, with what the content finder decided (<c>kept</c>) and how much of the block the gold body holds
/// (<c>gold</c>, share of its word 4-grams), then one line per page with the predicted and gold title. For error
/// analysis and block-classifier training on the tuning splits only.
/// </summary>
internal static class BlockDump
{
    public static int Run(Dictionary<string, string> options)
    {
        var dir = options.GetValueOrDefault("data") ?? "/work/shared/data/extraction/naeb";
        var wanted = (options.GetValueOrDefault("splits") ?? "train,dev").Split(',');
        if (wanted.Contains("test"))
        {
            Console.Error.WriteLine("the test split is for reporting only");
            return 2;
        }
        var articles = NaebEvaluator.ReadArticles(File.ReadAllText(Path.Combine(dir, "articles.json")));
        var splits = NaebEvaluator.ReadSplits(File.ReadAllText(Path.Combine(dir, "splits.json")));
        using var output = new StreamWriter(options.GetValueOrDefault("out") ?? "blocks.jsonl");
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var extractor = new HtmlArticleExtractor();
        foreach (var split in wanted)
        {
            foreach (var id in splits.GetValueOrDefault(split) ?? [])
            {
                var path = Path.Combine(dir, "html", id + ".html.gz");
                if (!articles.TryGetValue(id, out var gold) || !File.Exists(path))
                    continue;
                var html = DatasetFiles.ReadHtml(path);
                var goldShingles = ShingleScorer.Shingles(ShingleScorer.Tokens(gold.Body));
                using var page = parser.ParseDocument(NestingGuard.Limit(html, out _));
                if (page.Body is null)
                    continue;
                var reader = BlockReader.Read(page.Body);
                var kept = ContentFinder.Find(reader, PhraseLexicon.Default).Select(b => b.Order).ToHashSet();
                foreach (var b in reader.Blocks)
                {
                    var s = ShingleScorer.Shingles(ShingleScorer.Tokens(b.Text));
                    int total = s.Values.Sum(), hit = s.Sum(kv => Math.Min(kv.Value, goldShingles.GetValueOrDefault(kv.Key)));
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        page = id,
                        split,
                        order = b.Order,
                        tag = b.Tag,
                        text = b.Text,
                        links = b.LinkDensity,
                        path = string.Join(">", b.Containers.Select(c => c.LocalName + (string.IsNullOrEmpty(c.ClassName) ? "" : "." + c.ClassName.Replace(' ', '.')) + (string.IsNullOrEmpty(c.Id) ? "" : "#" + c.Id))),
                        kept = kept.Contains(b.Order),
                        gold = total == 0 ? 0 : (double)hit / total,
                    }));
                }
                var d = extractor.Extract(DatasetFiles.Source(gold.Url ?? path, html));
                output.WriteLine(JsonSerializer.Serialize(new { page = id, split, title = d.Metadata.Title, goldTitle = gold.Title, authors = d.Metadata.Authors, goldAuthors = gold.Authors, url = gold.Url }));
            }
        }
        return 0;
    }
}
