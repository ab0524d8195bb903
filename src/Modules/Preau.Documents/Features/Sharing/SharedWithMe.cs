using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.Documents.Features.Sharing;

/// <summary>A folder or a document someone shared with the person: its owner and the strongest right held (read, contrib, manage).</summary>
public sealed record SharedItem(Guid Id, bool IsFolder, string Name, string ContentType, long Length, Guid OwnerId, string OwnerName, string Right,
    DateTimeOffset SharedAt, bool HasThumbnail);

/// <summary>
/// "Partagés avec moi": the documents and folders others shared with the person or one of their
/// groups (the platform's sharing service), in place, newest share first. What a shared folder
/// holds is opened through <see cref="Browse.ListFolder"/>, which honours the same shares.
/// </summary>
public sealed class SharedWithMe(PreauDbContext db, Shares shares)
{
    public async Task<IReadOnlyList<SharedItem>> ListAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var files = await shares.HeldAsync(me.Id, DocumentAccess.FileType, ct);
        var folders = await shares.HeldAsync(me.Id, DocumentAccess.FolderType, ct);
        var fileIds = files.Select(f => f.ResourceId).ToList();
        var folderIds = folders.Select(f => f.ResourceId).ToList();

        var documents = await db.Set<DocDocument>().AsNoTracking()
            .Where(d => fileIds.Contains(d.Id) && d.OwnerId != me.Id && d.TrashedAt == null)
            .Select(d => new { d.Id, d.OwnerId, d.FolderId, d.Name, d.ContentType, d.Length, d.ThumbnailKey }).ToListAsync(ct);
        var shared = await db.Set<DocFolder>().AsNoTracking()
            .Where(f => folderIds.Contains(f.Id) && f.OwnerId != me.Id && f.TrashedAt == null)
            .Select(f => new { f.Id, f.OwnerId, f.Name }).ToListAsync(ct);

        // A document or folder whose folder went to the trash is not in place any more.
        var trees = new Dictionary<Guid, FolderTree>();
        async Task<bool> InPlaceAsync(Guid ownerId, Guid folderId)
        {
            if (!trees.TryGetValue(ownerId, out var tree))
            {
                trees[ownerId] = tree = await FolderTree.LoadAsync(db, ownerId, ct);
            }

            return tree.IsInPlace(folderId);
        }

        var ownerIds = documents.Select(d => d.OwnerId).Concat(shared.Select(f => f.OwnerId)).Distinct().ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var items = new List<SharedItem>();
        foreach (var f in shared)
        {
            if (await InPlaceAsync(f.OwnerId, f.Id))
            {
                var held = folders.First(h => h.ResourceId == f.Id);
                items.Add(new SharedItem(f.Id, true, f.Name, "", 0, f.OwnerId, owners.GetValueOrDefault(f.OwnerId, ""), held.Strongest, held.SharedAt, false));
            }
        }

        foreach (var d in documents)
        {
            if (await InPlaceAsync(d.OwnerId, d.FolderId))
            {
                var held = files.First(h => h.ResourceId == d.Id);
                items.Add(new SharedItem(d.Id, false, d.Name, d.ContentType, d.Length, d.OwnerId, owners.GetValueOrDefault(d.OwnerId, ""), held.Strongest, held.SharedAt,
                    d.ThumbnailKey != null));
            }
        }

        return [.. items.OrderByDescending(i => i.SharedAt).ThenBy(i => i.Name, StringComparer.CurrentCulture)];
    }
}
