using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Preau.Platform.Hosting;
using Preau.Platform.Persistence;

namespace Preau.Bench.Visibility;

/// <summary>The platform's services on a database, as the application composes them, without the web host.</summary>
public static class BenchHost
{
    public static async Task<IHost> StartAsync(string provider, string connectionString, string dataPath, CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Preau:DataPath"] = dataPath,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddPreauPlatform(builder.Configuration);
        var host = builder.Build();
        await DatabaseMigrator.MigrateAsync(host.Services, ct);
        return host;
    }
}
