namespace Storyline.Storage;

/// <summary>SQL both stores run word for word, so a query means the same in SQLite and PostgreSQL.</summary>
internal static class CorpusSql
{
    /// <summary>
    /// The ids of the statements an entity made, for the entity expression <paramref name="entity"/> (a parameter
    /// or a column): the speaker name is one of its names, or the speaker span overlaps a mention linked to it.
    /// Two indexed selects joined by UNION, because an OR of the two would scan every statement.
    /// </summary>
    public static string SpokenByIds(string entity) => $"""
        SELECT s2.id FROM statements s2 WHERE s2.speaker IN (SELECT alias FROM entity_aliases WHERE entity_id = {entity})
        UNION
        SELECT s2.id FROM mentions m2 JOIN statements s2 ON s2.document_id = m2.document_id
            AND m2.start < s2.speaker_start + s2.speaker_length AND s2.speaker_start < m2.start + m2.length
        WHERE m2.entity_id = {entity}
        """;
}
