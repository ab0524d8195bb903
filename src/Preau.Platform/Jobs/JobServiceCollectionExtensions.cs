using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Preau.Platform.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>The shared job queue and this node's workers; called by AddPreauPlatform.</summary>
    public static IServiceCollection AddPreauJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobOptions>().Bind(configuration.GetSection("Jobs"));
        services.TryAddSingleton<JobSignal>();
        services.TryAddScoped<JobQueue>();
        services.TryAddSingleton<JobWorkers>();
        services.AddHostedService(sp => sp.GetRequiredService<JobWorkers>());
        return services;
    }

    /// <summary>
    /// Registers the handler that runs the jobs of <paramref name="kind"/> (a scoped service: it may
    /// take the DbContext). A node claims only the kinds it has a handler for.
    /// </summary>
    public static IServiceCollection AddJobHandler<T>(this IServiceCollection services, string kind)
        where T : class, IJobHandler
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        services.TryAddScoped<T>();
        services.AddSingleton(new JobHandlerRegistration(kind, typeof(T)));
        return services;
    }

    /// <summary>
    /// Runs the jobs of <paramref name="kind"/> on a schedule: each node enqueues the next occurrence
    /// under one key per occurrence, so it is stored, and run, once. The handler (registered with
    /// <see cref="AddJobHandler{T}"/>) reads its period with <see cref="JobContext.Occurrence"/>.
    /// </summary>
    public static IServiceCollection AddRecurringJob(this IServiceCollection services, string kind, JobSchedule schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(schedule);
        services.AddSingleton(new RecurringJob(kind, schedule));
        return services;
    }
}
