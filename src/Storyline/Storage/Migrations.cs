namespace Storyline.Storage;

/// <summary>
/// The schema, one step per version. A step is never edited once it has shipped: a change is a new step,
/// so every existing database can be brought forward.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly string[] Steps =
    [
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source_uri TEXT,
            title TEXT,
            outlet TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            published_note TEXT,
            language TEXT,
            text TEXT NOT NULL,
            body TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE lines (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, length INTEGER NOT NULL, label TEXT NOT NULL
        );
        CREATE INDEX lines_document ON lines(document_id);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL
        );
        CREATE TABLE entity_aliases (
            entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            PRIMARY KEY (entity_id, alias)
        );
        CREATE TABLE mentions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, length INTEGER NOT NULL, type TEXT NOT NULL, entity_id TEXT
        );
        CREATE INDEX mentions_document ON mentions(document_id);
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, length INTEGER NOT NULL,
            kind TEXT NOT NULL,
            speaker TEXT,
            speaker_start INTEGER, speaker_length INTEGER,
            cue TEXT, cue_start INTEGER, cue_length INTEGER,
            addressee TEXT,
            said_on TEXT,
            said_on_is_publication INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL
        );
        CREATE INDEX statements_document ON statements(document_id);
        CREATE INDEX statements_speaker ON statements(speaker);
        CREATE TABLE time_expressions (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, length INTEGER NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL
        );
        CREATE INDEX time_document ON time_expressions(document_id);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, length INTEGER NOT NULL,
            type TEXT NOT NULL, participants TEXT NOT NULL, date TEXT, place TEXT,
            negated INTEGER NOT NULL DEFAULT 0, hypothetical INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_document ON events(document_id);
        CREATE TABLE claims (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL, length INTEGER NOT NULL,
            quantity TEXT NOT NULL, unit TEXT, subject TEXT, claimant TEXT
        );
        CREATE INDEX claims_document ON claims(document_id);
        CREATE TABLE disputes (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            claim_start INTEGER NOT NULL, claim_length INTEGER NOT NULL,
            disputed_start INTEGER NOT NULL, disputed_length INTEGER NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(document_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE statements_fts USING fts5(text, content = 'statements', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
        """,
        // 2: the cross-document view (Stories/). Rebuilt or extended by `storyline stories`; members point at
        // stored statements and events, so deleting a document removes its memberships.
        StoriesSchema(rowId: "INTEGER PRIMARY KEY", reference: "INTEGER"),
        // 3: near-duplicates (Ingest/): MinHash signatures, LSH bands, and every publication of a stored text.
        """
        ALTER TABLE documents ADD COLUMN minhash BLOB;
        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL, key INTEGER NOT NULL,
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, document_id)
        );
        CREATE TABLE publications (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            source_uri TEXT NOT NULL,
            variant_id TEXT NOT NULL,
            outlet TEXT,
            title TEXT,
            published TEXT,
            PRIMARY KEY (document_id, source_uri)
        );
        CREATE INDEX publications_variant ON publications(variant_id);
        INSERT INTO publications (document_id, source_uri, variant_id, outlet, title, published)
            SELECT id, coalesce(source_uri, id), id, outlet, title, published FROM documents;
        """,
        // 4: nothing here. PostgreSQL's step 4 gives the annotation tables the insertion order that SQLite's rowid
        // already keeps; the step exists so that version 4 means the same schema in both stores.
        "SELECT 1;",
        // 5: each statement's confidence (Statements/StatementConfidence); null for statements stored before.
        "ALTER TABLE statements ADD COLUMN confidence REAL;",
    ];

    /// <summary>
    /// Step 2 in both stores: the cross-document view. One text for both dialects, so the two schemas cannot drift;
    /// only the row-id and reference column types differ.
    /// </summary>
    internal static string StoriesSchema(string rowId, string reference) => $"""
        CREATE TABLE statement_clusters (
            id TEXT PRIMARY KEY,
            speaker TEXT,
            date_from TEXT, date_to TEXT,
            label TEXT NOT NULL,
            documents INTEGER NOT NULL
        );
        CREATE TABLE statement_cluster_members (
            cluster_id TEXT NOT NULL REFERENCES statement_clusters(id) ON DELETE CASCADE,
            statement_id {reference} NOT NULL UNIQUE REFERENCES statements(id) ON DELETE CASCADE
        );
        CREATE INDEX statement_cluster_members_cluster ON statement_cluster_members(cluster_id);
        CREATE TABLE event_clusters (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            date_from TEXT, date_to TEXT,
            label TEXT NOT NULL,
            documents INTEGER NOT NULL
        );
        CREATE TABLE event_cluster_members (
            cluster_id TEXT NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
            event_id {reference} NOT NULL UNIQUE REFERENCES events(id) ON DELETE CASCADE
        );
        CREATE INDEX event_cluster_members_cluster ON event_cluster_members(cluster_id);
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            date_from TEXT, date_to TEXT
        );
        CREATE TABLE story_clusters (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('statement', 'event')),
            cluster_id TEXT NOT NULL,
            PRIMARY KEY (story_id, kind, cluster_id)
        );
        CREATE INDEX story_clusters_cluster ON story_clusters(cluster_id);
        CREATE TABLE cross_disputes (
            id {rowId},
            claim_document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            claim_start INTEGER NOT NULL, claim_length INTEGER NOT NULL, claim_text TEXT NOT NULL,
            disputed_document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            disputed_start INTEGER NOT NULL, disputed_length INTEGER NOT NULL, disputed_text TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX cross_disputes_claim ON cross_disputes(claim_document_id);
        CREATE INDEX cross_disputes_disputed ON cross_disputes(disputed_document_id);
        """;
}
