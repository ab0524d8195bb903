using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Documents.Authorization;

/// <summary>Names a document for the sharing service (and its owner); a trashed one is not shareable.</summary>
internal sealed class DocumentShareResolver(PreauDbContext db) : IShareResolver
{
    public async Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct) =>
        await db.Set<DocDocument>().AsNoTracking().Where(d => d.Id == resourceId && d.TrashedAt == null)
            .Select(d => new ShareableResource(d.Name, d.OwnerId)).FirstOrDefaultAsync(ct);
}

/// <summary>Names a folder for the sharing service (and its owner); a trashed one is not shareable.</summary>
internal sealed class FolderShareResolver(PreauDbContext db) : IShareResolver
{
    public async Task<ShareableResource?> FindAsync(Guid resourceId, CancellationToken ct) =>
        await db.Set<DocFolder>().AsNoTracking().Where(f => f.Id == resourceId && f.TrashedAt == null)
            .Select(f => new ShareableResource(f.Name, f.OwnerId)).FirstOrDefaultAsync(ct);
}
