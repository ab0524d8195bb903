namespace Preau.Platform.Persistence;

public enum DatabaseProvider
{
    Sqlite = 1,
    Postgres = 2,
}

/// <summary>Bound from the "Database" section.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string; for SQLite, empty means a file <c>preau.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the application starts (the embedded default).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Log every SQL command (development only: it costs on hot paths).</summary>
    public bool LogCommands { get; set; }
}
