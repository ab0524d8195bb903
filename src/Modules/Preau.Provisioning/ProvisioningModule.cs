using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Provisioning.Api;
using Preau.Provisioning.Features;
using Preau.Provisioning.Jobs;

namespace Preau.Provisioning;

/// <summary>Provisioning: CSV imports with preview, detachment with a grace period, school-year rollover.</summary>
public static class ProvisioningModule
{
    public static IServiceCollection AddProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProvisioningOptions>().Bind(configuration.GetSection("Provisioning"));
        services.AddScoped<UploadImport>();
        services.AddScoped<ImportSession>();
        services.AddScoped<SaveMapping>();
        services.AddScoped<PreviewImport>();
        services.AddScoped<StartImport>();
        services.AddScoped<RunImport>();
        services.AddScoped<ImportStatus>();
        services.AddScoped<ListImports>();
        services.AddScoped<RejectedReport>();
        services.AddScoped<ListDetached>();
        services.AddScoped<RestorePerson>();
        services.AddScoped<PurgeDetached>();
        services.AddScoped<Rollover>();
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProgress>();
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<PurgeWorker>();
        return services;
    }

    public static IEndpointRouteBuilder MapProvisioning(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapProvisioningApi();
        return endpoints;
    }
}
