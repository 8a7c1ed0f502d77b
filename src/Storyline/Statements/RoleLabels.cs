namespace Storyline.Statements;

/// <summary>The part a token plays in an attribution, as PolNeAR annotates it: who (source), how (cue), what (content).</summary>
internal enum Role : byte { None, Source, Cue, Content }

/// <summary>
/// The attribution tagger's BIO tag set over <see cref="Role"/>: O, then Begin / Inside for source, cue and content
/// (CofeNet's conversion of PolNeAR). BIO rather than BILOU: contents run to dozens of tokens, and their ends are
/// told by punctuation and the next cue, which the features see anyway.
/// </summary>
internal static class RoleLabels
{
    public const int Count = 7;

    public const byte Outside = 0;

    public static byte Begin(Role role) => role == Role.None ? Outside : (byte)(2 * (int)role - 1);

    public static byte Inside(Role role) => role == Role.None ? Outside : (byte)(2 * (int)role);

    public static Role RoleOf(byte label) => label == Outside ? Role.None : (Role)((label + 1) / 2);

    public static bool IsInside(byte label) => label != Outside && label % 2 == 0;

    /// <summary>Whether <paramref name="label"/> may follow <paramref name="previous"/> (an Inside continues its own role).</summary>
    public static bool Allowed(byte previous, byte label) => !IsInside(label) || (previous != Outside && RoleOf(previous) == RoleOf(label));

    /// <summary>The labelled runs, as half-open token ranges.</summary>
    public static List<(int First, int End, Role Role)> Spans(ReadOnlySpan<byte> labels)
    {
        var spans = new List<(int, int, Role)>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] == Outside)
                continue;
            int end = i + 1;
            while (end < labels.Length && IsInside(labels[end]) && RoleOf(labels[end]) == RoleOf(labels[i]))
                end++;
            spans.Add((i, end, RoleOf(labels[i])));
            i = end - 1;
        }
        return spans;
    }

    /// <summary>
    /// BIO labels for a paragraph's tokens from role spans given as character ranges, each with the attribution it
    /// belongs to: a token takes the role of the span its start lies in, sources and cues before contents (a quote
    /// interrupted by its attribution is one content around them), and a new run begins where the role or the
    /// attribution changes.
    /// </summary>
    public static byte[] Encode(IReadOnlyList<Tok> tokens, IEnumerable<(Documents.Span Span, Role Role, int Attribution)> spans)
    {
        var role = new Role[tokens.Count];
        var owner = new int[tokens.Count];
        Array.Fill(owner, -1);
        foreach (var (span, r, attribution) in spans.OrderBy(s => s.Role == Role.Content ? 1 : 0).ThenBy(s => s.Span.Length))
        {
            for (int t = 0; t < tokens.Count; t++)
            {
                if (role[t] == Role.None && tokens[t].Start >= span.Start && tokens[t].Start < span.End)
                    (role[t], owner[t]) = (r, attribution);
            }
        }
        var labels = new byte[tokens.Count];
        for (int t = 0; t < tokens.Count; t++)
        {
            bool continues = t > 0 && role[t - 1] == role[t] && owner[t - 1] == owner[t];
            labels[t] = continues ? Inside(role[t]) : Begin(role[t]);
        }
        return labels;
    }
}
