using System.Security.Cryptography;
using System.Text;
using Storyline.Documents;

namespace Storyline.Tests.Documents;

/// <summary>A document's id is the hash of its UTF-8 bytes, however long the text and wherever its surrogates fall.</summary>
public class ContentHashTests
{
    private static string Expected(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static TheoryData<string> Texts()
    {
        var pair = "\U0001F4F0"; // a newspaper emoji: two UTF-16 code units
        return new TheoryData<string>
        {
            "",
            "Ferry terminal approved",
            // A pair split across the 4,096-character chunks the hash encodes, and lone surrogates (replaced, as GetBytes does).
            new string('a', 4095) + pair + "after",
            new string('é', 4095) + "\uD83D" + new string('b', 5000),
            "\uDC00" + new string('c', 8191) + "\uD83D",
            string.Concat(Enumerable.Repeat("Le conseil a voté 🚢 mardi. ", 2000)),
        };
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_hash_is_SHA256_of_the_UTF8_bytes(string text) => Assert.Equal(Expected(text), ContentHash.Of(text));
}
