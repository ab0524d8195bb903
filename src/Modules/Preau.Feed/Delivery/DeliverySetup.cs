using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;

namespace Preau.Feed.Delivery;

/// <summary>The feed's email delivery: immediate emails after each publication, and the daily and weekly digests.</summary>
internal static class DeliverySetup
{
    public static IServiceCollection AddFeedDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Feed:Digest");
        services.AddOptions<DigestOptions>().Bind(section);
        var settings = section.Get<DigestOptions>() ?? new DigestOptions();

        services.AddSingleton<SiteLinks>();
        services.AddScoped<MailAudience>();
        services.AddScoped<FeedMails>();
        services.AddScoped<FeedMailing>();
        services.AddScoped<IFeedListener, ImmediateMailListener>();
        services.AddJobHandler<ImmediateMailJob>(ImmediateMailJob.Kind);
        services.AddJobHandler<DailyDigestJob>(DailyDigestJob.Kind);
        services.AddJobHandler<WeeklyDigestJob>(WeeklyDigestJob.Kind);
        services.AddRecurringJob(DailyDigestJob.Kind, JobSchedule.Parse(settings.Daily));
        services.AddRecurringJob(WeeklyDigestJob.Kind, JobSchedule.Parse(settings.Weekly));
        return services;
    }
}
