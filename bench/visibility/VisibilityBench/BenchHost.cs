using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Preau.Modules;
using Preau.Platform.Hosting;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Bench.Visibility;

/// <summary>The platform's services on a database, as the application composes them, without the web host.</summary>
public static class BenchHost
{
    public static async Task<IHost> StartAsync(string provider, string connectionString, string dataPath, bool logSql = false, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null, CancellationToken ct = default, params System.Reflection.Assembly[] modules)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Preau:DataPath"] = dataPath,
            ["Database:LogCommands"] = logSql ? "true" : "false",
        });
        builder.Logging.ClearProviders();
        if (logSql)
        {
            // Every SQL command with its time, to EXPLAIN what a measure runs.
            builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.ffffff ").AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information).SetMinimumLevel(LogLevel.Warning);
        }

        // The model of the whole application, as Preau.Web composes it (the migrations check it is complete).
        // Another bench adds the module it measures (its tables join the model).
        builder.Services.AddPreauPlatform(builder.Configuration, [.. PreauModules.All.Union(modules)]);
        builder.Services.AddShareableType<BenchWorksheets>(BenchWorksheets.Type, typeof(BenchHost), "Worksheet");
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, ct);
        return host;
    }

    /// <summary>
    /// A database of its own for one run: a fresh SQLite file in <paramref name="data"/>, or a fresh
    /// PostgreSQL database named after <paramref name="prefix"/> on the given server. Returns its connection string.
    /// </summary>
    public static async Task<string> FreshDatabaseAsync(string provider, string? connection, string data, string prefix)
    {
        System.IO.Directory.CreateDirectory(data);
        if (provider == "Postgres")
        {
            ArgumentNullException.ThrowIfNull(connection);
            var name = prefix + "_" + TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            await using (var admin = new Npgsql.NpgsqlConnection(connection))
            {
                await admin.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            return new Npgsql.NpgsqlConnectionStringBuilder(connection) { Database = name }.ConnectionString;
        }

        foreach (var file in System.IO.Directory.GetFiles(data, "bench.db*"))
        {
            File.Delete(file);
        }

        return $"Data Source={Path.Combine(data, "bench.db")}";
    }
}
