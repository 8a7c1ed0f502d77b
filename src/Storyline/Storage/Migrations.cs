namespace Storyline.Storage;

/// <summary>
/// The SQLite schema, one step per version. A step is never edited once it has shipped: a change is a new step,
/// so every existing database can be brought forward. The tables both stores share are written once, in
/// <see cref="Schema"/>; what is here is SQLite's own (FTS5 tables).
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        Schema.Core(SqlDialect.Sqlite) + """
        CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE statements_fts USING fts5(text, content = 'statements', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        """,
        Schema.Stories(SqlDialect.Sqlite),
        Schema.NearDuplicates(SqlDialect.Sqlite),
        // 4: nothing here. PostgreSQL's step 4 gives the annotation tables the insertion order that SQLite's rowid
        // already keeps; the step exists so that version 4 means the same schema in both stores.
        "SELECT 1;",
        // 5: each statement's confidence (Statements/StatementConfidence); null for statements stored before.
        "ALTER TABLE statements ADD COLUMN confidence REAL;",
    ];
}
