using Npgsql;
using Preau.Platform.Persistence;

namespace Preau.Testing;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A database of its own for one application under test: a fresh SQLite file, or a fresh
/// database on the throwaway PostgreSQL server that the test command starts.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PREAU_TEST_POSTGRES";

    public abstract DatabaseProvider Provider { get; }

    public abstract string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, string folder) => kind switch
    {
        DatabaseKind.Sqlite => new SqliteTestDatabase(folder),
        DatabaseKind.Postgres => await PostgresTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteTestDatabase(string folder) : TestDatabase
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string ConnectionString { get; } = $"Data Source={Path.Combine(folder, "preau-test.db")};Pooling=True";

        public override ValueTask DisposeAsync()
        {
            // Pooled connections keep the file open until the pool lets go of them.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresTestDatabase(string server, string name) : TestDatabase
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        public override string ConnectionString { get; } =
            new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true, MaxPoolSize = 20 }.ToString();

        public static async Task<TestDatabase> CreateAsync()
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL tests need {PostgresVariable} (an Npgsql connection string to a server where databases may be created). " +
                    "The README's test command, ./test.sh, starts a throwaway server and sets it.");
            }

            var name = "preau_test_" + Guid.NewGuid().ToString("N")[..16];
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
            return new PostgresTestDatabase(server, name);
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {new NpgsqlConnectionStringBuilder(ConnectionString).Database} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
