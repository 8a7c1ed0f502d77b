namespace Storyline.Statements;

/// <summary>How a statement was found, as far as its confidence goes.</summary>
internal enum StatementFrame : byte
{
    /// <summary>"said", "told", "wrote": a cue that reports speech.</summary>
    Say,

    /// <summary>"warned", "claimed", "announced": a cue that also reports acts and stances.</summary>
    Assert,

    /// <summary>"thinks that", "a poll shows": a verb of belief or finding with its reported clause.</summary>
    Belief,

    /// <summary>"according to X".</summary>
    According,

    /// <summary>A quote with no cue of its own that continues the speaker just quoted.</summary>
    Continuation,

    /// <summary>A turn of an interview transcript.</summary>
    Transcript,
}

/// <summary>
/// The confidence of a statement: the share of statements found the same way (frame × speaker phrase kind) that
/// are true attributions with the right source on the PolNeAR train split (a predicted content at least half covered
/// by a gold content whose source overlaps the predicted one), smoothed as (correct + 2) / (found + 4). Measured
/// with <c>Storyline.Train polnear-dump --split data/train</c> and the statement rules of 2026-12-01; groups with
/// fewer than 20 statements fall back to the frame's figure. Transcripts are not measured there (PolNeAR has no
/// cue-less interview turns), so they carry a prior.
/// </summary>
internal static class StatementConfidence
{
    public static double Of(StatementFrame frame, SpeakerKind? speaker) => (frame, speaker) switch
    {
        (StatementFrame.Say, SpeakerKind.Pronoun) => 0.87,
        (StatementFrame.Say, SpeakerKind.Description or SpeakerKind.Anonymous) => 0.72,
        (StatementFrame.Say, _) => 0.83,
        (StatementFrame.Assert, SpeakerKind.Pronoun) => 0.77,
        (StatementFrame.Assert, SpeakerKind.Description or SpeakerKind.Anonymous) => 0.41,
        (StatementFrame.Assert, _) => 0.60,
        (StatementFrame.Belief, SpeakerKind.Pronoun) => 0.39,
        (StatementFrame.Belief, SpeakerKind.Description or SpeakerKind.Anonymous) => 0.59,
        (StatementFrame.Belief, _) => 0.64,
        (StatementFrame.According, SpeakerKind.Description or SpeakerKind.Anonymous) => 0.79,
        (StatementFrame.According, _) => 0.87,
        (StatementFrame.Continuation, SpeakerKind.Pronoun) => 0.87,
        (StatementFrame.Continuation, SpeakerKind.Description or SpeakerKind.Anonymous) => 0.74,
        (StatementFrame.Continuation, _) => 0.81,
        _ => 0.8,
    };

    /// <summary>The frame of a statement found from a cue (the cue's words, lower-cased).</summary>
    public static StatementFrame FrameOf(StatementLexicon lexicon, string cue)
    {
        var lower = cue.ToLowerInvariant();
        if (lower.StartsWith("according", StringComparison.Ordinal))
            return StatementFrame.According;
        int space = lower.IndexOf(' ', StringComparison.Ordinal);
        if (!lexicon.TryGetCue(lower, out var verb) && (space < 0 || !lexicon.TryGetCue(lower[..space], out verb)))
            return StatementFrame.Assert;
        return verb.RequiresClause ? StatementFrame.Belief : verb.Class == CueClass.Say ? StatementFrame.Say : StatementFrame.Assert;
    }
}
