using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Preau.Testing;

namespace Preau.IntegrationTests.Health;

/// <summary>
/// Readiness follows the database: each test class takes its own application's database away
/// after start-up, as an outage would, and the load balancer must see 503 while liveness stays 200.
/// </summary>
public abstract class DatabaseDownTests(PreauApp app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readiness_fails_when_the_database_is_gone_while_liveness_holds()
    {
        var client = app.CreateBrowserlikeClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", _ct)).StatusCode);

        await TakeTheDatabaseAwayAsync();

        var ready = await client.GetAsync("/health/ready", _ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(_ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", _ct)).StatusCode);
    }

    protected abstract Task TakeTheDatabaseAwayAsync();
}

/// <summary>An application of its own, since the test takes its database away; it needs no demo city.</summary>
public class EmptyApp(DatabaseKind kind) : PreauApp(kind)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Preau:SeedDemo"] = "false" };
}

public sealed class SqliteEmptyApp() : EmptyApp(DatabaseKind.Sqlite);

public sealed class PostgresEmptyApp() : EmptyApp(DatabaseKind.Postgres);

public sealed class SqliteDatabaseDownTests(SqliteEmptyApp app) : DatabaseDownTests(app), IClassFixture<SqliteEmptyApp>
{
    private readonly PreauApp _app = app;

    /// <summary>
    /// Deletes the database file and its WAL companions once the pool has let go of them: the
    /// next connection gets a new, empty file, which the check must not take for a database.
    /// </summary>
    protected override Task TakeTheDatabaseAwayAsync()
    {
        var file = new SqliteConnectionStringBuilder(_app.Database.ConnectionString).DataSource;
        using (var connection = new SqliteConnection(_app.Database.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }

        // No check that the file is gone: the job workers poll and may already have opened a new,
        // empty one, which is exactly what readiness must not take for the database.
        return Task.CompletedTask;
    }
}

public sealed class PostgresDatabaseDownTests(PostgresEmptyApp app) : DatabaseDownTests(app), IClassFixture<PostgresEmptyApp>
{
    private readonly PreauApp _app = app;

    /// <summary>Drops the application's database from an administrator's connection, cutting its sessions.</summary>
    protected override async Task TakeTheDatabaseAwayAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(_app.Database.ConnectionString).Database;
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        await admin.OpenAsync(TestContext.Current.CancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
