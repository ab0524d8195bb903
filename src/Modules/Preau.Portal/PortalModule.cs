using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Modules;
using Preau.Portal.Api;
using Preau.Portal.Features;
using Preau.Portal.Resources;

namespace Preau.Portal;

/// <summary>The home page, the launcher, help, and <c>GET /api/v1/me</c>.</summary>
public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddScoped<DescribeMe>();
        services.AddAppEntry(new AppEntry(
            "help", typeof(PortalStrings), "Help.App.Name", "Help.App.Description", "/help", "help", "yellow",
            _ => true, Order: 1000));
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMeApi();
        return endpoints;
    }
}
