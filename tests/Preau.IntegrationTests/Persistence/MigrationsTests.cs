using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Persistence;

namespace Preau.IntegrationTests.Persistence;

/// <summary>
/// The guard against model changes that no migration captures, for each provider: the model
/// the application really builds (platform and every module, as Program.cs composes them)
/// against that provider's migrations. Nothing is migrated or seeded and PostgreSQL is never
/// reached, so no database is needed.
/// </summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:", "Microsoft.EntityFrameworkCore.Sqlite", PersistenceServiceCollectionExtensions.SqliteMigrationsAssembly)]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Database=preau_model_only;Username=nobody;Password=nothing", "Npgsql.EntityFrameworkCore.PostgreSQL", PersistenceServiceCollectionExtensions.PostgresMigrationsAssembly)]
    public async Task The_migrations_capture_every_model_change(DatabaseProvider provider, string connectionString, string providerName, string migrationsAssembly)
    {
        await using var app = new ModelOnlyApp(provider, connectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();

        Assert.Equal(providerName, db.Database.ProviderName);
        Assert.Equal(migrationsAssembly, db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes that no migration captures: add a migration to {migrationsAssembly}.");
    }

    /// <summary>The application as Program.cs composes it, started without migrating, seeding or connecting.</summary>
    private sealed class ModelOnlyApp(DatabaseProvider provider, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Preau:LogFormat", "text");
            builder.UseSetting("Preau:SeedDemo", "false");
            builder.UseSetting("Preau:DataPath", Path.GetTempPath());
            builder.UseSetting("Database:MigrateOnStartup", "false");
            builder.UseSetting("Database:Provider", provider.ToString());
            builder.UseSetting("Database:ConnectionString", connectionString);
        }
    }
}
