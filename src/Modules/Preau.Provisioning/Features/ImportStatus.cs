using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Jobs;

namespace Preau.Provisioning.Features;

/// <summary>Where an import stands, for the progress bar and the result page.</summary>
public sealed class ImportStatus(PreauDbContext db, ImportProgress progress)
{
    public sealed record TouchedClass(Guid Id, string Name);

    public sealed record Status(
        Guid Id, ImportKind Kind, string FileName, ImportState State, int Done, int Total, int Percent,
        DateTimeOffset UploadedAt, string? UploadedBy, DateTimeOffset? FinishedAt, string? AppliedBy,
        int Created, int Updated, int Moved, int Detached, int Restored, int Rejected, int ClassesCreated, int LinksAdded,
        IReadOnlyList<TouchedClass> Classes, string? Error);

    public async Task<Status?> HandleAsync(UserContext user, Guid structureId, Guid importId, CancellationToken ct)
    {
        if (await ProvisioningScope.StructureAsync(db, user, structureId, ct) is null)
        {
            return null;
        }

        var run = await db.Set<ImportRun>().AsNoTracking().Where(r => r.Id == importId && r.StructureId == structureId)
            .Select(r => new
            {
                r.Id, r.Kind, r.FileName, r.State, r.DataLines, r.UploadedAt, r.UploadedByName, r.FinishedAt, r.AppliedByName,
                r.Created, r.Updated, r.Moved, r.Detached, r.Restored, r.Rejected, r.ClassesCreated, r.LinksAdded, r.TouchedClasses, r.Error,
            })
            .FirstOrDefaultAsync(ct);
        if (run is null)
        {
            return null;
        }

        var (done, total) = run.State switch
        {
            ImportState.Done => (1, 1),
            ImportState.Running => progress.Of(importId) ?? (0, 1),
            _ => (0, 1),
        };
        var classes = (run.TouchedClasses ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|', 2))
            .Where(parts => parts.Length == 2 && Guid.TryParse(parts[0], out _))
            .Select(parts => new TouchedClass(Guid.Parse(parts[0]), parts[1]))
            .ToList();
        return new Status(run.Id, run.Kind, run.FileName, run.State, done, total, total == 0 ? 0 : (int)(100L * done / total),
            run.UploadedAt, run.UploadedByName, run.FinishedAt, run.AppliedByName,
            run.Created, run.Updated, run.Moved, run.Detached, run.Restored, run.Rejected, run.ClassesCreated, run.LinksAdded, classes, run.Error);
    }
}
