using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Feed.Delivery;

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
        services.AddFeedDelivery(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapFeedApp(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
