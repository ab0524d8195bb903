using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Jobs;

/// <summary>Deletes the people whose grace period after detachment is over, every hour (on the platform's clock).</summary>
internal sealed partial class PurgeWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ProvisioningOptions> options, ILogger<PurgeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<PurgeDetached>().HandleAsync(stoppingToken);
                if (result.Deleted + result.Forgotten > 0)
                {
                    LogPurged(logger, result.Deleted, result.Forgotten);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 3020, Level = LogLevel.Information, Message = "Grace period over: {Deleted} accounts deleted, {Forgotten} detachments forgotten")]
    private static partial void LogPurged(ILogger logger, int deleted, int forgotten);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Error, Message = "The purge of detached people failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
