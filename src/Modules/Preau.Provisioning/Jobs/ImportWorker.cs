using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Preau.Platform.Persistence;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Jobs;

/// <summary>
/// Runs the confirmed imports one after the other. At start it takes up the imports a previous
/// process left queued, and marks failed those it left running (their transaction was rolled back).
/// </summary>
internal sealed partial class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ResumeAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogResumeFailed(logger, e);
        }

        await foreach (var importId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RunImport>().HandleAsync(importId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRunFailed(logger, e, importId);
            }
        }
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
        await db.Set<ImportRun>().Where(r => r.State == ImportState.Running)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, ImportState.Failed)
                .SetProperty(x => x.Error, "The import was interrupted (the server restarted); nothing was changed. Upload it again."), ct);
        foreach (var id in await db.Set<ImportRun>().Where(r => r.State == ImportState.Queued).OrderBy(r => r.QueuedAt).Select(r => r.Id).ToListAsync(ct))
        {
            queue.Enqueue(id);
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Import {ImportId} could not run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid importId);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Queued imports could not be resumed")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);
}
