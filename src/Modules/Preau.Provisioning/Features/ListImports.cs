using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Provisioning.Authorization;
using Preau.Provisioning.Domain;

namespace Preau.Provisioning.Features;

/// <summary>The import history of a structure, newest first: who, when, which file, what it did.</summary>
public sealed class ListImports(PreauDbContext db)
{
    public const int PageSize = 20;

    public sealed record Entry(Guid Id, ImportKind Kind, string FileName, ImportState State, DateTimeOffset UploadedAt, string? UploadedBy,
        DateTimeOffset? FinishedAt, string? AppliedBy, int Lines, int Created, int Updated, int Moved, int Detached, int Rejected);

    public sealed record History(Guid StructureId, string StructureName, string Uai, int SchoolYear, IReadOnlyList<Entry> Imports, int Page, int PageCount);

    public async Task<History?> HandleAsync(UserContext user, Guid structureId, int page, CancellationToken ct)
    {
        var structure = await ProvisioningScope.StructureAsync(db, user, structureId, ct);
        if (structure is null)
        {
            return null;
        }

        var runs = db.Set<ImportRun>().AsNoTracking().Where(r => r.StructureId == structureId);
        var count = await runs.CountAsync(ct);
        var pageCount = Math.Max(1, (count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var entries = await runs.OrderByDescending(r => r.UploadedAt).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new Entry(r.Id, r.Kind, r.FileName, r.State, r.UploadedAt, r.UploadedByName, r.FinishedAt, r.AppliedByName,
                r.DataLines, r.Created, r.Updated, r.Moved, r.Detached, r.Rejected))
            .ToListAsync(ct);
        return new History(structure.Id, structure.Name, structure.Uai, structure.SchoolYear, entries, page, pageCount);
    }
}
