namespace Storyline.Storage;

/// <summary>Opens the store that <c>--db</c> names: a PostgreSQL URL or connection string, or else a SQLite file path.</summary>
public static class StoreFactory
{
    public static bool IsPostgres(string db) => PostgresConnection.IsPostgres(db);

    public static ICorpusStore Open(string db) => IsPostgres(db) ? new PostgresStore(db) : new SqliteStore(db);
}
