using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Folders;

/// <summary>
/// Copies a folder one may read (one's own, or one shared with one) with what it holds in place —
/// its subfolders and the current version of each document — into one of one's folders. No byte
/// is copied: each document holds one more reference to the same content (and its thumbnail), the
/// total charged to the copier's quota at once. Everything is saved in one transaction, or nothing:
/// a copy that does not fit is refused whole, never left half-made.
/// </summary>
public sealed class CopyFolder(PreauDbContext db, DocumentAccess access, QuotaStore quotaStore, UniqueNames names, TimeProvider clock, IOptions<DocumentsOptions> options)
{
    public const string Field = "ParentId";

    private sealed record Source(Guid Id, Guid FolderId, string Name, string SortName, string ContentType, long Length, string? ThumbnailKey,
        string BlobKey, string Sha256);

    public async Task<Outcome<FolderItem>> CopyAsync(UserContext me, Guid id, Guid parentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (id == DocFolder.Root
            || await access.FolderAsync(me, id, DocumentRight.Read, ct) is not { } found
            || await access.FolderAsync(me, parentId, DocumentRight.Manage, ct) is not { } target || target.Folder.OwnerId != me.Id)
        {
            return Outcome.NotFound<FolderItem>();
        }

        var (folder, tree) = found;
        if (folder.OwnerId == me.Id && target.Tree.IsWithin(parentId, id))
        {
            return Outcome.Invalid<FolderItem>(Field, "Error.CopyIntoItself");
        }

        // The folders in place under it, parents before children (a trashed folder and all it holds stay behind).
        var children = tree.All.Where(n => !n.Trashed).ToLookup(n => n.ParentId);
        var folders = new List<FolderTree.Node> { tree.Find(id)! };
        for (var i = 0; i < folders.Count; i++)
        {
            folders.AddRange(children[folders[i].Id]);
        }

        var folderIds = folders.Select(f => f.Id).ToList();
        var limit = options.Value.MaxCopiedDocuments;
        var documents = await db.Set<DocDocument>().AsNoTracking()
            .Where(d => d.OwnerId == folder.OwnerId && folderIds.Contains(d.FolderId) && d.TrashedAt == null)
            .Join(db.Set<DocVersion>(), d => d.CurrentVersionId, v => v.Id, (d, v) => new Source(d.Id, d.FolderId, d.Name, d.SortName, v.ContentType, v.Length, d.ThumbnailKey, v.BlobKey, v.Sha256))
            .Take(limit + 1)
            .ToListAsync(ct);
        if (documents.Count > limit || folders.Count > limit)
        {
            return Outcome.Invalid<FolderItem>(Field, "Error.CopyTooLarge");
        }

        // Each document's content is charged; a thumbnail is one more reference, not charged.
        var held = documents.Select(d => new HeldContent(d.BlobKey, d.Length))
            .Concat(documents.Where(d => d.ThumbnailKey is not null).Select(d => new HeldContent(d.ThumbnailKey!, 0)))
            .ToList();
        return await quotaStore.ReferenceWithinQuotaAsync(me.Id, held, Field, c => SaveAsync(me, folders, documents, parentId, c), ct);
    }

    private async Task<Outcome<FolderItem>> SaveAsync(UserContext me, List<FolderTree.Node> folders, List<Source> documents, Guid parentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var copies = folders.ToDictionary(f => f.Id, _ => Guid.CreateVersion7(now));
        DocFolder? top = null;
        foreach (var source in folders)
        {
            var isTop = top is null;
            var copy = new DocFolder
            {
                Id = copies[source.Id], OwnerId = me.Id, ParentId = isTop ? parentId : copies[source.ParentId],
                Name = source.Name, SortName = DocumentNames.SortKey(source.Name), CreatedAt = now, UpdatedAt = now,
            };
            top ??= copy;
            db.Add(copy);
        }

        foreach (var source in documents)
        {
            var version = new DocVersion
            {
                Id = Guid.CreateVersion7(now), Number = 1, BlobKey = source.BlobKey, Length = source.Length, Sha256 = source.Sha256,
                ContentType = source.ContentType, UploadedBy = me.Id, UploadedAt = now,
            };
            db.Add(new DocDocument
            {
                Id = version.DocumentId = Guid.CreateVersion7(now), OwnerId = me.Id, FolderId = copies[source.FolderId], Name = source.Name,
                SortName = source.SortName, ContentType = source.ContentType, Length = source.Length, CurrentVersionId = version.Id,
                VersionNumber = 1, CreatedAt = now, UpdatedAt = now, ThumbnailKey = source.ThumbnailKey,
            });
            db.Add(version);
        }

        // Only the top folder's name may meet another where it lands ("Sorties (2)"); below it, the
        // names are those of the source, unique there already.
        top!.Name = await names.ForFolderAsync(me.Id, parentId, top.Name, top.Id, ct);
        top.SortName = DocumentNames.SortKey(top.Name);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Invalid<FolderItem>(Field, "Error.CopyConflict"); // another folder took that name meanwhile: nothing kept
        }

        return ManageFolders.Item(top);
    }
}
