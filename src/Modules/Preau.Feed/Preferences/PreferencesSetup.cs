using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Feed.Preferences;

/// <summary>Notification preferences: "Mes notifications" (/fil/preferences) and /api/v1/feed/preferences.</summary>
internal static class PreferencesSetup
{
    public static IServiceCollection AddFeedPreferences(this IServiceCollection services)
    {
        services.AddScoped<ViewPreferences>();
        services.AddScoped<SavePreferences>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeedPreferences(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPreferencesApi();
        return endpoints;
    }
}
