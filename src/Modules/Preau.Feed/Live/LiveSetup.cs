using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Feed;
using StackExchange.Redis;

namespace Preau.Feed.Live;

/// <summary>
/// Real-time delivery of the feed to open pages: a SignalR hub at <see cref="HubPath"/> for
/// signed-in people, and a feed listener that pings the audience of each publication. On one node
/// the hub keeps its connections in memory; with <c>Redis:Configuration</c> set, nodes share them
/// through Redis (the backplane), so a publication on one node reaches pages open on another.
/// </summary>
public static class LiveSetup
{
    public const string HubPath = "/hubs/fil";

    /// <summary>Prefixed to every channel the backplane uses, so several instances may share one Redis.</summary>
    public const string DefaultChannelPrefix = "preau";

    public static IServiceCollection AddFeedLive(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var signalR = services.AddSignalR(o =>
        {
            // The page only listens: nothing it could send needs more than a handshake.
            o.MaximumReceiveMessageSize = 4 * 1024;
            o.EnableDetailedErrors = false;
        });
        var redis = configuration["Redis:Configuration"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var prefix = configuration["Redis:ChannelPrefix"];
            signalR.AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal((string.IsNullOrWhiteSpace(prefix) ? DefaultChannelPrefix : prefix) + ":live");
                // A node starts, and serves pages, while Redis is still coming up; it connects when it can.
                o.Configuration.AbortOnConnectFail = false;
            });
        }

        services.AddSingleton<LiveConnections>();
        services.AddScoped<IFeedListener, LiveFeedListener>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeedLive(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<FeedHub>(HubPath, o =>
        {
            // The connection stays open past the cookie's first expiry (each fetch slides the cookie):
            // it only ever carries event ids, and what a page then fetches needs a live session.
            o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
        }).RequireAuthorization();
        return endpoints;
    }
}
