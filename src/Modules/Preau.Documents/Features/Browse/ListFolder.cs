using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features.Browse;

public enum DocumentSort
{
    Name,
    Date,
    Size,
}

/// <summary>A step of the path from the root to a folder.</summary>
public sealed record FolderCrumb(Guid Id, string Name);

/// <summary>
/// A page of a folder: its path from the root, its subfolders (all of them, on the first page
/// only), then a page of its documents; <see cref="HasMore"/> when another page follows.
/// </summary>
public sealed record FolderListing(Guid FolderId, Guid OwnerId, IReadOnlyList<FolderCrumb> Path, IReadOnlyList<FolderItem> Folders,
    IReadOnlyList<DocumentItem> Documents, int Page, int PageSize, bool HasMore);

/// <summary>
/// Lists a folder one may read, sorted by name (accents and case aside), date or size, either
/// way. Each sort reads one range of one index (owner, folder, key, id) with LIMIT, so a page of
/// a folder of thousands of documents costs the same as one of ten. A search looks for the words
/// in the names of every document and folder of the owner's space in place.
/// </summary>
public sealed class ListFolder(PreauDbContext db, DocumentAccess access)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<FolderListing?> ListAsync(UserContext me, Guid folderId, DocumentSort sort, bool descending, string? search, int page, int? pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await access.FolderAsync(me, folderId, DocumentRight.Read, ct) is not { } found)
        {
            return null;
        }

        var (folder, tree) = found;
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var path = tree.PathTo(folderId).Select(n => new FolderCrumb(n.Id, n.Name)).ToList();
        var needle = DocumentNames.SortKey((search ?? "").Trim());

        var documents = db.Set<DocDocument>().AsNoTracking().Where(d => d.OwnerId == folder.OwnerId && d.TrashedAt == null);
        var folders = db.Set<DocFolder>().AsNoTracking().Where(f => f.OwnerId == folder.OwnerId && f.TrashedAt == null);
        if (needle.Length > 0)
        {
            // Across the space (or, for a shared folder, that folder's documents only), then kept to what is in place.
            documents = folder.OwnerId == me.Id ? documents.Where(d => d.SortName.Contains(needle)) : documents.Where(d => d.FolderId == folderId && d.SortName.Contains(needle));
            folders = folder.OwnerId == me.Id ? folders.Where(f => f.SortName.Contains(needle)) : folders.Where(f => f.ParentId == folderId && f.SortName.Contains(needle));
        }
        else
        {
            documents = documents.Where(d => d.FolderId == folderId);
            folders = folders.Where(f => f.ParentId == folderId);
        }

        var ordered = (sort, descending) switch
        {
            (DocumentSort.Date, false) => documents.OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id),
            (DocumentSort.Date, true) => documents.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id),
            (DocumentSort.Size, false) => documents.OrderBy(d => d.Length).ThenBy(d => d.Id),
            (DocumentSort.Size, true) => documents.OrderByDescending(d => d.Length).ThenByDescending(d => d.Id),
            (_, false) => documents.OrderBy(d => d.SortName).ThenBy(d => d.Id),
            (_, true) => documents.OrderByDescending(d => d.SortName).ThenByDescending(d => d.Id),
        };
        var rows = await ordered.Skip((page - 1) * size).Take(size + 1).ToListAsync(ct);
        if (needle.Length > 0)
        {
            rows = [.. rows.Where(d => tree.IsInPlace(d.FolderId))];
        }

        IReadOnlyList<FolderItem> subfolders = [];
        if (page == 1)
        {
            var list = await (sort == DocumentSort.Date
                ? (descending ? folders.OrderByDescending(f => f.UpdatedAt) : folders.OrderBy(f => f.UpdatedAt))
                : (descending ? folders.OrderByDescending(f => f.SortName) : folders.OrderBy(f => f.SortName))).ThenBy(f => f.Id).Take(1000).ToListAsync(ct);
            subfolders = [.. list.Where(f => tree.IsInPlace(f.Id)).Select(ManageFolders.Item)];
        }

        return new FolderListing(folderId, folder.OwnerId, path, subfolders, [.. rows.Take(size).Select(DocumentItem.Of)], page, size, rows.Count > size);
    }

    /// <summary>One document one may read, with the path of its folder.</summary>
    public async Task<DocumentItem?> DocumentAsync(UserContext me, Guid id, CancellationToken ct) =>
        await access.DocumentAsync(me, id, DocumentRight.Read, ct) is { } d ? DocumentItem.Of(d) : null;
}
