using Microsoft.Extensions.Options;
using Preau.Platform.Hosting;
using Preau.Platform.Persistence;
using Preau.Web.Demo;

namespace Preau.Web;

internal static class Startup
{
    /// <summary>Migrates the database (unless an operator does it) and seeds the demo city when asked.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAsync(app.Services);
        }

        if (app.Services.GetRequiredService<IOptions<PreauOptions>>().Value.SeedDemo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedAsync();
            DemoCity.PrintLogins(app.Logger, seeded);
        }
    }
}
