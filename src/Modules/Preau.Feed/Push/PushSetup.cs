using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;

namespace Preau.Feed.Push;

/// <summary>Web Push to installed apps: VAPID keys, devices, the listener that enqueues a job per publication, the job that sends.</summary>
internal static class PushSetup
{
    public static IServiceCollection AddPush(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PushOptions>().Bind(configuration.GetSection("Push"));
        services.AddSingleton<VapidKeys>();
        services.AddScoped<IFeedListener, PushOnPublish>();
        services.AddJobHandler<PushDelivery>(PushDelivery.Kind);
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
