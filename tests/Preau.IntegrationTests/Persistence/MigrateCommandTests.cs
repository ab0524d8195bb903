using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Preau.Web.Demo;

namespace Preau.IntegrationTests.Persistence;

/// <summary>
/// The operators' command, <c>Preau.Web migrate</c>: run as a real process, it migrates the
/// configured database and exits, without seeding and without starting a server.
/// </summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_applies_every_migration_then_exits_without_seeding()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = System.IO.Directory.CreateTempSubdirectory("preau-migrate-").FullName;
        try
        {
            var web = Path.Combine(AppContext.BaseDirectory, "Preau.Web.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var arg in new[] { web, "migrate", $"--Preau:DataPath={folder}", "--Preau:SeedDemo=true", "--Preau:LogFormat=text", "--urls", "http://127.0.0.1:0" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                // A migrate that started serving instead of exiting must not outlive the test.
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            Assert.True(process.ExitCode == 0, $"migrate exited with {process.ExitCode}: {await output}{await errors}");
            Assert.DoesNotContain("Now listening", await output, StringComparison.Ordinal);

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "preau.db")};Pooling=False");
            await connection.OpenAsync(ct);
            var migrations = System.Reflection.Assembly.Load(Preau.Platform.Persistence.PersistenceServiceCollectionExtensions.SqliteMigrationsAssembly).GetTypes()
                .Count(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
            Assert.Equal(migrations, await ScalarAsync(connection, "SELECT count(*) FROM __EFMigrationsHistory", ct));
            // Seeding belongs to the run command: the migrated database holds no demo school.
            Assert.Equal(0, await ScalarAsync(connection, $"SELECT count(*) FROM dir_structures WHERE uai = '{DemoCity.JulesFerryUai}'", ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
