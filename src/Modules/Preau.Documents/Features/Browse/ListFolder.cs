using System.Buffers.Text;
using System.Globalization;
using System.Text;
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
    IReadOnlyList<DocumentItem> Documents, int Page, int PageSize, bool HasMore)
{
    /// <summary>When <see cref="HasMore"/>: the cursor of the next page (its last row's sort key and id), for <see cref="ListFolder.ListAfterAsync"/>.</summary>
    public string? Next { get; init; }

    /// <summary>Whether the reader may add to the folder (upload, make a subfolder) and rename what it holds: its owner, or someone it is shared with to contribute.</summary>
    public bool CanContribute { get; init; }
}

/// <summary>
/// Lists a folder one may read, sorted by name (accents and case aside), date or size, either
/// way. Each sort reads one range of one index (owner, folder, key, id) with LIMIT, so a page of
/// a folder of thousands of documents costs the same as one of ten. A page is either a page number
/// (an offset: the index range is walked from its start) or, for deep pages, the cursor of the page
/// before (<see cref="FolderListing.Next"/>: the range starts at that row's key, whatever its depth).
/// A search looks for the words in the names of every document and folder of the owner's space in place.
/// </summary>
public sealed class ListFolder(PreauDbContext db, DocumentAccess access)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public Task<FolderListing?> ListAsync(UserContext me, Guid folderId, DocumentSort sort, bool descending, string? search, int page, int? pageSize, CancellationToken ct) =>
        ListAsync(me, folderId, sort, descending, search, page, null, pageSize, ct);

    /// <summary>
    /// The page after the row a cursor names (<see cref="FolderListing.Next"/> of the page before, read
    /// with the same folder, sort, order and search); the first page when it is empty or not a cursor
    /// of this order. Its <see cref="FolderListing.Page"/> is 0: a cursor's page has no number.
    /// </summary>
    public Task<FolderListing?> ListAfterAsync(UserContext me, Guid folderId, DocumentSort sort, bool descending, string? search, string? after, int? pageSize, CancellationToken ct) =>
        ListAsync(me, folderId, sort, descending, search, 1, ListingCursor.Read(after, sort, descending), pageSize, ct);

    private async Task<FolderListing?> ListAsync(UserContext me, Guid folderId, DocumentSort sort, bool descending, string? search, int page, ListingCursor? after,
        int? pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (await access.FolderAsync(me, folderId, DocumentRight.Read, ct) is not { } found)
        {
            return null;
        }

        var (folder, tree) = found;
        var size = Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var path = (await access.VisiblePathAsync(me, folder.OwnerId, tree, folderId, ct)).Select(n => new FolderCrumb(n.Id, n.Name)).ToList();
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

        if (after is { } cursor)
        {
            documents = cursor.After(documents);
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
        var rows = await (after is null ? ordered.Skip((page - 1) * size) : ordered).Take(size + 1).ToListAsync(ct);
        if (needle.Length > 0)
        {
            rows = [.. rows.Where(d => tree.IsInPlace(d.FolderId))];
        }

        IReadOnlyList<FolderItem> subfolders = [];
        if (page == 1 && after is null)
        {
            var list = await (sort == DocumentSort.Date
                ? (descending ? folders.OrderByDescending(f => f.UpdatedAt) : folders.OrderBy(f => f.UpdatedAt))
                : (descending ? folders.OrderByDescending(f => f.SortName) : folders.OrderBy(f => f.SortName))).ThenBy(f => f.Id).Take(1000).ToListAsync(ct);
            subfolders = [.. list.Where(f => tree.IsInPlace(f.Id)).Select(ManageFolders.Item)];
        }

        var shown = rows.Take(size).ToList();
        return new FolderListing(folderId, folder.OwnerId, path, subfolders, [.. shown.Select(DocumentItem.Of)], after is null ? page : 0, size, rows.Count > size)
        {
            Next = rows.Count > size ? ListingCursor.Write(sort, descending, shown[^1]) : null,
            CanContribute = folder.OwnerId == me.Id || await access.HoldsAsync(me, folder, tree, DocumentRight.Contrib, ct),
        };
    }

    /// <summary>One document one may read, with the path of its folder.</summary>
    public async Task<DocumentItem?> DocumentAsync(UserContext me, Guid id, CancellationToken ct) =>
        await access.DocumentAsync(me, id, DocumentRight.Read, ct) is { } d ? DocumentItem.Of(d) : null;
}

/// <summary>
/// Where a page read by cursor starts: after the row with this sort key and id, in one sort and
/// direction. Written as "n|a" (sort, order), the key (the sort name in base64url, the date in UTC
/// ticks or the length) and the id, separated by underscores. The condition starts the index range at
/// the key (key ≥ k, an index bound) and steps over the rows of equal key up to the id.
/// </summary>
internal sealed record ListingCursor(DocumentSort Sort, bool Descending, string Name, long Number, Guid Id)
{
    public static string Write(DocumentSort sort, bool descending, DocDocument last)
    {
        var key = sort switch
        {
            DocumentSort.Date => last.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            DocumentSort.Size => last.Length.ToString(CultureInfo.InvariantCulture),
            _ => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(last.SortName)),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix(sort, descending)}_{key}_{last.Id:N}");
    }

    public static ListingCursor? Read(string? token, DocumentSort sort, bool descending)
    {
        var parts = (token ?? "").Split('_');
        if (parts.Length != 3 || parts[0] != Prefix(sort, descending) || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return null;
        }

        if (sort == DocumentSort.Name)
        {
            try
            {
                return new ListingCursor(sort, descending, Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])), 0, id);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < DateTimeOffset.MaxValue.UtcTicks
            ? new ListingCursor(sort, descending, "", number, id)
            : null;
    }

    /// <summary>The rows after this one in its order.</summary>
    public IQueryable<DocDocument> After(IQueryable<DocDocument> documents)
    {
        var (name, number, id) = (Name, Number, Id);
        var at = new DateTimeOffset(Math.Max(0, number), TimeSpan.Zero);
        return (Sort, Descending) switch
        {
            (DocumentSort.Date, false) => documents.Where(d => d.UpdatedAt >= at && (d.UpdatedAt > at || d.Id.CompareTo(id) > 0)),
            (DocumentSort.Date, true) => documents.Where(d => d.UpdatedAt <= at && (d.UpdatedAt < at || d.Id.CompareTo(id) < 0)),
            (DocumentSort.Size, false) => documents.Where(d => d.Length >= number && (d.Length > number || d.Id.CompareTo(id) > 0)),
            (DocumentSort.Size, true) => documents.Where(d => d.Length <= number && (d.Length < number || d.Id.CompareTo(id) < 0)),
#pragma warning disable CA1309 // string.Compare is the column's own comparison, in SQL (EF Core translates no StringComparison).
            (_, false) => documents.Where(d => string.Compare(d.SortName, name) >= 0 && (string.Compare(d.SortName, name) > 0 || d.Id.CompareTo(id) > 0)),
            (_, true) => documents.Where(d => string.Compare(d.SortName, name) <= 0 && (string.Compare(d.SortName, name) < 0 || d.Id.CompareTo(id) < 0)),
#pragma warning restore CA1309
        };
    }

    private static string Prefix(DocumentSort sort, bool descending) =>
        (sort switch { DocumentSort.Date => "d", DocumentSort.Size => "s", _ => "n" }) + (descending ? "d" : "a");
}
