using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Documents.Authorization;

/// <summary>What a person may do with a document or a folder: the sharing service's rights.</summary>
public enum DocumentRight
{
    /// <summary>See, download, list the versions, download as ZIP, copy into one's own space.</summary>
    Read,

    /// <summary>Rename, upload a new version, restore an older one, upload into a shared folder (charged to the owner's quota).</summary>
    Contrib,

    /// <summary>Share it; move, trash and delete stay the owner's (the document lives in their space).</summary>
    Manage,
}

/// <summary>
/// The one place that says who may touch a document or a folder. The owner may do everything; anyone
/// else holds what the platform's sharing service gives them on the document itself or on one of
/// the folders above it (a folder shared is shared with its content). Whatever a person may not
/// see is answered as absent (null), so that the use cases answer 404 for it as for a guessed id.
/// </summary>
public sealed class DocumentAccess(PreauDbContext db, Shares shares)
{
    /// <summary>The shareable type of a document (documents.file).</summary>
    public const string FileType = "documents.file";

    /// <summary>The shareable type of a folder (documents.folder).</summary>
    public const string FolderType = "documents.folder";

    /// <summary>A document in place (not trashed) on which the person holds the right; null otherwise.</summary>
    public async Task<DocDocument?> DocumentAsync(UserContext me, Guid id, DocumentRight right, CancellationToken ct, bool tracked = false)
    {
        ArgumentNullException.ThrowIfNull(me);
        var query = db.Set<DocDocument>().Where(d => d.Id == id && d.TrashedAt == null);
        var document = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        return document is not null && await HoldsAsync(me, FileType, document.Id, document.OwnerId, document.FolderId, right, ct) ? document : null;
    }

    /// <summary>One of the person's own documents, in place or in the trash; null otherwise.</summary>
    public async Task<DocDocument?> OwnDocumentAsync(UserContext me, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.Set<DocDocument>().FirstOrDefaultAsync(d => d.Id == id && d.OwnerId == me.Id, ct);
    }

    /// <summary>
    /// A folder in place (it and every folder above it out of the trash) on which the person holds
    /// the right, with its owner's tree; null otherwise. <see cref="DocFolder.Root"/> is the person's own root.
    /// </summary>
    public async Task<(DocFolder Folder, FolderTree Tree)?> FolderAsync(UserContext me, Guid id, DocumentRight right, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (id == DocFolder.Root)
        {
            return (new DocFolder { Id = DocFolder.Root, OwnerId = me.Id, ParentId = DocFolder.Root }, await FolderTree.LoadAsync(db, me.Id, ct));
        }

        var folder = await db.Set<DocFolder>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && f.TrashedAt == null, ct);
        if (folder is null)
        {
            return null;
        }

        var tree = await FolderTree.LoadAsync(db, folder.OwnerId, ct);
        return tree.IsInPlace(id) && await HoldsAsync(me, FolderType, id, folder.OwnerId, folder.ParentId, right, ct, tree) ? (folder, tree) : null;
    }

    /// <summary>Whether the person holds <paramref name="right"/> on a folder of <paramref name="tree"/> (the owner holds every right).</summary>
    public Task<bool> HoldsAsync(UserContext me, DocFolder folder, FolderTree tree, DocumentRight right, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(folder);
        return folder.Id == DocFolder.Root ? Task.FromResult(folder.OwnerId == me.Id)
            : HoldsAsync(me, FolderType, folder.Id, folder.OwnerId, folder.ParentId, right, ct, tree);
    }

    /// <summary>
    /// The part of a folder's path the person may see: all of it for the owner; for someone it is
    /// shared with, from the highest folder shared with them down — the names of the owner's
    /// folders above it are none of their business.
    /// </summary>
    public async Task<IReadOnlyList<FolderTree.Node>> VisiblePathAsync(UserContext me, Guid ownerId, FolderTree tree, Guid folderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(tree);
        var path = tree.PathTo(folderId);
        if (ownerId == me.Id)
        {
            return path;
        }

        for (var i = 0; i < path.Count; i++)
        {
            if (await shares.HasRightAsync(me.Id, FolderType, path[i].Id, ShareRight.Read.Key, ownerId, ct))
            {
                return [.. path.Skip(i)];
            }
        }

        return [];
    }

    /// <summary>One of the person's own folders, in place or in the trash; null otherwise.</summary>
    public async Task<DocFolder?> OwnFolderAsync(UserContext me, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.Set<DocFolder>().FirstOrDefaultAsync(f => f.Id == id && f.OwnerId == me.Id, ct);
    }

    /// <summary>Whether the person holds <paramref name="right"/> on a document they may read (the owner holds every right).</summary>
    public Task<bool> HoldsAsync(UserContext me, DocDocument document, DocumentRight right, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(document);
        return HoldsAsync(me, FileType, document.Id, document.OwnerId, document.FolderId, right, ct);
    }

    private async Task<bool> HoldsAsync(UserContext me, string type, Guid id, Guid ownerId, Guid parentId, DocumentRight right, CancellationToken ct, FolderTree? tree = null)
    {
        if (ownerId == me.Id)
        {
            return true;
        }

        var key = Key(right);
        if (await shares.HasRightAsync(me.Id, type, id, key, ownerId, ct))
        {
            return true;
        }

        // A share on a folder above gives the same right on what it holds.
        tree ??= await FolderTree.LoadAsync(db, ownerId, ct);
        foreach (var folder in tree.PathTo(parentId))
        {
            if (await shares.HasRightAsync(me.Id, FolderType, folder.Id, key, ownerId, ct))
            {
                return true;
            }
        }

        return false;
    }

    private static string Key(DocumentRight right) => right switch
    {
        DocumentRight.Read => ShareRight.Read.Key,
        DocumentRight.Contrib => ShareRight.Contrib.Key,
        _ => ShareRight.Manage.Key,
    };
}
