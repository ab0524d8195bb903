using Microsoft.Extensions.Options;
using Preau.Platform.Demo;
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

        var options = app.Services.GetRequiredService<IOptions<PreauOptions>>().Value;
        if (options.SeedDemo)
        {
            bool seeded;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                seeded = await scope.ServiceProvider.GetRequiredService<DemoCity>().SeedAsync();
            }

            if (seeded && options.DemoContent)
            {
                await SeedContentAsync(app);
            }

            DemoCity.PrintLogins(app.Logger, seeded);
        }
    }

    /// <summary>Each module's demo content, in order, each in a scope of its own as a request would be.</summary>
    private static async Task SeedContentAsync(WebApplication app)
    {
        List<(int Order, Type Type)> contents;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            contents = [.. scope.ServiceProvider.GetServices<IDemoContent>().Select(c => (c.Order, c.GetType())).OrderBy(c => c.Order)];
        }

        foreach (var (_, type) in contents)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var content = scope.ServiceProvider.GetServices<IDemoContent>().Single(c => c.GetType() == type);
            await content.SeedAsync(scope.ServiceProvider.GetRequiredService<DemoPeople>(), CancellationToken.None);
        }
    }
}
