using Storyline.Documents;
using Storyline.Entities;
using Storyline.Events;

namespace Storyline.Tests.Entities;

/// <summary>Runs the entity stage (and optionally the event stage) on a hand-written text.</summary>
internal static class Annotate
{
    public static Document Entities(string text)
    {
        var d = new Document(text);
        new EntityStage().Apply(d);
        return d;
    }

    public static Document Events(string text)
    {
        var d = Entities(text);
        new EventStage().Apply(d);
        return d;
    }

    /// <summary>The entity the first mention overlapping <paramref name="form"/> is linked to.</summary>
    public static Entity? EntityAt(this Document d, string form, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
            at = d.Text.IndexOf(form, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{form}' is not in the text");
        var span = new Span(at, form.Length);
        var mention = d.Mentions.FirstOrDefault(m => m.Span.Overlaps(span) && m.EntityId is not null);
        return mention is null ? null : d.Entities.Single(e => e.Id == mention.EntityId);
    }
}
