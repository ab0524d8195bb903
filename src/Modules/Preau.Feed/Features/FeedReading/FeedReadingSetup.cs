using Microsoft.Extensions.DependencyInjection;

namespace Preau.Feed.Features.FeedReading;

/// <summary>The feed pages' and the feed API's use cases.</summary>
internal static class FeedReadingSetup
{
    public static IServiceCollection AddFeedReading(this IServiceCollection services)
    {
        services.AddScoped<ReadFeed>();
        services.AddScoped<FeedItemActions>();
        services.AddSingleton<FeedDates>();
        return services;
    }
}
