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
    ];
}
