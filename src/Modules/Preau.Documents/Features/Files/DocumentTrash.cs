using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Folders;
using Preau.Documents.Features.Previews;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features.Files;

/// <summary>What the trash holds: documents and folders put there, newest first.</summary>
public sealed record TrashListing(IReadOnlyList<FolderItem> Folders, IReadOnlyList<DocumentItem> Documents);

/// <summary>
/// The trash of one's space. A document or a folder trashed leaves its folder (a folder takes what
/// it holds with it); restored, it goes back where it was, or to the root when that folder is gone
/// or in the trash itself, under a free name. Deleted for good, every version gives its reference
/// and its room in the quota back. Only the owner sees their trash.
/// </summary>
public sealed class DocumentTrash(PreauDbContext db, DocumentAccess access, DocumentContent contents, DocumentPreviews previews, UniqueNames names, TimeProvider clock)
{
    public async Task<Outcome<Done>> TrashDocumentAsync(UserContext me, Guid id, CancellationToken ct)
    {
        var document = await access.OwnDocumentAsync(me, id, ct);
        if (document is null || document.TrashedAt is not null)
        {
            return Outcome.NotFound<Done>();
        }

        document.TrashedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Outcome<Done>> TrashFolderAsync(UserContext me, Guid id, CancellationToken ct)
    {
        var folder = await access.OwnFolderAsync(me, id, ct);
        if (folder is null || folder.TrashedAt is not null)
        {
            return Outcome.NotFound<Done>();
        }

        folder.TrashedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Outcome<DocumentItem>> RestoreDocumentAsync(UserContext me, Guid id, CancellationToken ct)
    {
        var document = await access.OwnDocumentAsync(me, id, ct);
        if (document is null || document.TrashedAt is null)
        {
            return Outcome.NotFound<DocumentItem>();
        }

        var tree = await FolderTree.LoadAsync(db, me.Id, ct);
        var folderId = tree.IsInPlace(document.FolderId) ? document.FolderId : DocFolder.Root;
        document.TrashedAt = null;
        document.FolderId = folderId;
        await names.SaveDocumentAsync(document, document.Name, ct);
        return DocumentItem.Of(document);
    }

    public async Task<Outcome<FolderItem>> RestoreFolderAsync(UserContext me, Guid id, CancellationToken ct)
    {
        var folder = await access.OwnFolderAsync(me, id, ct);
        if (folder is null || folder.TrashedAt is null)
        {
            return Outcome.NotFound<FolderItem>();
        }

        var tree = await FolderTree.LoadAsync(db, me.Id, ct);
        var parentId = tree.IsInPlace(folder.ParentId) ? folder.ParentId : DocFolder.Root;
        folder.TrashedAt = null;
        folder.ParentId = parentId;
        await names.SaveFolderAsync(folder, folder.Name, ct);
        return ManageFolders.Item(folder);
    }

    /// <summary>Deletes one of one's documents for good, from the trash or from its folder.</summary>
    public async Task<Outcome<Done>> DeleteDocumentAsync(UserContext me, Guid id, CancellationToken ct)
    {
        if (await access.OwnDocumentAsync(me, id, ct) is null)
        {
            return Outcome.NotFound<Done>();
        }

        await PurgeAsync(me.Id, [id], [], ct);
        return new Done();
    }

    /// <summary>Deletes one of one's folders for good, with every folder and document in place under it.</summary>
    public async Task<Outcome<Done>> DeleteFolderAsync(UserContext me, Guid id, CancellationToken ct)
    {
        if (await access.OwnFolderAsync(me, id, ct) is null)
        {
            return Outcome.NotFound<Done>();
        }

        var tree = await FolderTree.LoadAsync(db, me.Id, ct);
        await PurgeFoldersAsync(me.Id, tree.Subtree(id), ct);
        return new Done();
    }

    /// <summary>Deletes for good everything in one's trash; how many documents went.</summary>
    public async Task<int> EmptyAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var tree = await FolderTree.LoadAsync(db, me.Id, ct);
        var folders = tree.All.Where(n => n.Trashed).SelectMany(n => tree.Subtree(n.Id)).Distinct().ToList();
        var documents = await db.Set<DocDocument>().Where(d => d.OwnerId == me.Id && d.TrashedAt != null).Select(d => d.Id).ToListAsync(ct);
        return await PurgeAsync(me.Id, documents, [], ct) + await PurgeFoldersAsync(me.Id, folders, ct);
    }

    public async Task<TrashListing> ListAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var folders = await db.Set<DocFolder>().AsNoTracking().Where(f => f.OwnerId == me.Id && f.TrashedAt != null)
            .OrderByDescending(f => f.TrashedAt).ThenBy(f => f.Id).ToListAsync(ct);
        var documents = await db.Set<DocDocument>().AsNoTracking().Where(d => d.OwnerId == me.Id && d.TrashedAt != null)
            .OrderByDescending(d => d.TrashedAt).ThenBy(d => d.Id).ToListAsync(ct);
        return new TrashListing([.. folders.Select(ManageFolders.Item)], [.. documents.Select(DocumentItem.Of)]);
    }

    private async Task<int> PurgeFoldersAsync(Guid ownerId, IReadOnlyList<Guid> folderIds, CancellationToken ct)
    {
        // What a folder held in place goes with it; a document trashed from it earlier stays in the trash.
        var documents = await db.Set<DocDocument>().Where(d => d.OwnerId == ownerId && folderIds.Contains(d.FolderId) && d.TrashedAt == null).Select(d => d.Id).ToListAsync(ct);
        return await PurgeAsync(ownerId, documents, folderIds, ct);
    }

    /// <summary>
    /// Deletes the rows in one transaction, then gives back each version's reference and the
    /// room: the owner's quota counts every version kept.
    /// </summary>
    private async Task<int> PurgeAsync(Guid ownerId, IReadOnlyList<Guid> documentIds, IReadOnlyList<Guid> folderIds, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var versions = await db.Set<DocVersion>().AsNoTracking().Where(v => documentIds.Contains(v.DocumentId)).Select(v => new { v.BlobKey, v.Length }).ToListAsync(ct);
        var thumbnails = await previews.KeysOfAsync(documentIds, ct);
        await db.Set<DocVersion>().Where(v => documentIds.Contains(v.DocumentId)).ExecuteDeleteAsync(ct);
        await db.Set<DocComment>().Where(c => documentIds.Contains(c.DocumentId)).ExecuteDeleteAsync(ct);
        var gone = await db.Set<DocDocument>().Where(d => d.OwnerId == ownerId && documentIds.Contains(d.Id)).ExecuteDeleteAsync(ct);
        await db.Set<DocFolder>().Where(f => f.OwnerId == ownerId && folderIds.Contains(f.Id)).ExecuteDeleteAsync(ct);
        foreach (var version in versions)
        {
            await contents.ReleaseAsync(ownerId, version.BlobKey, version.Length, ct);
        }

        await previews.ReleaseAsync(thumbnails, ct);
        await transaction.CommitAsync(ct);
        return gone;
    }
}
