using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Preau.Platform.Persistence;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Jobs;
using Preau.Provisioning.Planning;

namespace Preau.Provisioning.Features;

/// <summary>
/// Applies a queued import (the background worker calls it; so can a test or the benchmark):
/// claims it, plans it again against the directory as it is now, carries the plan out in one
/// transaction, and records the counts. On failure nothing of the file is written.
/// </summary>
public sealed partial class RunImport(PreauDbContext db, ActivationCodes codes, TimeProvider clock, ImportProgress progress, ILogger<RunImport> logger)
{
    public async Task<ImportState> HandleAsync(Guid importId, CancellationToken ct)
    {
        // Claim: only one node, one worker, runs an import.
        var claimed = await db.Set<ImportRun>().Where(r => r.Id == importId && r.State == ImportState.Queued)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.State, ImportState.Running).SetProperty(x => x.StartedAt, clock.GetUtcNow()), ct);
        if (claimed == 0)
        {
            return await db.Set<ImportRun>().Where(r => r.Id == importId).Select(r => r.State).FirstOrDefaultAsync(ct);
        }

        var run = await db.Set<ImportRun>().AsNoTracking().FirstAsync(r => r.Id == importId, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            progress.Report(importId, 0, run.DataLines);
            ApplyResult result;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                var plan = await ImportSession.PlanAsync(db, clock, ImportSession.Read(run, ""), track: true, ct, run.DetachAbsent)
                    ?? throw new InvalidOperationException("The structure is gone.");
                var actor = new Actor(run.AppliedById, run.AppliedByName, run.AppliedFromAddress, run.AppliedFromAgent);
                result = await new PlanExecutor(db, codes, clock, plan, actor, importId, (done, total) => progress.Report(importId, done, total)).RunAsync(ct);
                await transaction.CommitAsync(ct);
            }

            db.ChangeTracker.Clear();
            await db.Set<ImportRun>().Where(r => r.Id == importId).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.State, ImportState.Done)
                .SetProperty(x => x.FinishedAt, clock.GetUtcNow())
                .SetProperty(x => x.Created, result.Created)
                .SetProperty(x => x.Updated, result.Updated)
                .SetProperty(x => x.Moved, result.Moved)
                .SetProperty(x => x.Detached, result.Detached)
                .SetProperty(x => x.Restored, result.Restored)
                .SetProperty(x => x.Rejected, result.Rejected)
                .SetProperty(x => x.ClassesCreated, result.ClassesCreated)
                .SetProperty(x => x.LinksAdded, result.LinksAdded)
                .SetProperty(x => x.TouchedClasses, string.Join('\n', result.TouchedClasses.Select(c => $"{c.Id}|{c.Name}"))), ct);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogApplied(logger, importId, run.StructureId, result.Created, result.Updated, result.Detached, elapsed);
            return ImportState.Done;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, importId, run.StructureId);
            db.ChangeTracker.Clear();
            await db.Set<ImportRun>().Where(r => r.Id == importId).ExecuteUpdateAsync(r => r
                .SetProperty(x => x.State, ImportState.Failed)
                .SetProperty(x => x.FinishedAt, clock.GetUtcNow())
                .SetProperty(x => x.Error, "The import stopped on an error; nothing was changed. The operators have the details in the log."), CancellationToken.None);
            return ImportState.Failed;
        }
        finally
        {
            progress.Forget(importId);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Import {ImportId} applied to structure {StructureId}: {Created} created, {Updated} updated, {Detached} detached in {Milliseconds} ms")]
    private static partial void LogApplied(ILogger logger, Guid importId, Guid structureId, int created, int updated, int detached, double milliseconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Import {ImportId} of structure {StructureId} failed; rolled back")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId, Guid structureId);
}
