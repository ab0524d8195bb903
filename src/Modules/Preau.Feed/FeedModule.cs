using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Feed.Api;
using Preau.Feed.Delivery;
using Preau.Feed.Features.FeedReading;
using Preau.Feed.Preferences;
using Preau.Feed.Push;

namespace Preau.Feed;

/// <summary>
/// The fil d'actualité ("Quoi de neuf ?"): the feed of what modules published for each person,
/// their preferences per type, real-time delivery to open pages, email digests, Web Push to an
/// installed app, the moderators' queue of reported items, and flash messages.
/// </summary>
public static class FeedModule
{
    public static IServiceCollection AddFeedApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddFeedReading();
        Live.LiveSetup.AddFeedLive(services, configuration);
        services.AddFeedPreferences();
        services.AddPush(configuration);
        services.AddFeedDelivery(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapFeedApp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFeedApi();
        Live.LiveSetup.MapFeedLive(endpoints);
        endpoints.MapFeedPreferences();
        endpoints.MapPush();
        return endpoints;
    }
}
