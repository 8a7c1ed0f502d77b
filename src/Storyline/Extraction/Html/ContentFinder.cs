using AngleSharp.Dom;

namespace Storyline.Extraction.Html;

/// <summary>
/// Finds the article among a page's text blocks. Each paragraph-shaped block scores its enclosing elements
/// (readability's measure: one point, one per comma, one per 100 characters up to three); an element's score is
/// weighted by its class/id hints and by how little of its text is links. The best element, and those of its
/// siblings that score close to it, hold the article; inside them, link lists, furniture phrases and datelines
/// are dropped.
/// </summary>
internal static class ContentFinder
{
    /// <summary>Blocks shorter than this do not vote for a container: captions, buttons, bylines.</summary>
    private const int MinScoringCharacters = 25;

    /// <summary>A sibling of the best container joins it when it scores at least this share of the best score.</summary>
    private const double SiblingShare = 0.2;

    /// <summary>Blocks with more of their text in links than this are link lists.</summary>
    private const double MaxLinkDensity = 0.5;

    /// <summary>What a class/id hint adds to (or takes from) an element's score.</summary>
    private const double HintWeight = 25;

    /// <summary>The article's blocks: the heuristics' choice, then the block classifier's verdict on every block when a model ships.</summary>
    public static List<TextBlock> Find(BlockReader page, PhraseLexicon lexicon)
    {
        var heuristic = FindByHeuristics(page, lexicon);
        return BlockClassifier.Default is { } classifier ? classifier.Select(page.Blocks, heuristic) : heuristic;
    }

    /// <summary>The heuristics alone: the best-scoring container, widened and with its siblings, minus furniture lines.</summary>
    public static List<TextBlock> FindByHeuristics(BlockReader page, PhraseLexicon lexicon)
    {
        var blocks = page.Blocks;
        var scores = new Dictionary<IElement, double>();
        var textChars = new Dictionary<IElement, (int Text, int Links)>();
        foreach (var b in blocks)
        {
            foreach (var c in b.Containers)
            {
                var (t, l) = textChars.GetValueOrDefault(c);
                textChars[c] = (t + b.Text.Length, l + b.LinkCharacters);
            }
            if (b.Text.Length < MinScoringCharacters || b.LinkDensity > MaxLinkDensity || b.IsHeading)
                continue;
            double points = 1 + b.Commas + Math.Min(b.Text.Length / 100.0, 3);
            for (int level = 0; level < b.Containers.Count; level++)
            {
                var c = b.Containers[level];
                if (!scores.ContainsKey(c))
                    scores[c] = InitialScore(c, page);
                scores[c] += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        if (scores.Count == 0)
            return [];
        var final = scores.ToDictionary(kv => kv.Key, kv =>
        {
            var (t, l) = textChars.GetValueOrDefault(kv.Key);
            return kv.Value * (1 - (t == 0 ? 0 : (double)l / t));
        });
        var top = final.MaxBy(kv => kv.Value);
        var best = Widen(FirstOfRepeated(top.Key, top.Value, final, page), page);
        var chosen = new List<IElement> { best };
        if (best.ParentElement is { } parent && page.WasRead(parent))
        {
            double threshold = Math.Max(10, top.Value * SiblingShare);
            foreach (var sibling in parent.Children)
            {
                if (sibling != best && final.TryGetValue(sibling, out var s) && s >= threshold)
                    chosen.Add(sibling);
            }
        }
        var extents = new List<(int Enter, int Exit)>();
        foreach (var e in chosen)
        {
            if (page.TryGetExtent(e, out var x))
                extents.Add(x);
        }
        var kept = new List<TextBlock>();
        foreach (var b in blocks)
        {
            foreach (var (enter, exit) in extents)
            {
                if (b.Order >= enter && b.Order < exit)
                {
                    if (Keep(b, lexicon))
                        kept.Add(b);
                    break;
                }
            }
        }
        return kept;
    }

    /// <summary>An earlier container shaped like the best one, scoring at least this share of it, is a candidate for the page's own article.</summary>
    private const double RepeatShare = 0.3;

    /// <summary>
    /// Pages that load the next stories below the first (infinite scroll) repeat the article's markup, headline and
    /// all; the longest of them may win on score, but the page's own article is the first. An earlier element with the
    /// same tag and class as the best, not nested in it, with an &lt;h1&gt; between the two, is taken instead.
    /// </summary>
    private static IElement FirstOfRepeated(IElement best, double bestScore, Dictionary<IElement, double> final, BlockReader page)
    {
        if (!page.TryGetExtent(best, out var bestExtent))
            return best;
        IElement? first = null;
        int firstEnter = bestExtent.Enter;
        foreach (var (e, score) in final)
        {
            if (score < bestScore * RepeatShare || e.LocalName != best.LocalName || e.ClassName != best.ClassName || !page.TryGetExtent(e, out var x))
                continue;
            if (x.Exit <= firstEnter && HeadlineBetween(page.Blocks, x.Exit, bestExtent.Enter))
            {
                first = e;
                firstEnter = x.Enter;
            }
        }
        return first ?? best;
    }

    private static bool HeadlineBetween(List<TextBlock> blocks, int from, int to)
    {
        for (int i = from; i < to && i < blocks.Count; i++)
        {
            if (blocks[i].Tag == "h1")
                return true;
        }
        return false;
    }

    /// <summary>A parent that adds at least this share of paragraph text to the chosen element is the article instead (split bodies).</summary>
    private const double WidenGain = 0.3;

    /// <summary>…provided at least this share of what the parent adds is paragraph text, not link lists and furniture.</summary>
    private const double WidenPurity = 0.6;

    /// <summary>A block this long, with few links, is a paragraph of running text.</summary>
    private const int ParagraphCharacters = 80;

    /// <summary>
    /// Articles split into several boxes (between ads, behind a paywall wrapper) score in pieces; go up while the
    /// parent adds substantial paragraph text that is mostly paragraphs.
    /// </summary>
    private static IElement Widen(IElement best, BlockReader page)
    {
        var blocks = page.Blocks;
        var good = new long[blocks.Count + 1];
        var all = new long[blocks.Count + 1];
        for (int i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            bool paragraph = b.Text.Length >= ParagraphCharacters && b.LinkDensity < 0.3 && !b.IsHeading;
            good[i + 1] = good[i] + (paragraph ? b.Text.Length : 0);
            all[i + 1] = all[i] + b.Text.Length;
        }
        // Block order equals list index, so an element's blocks are the index range of its extent.
        long Sum(long[] prefix, IElement e) => page.TryGetExtent(e, out var x) ? prefix[Math.Min(x.Exit, blocks.Count)] - prefix[Math.Min(x.Enter, blocks.Count)] : 0;
        var current = best;
        while (current.ParentElement is { } parent && page.WasRead(parent))
        {
            long gainedGood = Sum(good, parent) - Sum(good, current);
            long gainedAll = Sum(all, parent) - Sum(all, current);
            if (gainedAll == 0)
            {
                current = parent;
                continue;
            }
            if (gainedGood < WidenGain * Sum(good, current) || gainedGood < WidenPurity * gainedAll)
                break;
            current = parent;
        }
        return current;
    }

    private static double InitialScore(IElement e, BlockReader page)
    {
        double score = e.LocalName switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "ul" or "ol" or "dl" or "form" => -3,
            "th" or "address" => -5,
            _ => 0,
        };
        var hints = page.HintsOf(e);
        if ((hints & Hint.Content) != 0)
            score += HintWeight;
        if ((hints & Hint.Furniture) != 0)
            score -= HintWeight;
        if (e.GetAttribute("itemprop") is "articleBody" or "text")
            score += HintWeight;
        return score;
    }

    /// <summary>Inside the article: drop link lists, headings of one word, furniture phrases and date lines.</summary>
    private static bool Keep(TextBlock b, PhraseLexicon lexicon)
    {
        if (b.Tag == "h1")
            return false;
        if (b.LinkDensity > MaxLinkDensity && (b.Text.Length < 300 || b.Tag == "li"))
            return false;
        var shape = LineShape.Of(b.Text, lexicon);
        if (LineLabeller.IsDateline(shape))
            return false;
        if (shape.Has(PhraseKind.Ui) || shape.Has(PhraseKind.Gallery))
            return false;
        // The cheap tests before the phrase lookups: each test is pure, so the order changes the time, not the answer.
        if (shape.Words <= MaxFurnitureWords && shape.Has(PhraseKind.Related))
            return false;
        if ((shape.Length < 2 * LineShape.ParagraphCharacters || shape.SpeaksAsWe) && shape.Has(PhraseKind.Pitch))
            return false;
        if (shape.Length <= 80 && !shape.EndsSentence && shape.Has(PhraseKind.Credit))
            return false;
        return true;
    }

    /// <summary>A "Read more: …" line longer than this is a paragraph that happens to start so.</summary>
    private const int MaxFurnitureWords = 30;
}
