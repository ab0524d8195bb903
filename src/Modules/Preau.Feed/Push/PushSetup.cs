using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;

namespace Preau.Feed.Push;

/// <summary>Web Push to installed apps: VAPID keys, devices, the listener that queues each publication, the background sender.</summary>
internal static class PushSetup
{
    public static IServiceCollection AddPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection("Push"));
        services.AddSingleton<VapidKeys>();
        services.AddSingleton<PushQueue>();
        services.AddSingleton<IFeedListener, PushOnPublish>();
        services.AddHostedService<PushDelivery>();
        services.AddScoped<PushRecipients>();
        services.AddScoped<SubscribeDevice>();
        services.AddScoped<MyDevices>();
        services.AddTransient<VapidAudience>();
        services.AddHttpClient(PushDelivery.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<PushOptions>>().Value.Timeout)
            .AddHttpMessageHandler<VapidAudience>();
        return services;
    }

    public static IEndpointRouteBuilder MapPush(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPushApi();
        return endpoints;
    }
}
