using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features.Folders;

/// <summary>A folder as lists and answers show it.</summary>
public sealed record FolderItem(Guid Id, Guid ParentId, string Name, DateTimeOffset UpdatedAt, DateTimeOffset? TrashedAt);

/// <summary>
/// Folders: create (under the root, a folder of one's own, or a folder shared with one to
/// contribute, where it is the owner's; a name already there gets " (2)"), rename (the owner or a
/// contributor; a name already there is refused), move (the owner's alone; never into itself or
/// under itself), one's whole tree for a move dialog or a picker. The trash is <see cref="Files.OrganizeDocuments"/>'s.
/// </summary>
public sealed class ManageFolders(PreauDbContext db, DocumentAccess access, UniqueNames names, TimeProvider clock)
{
    public const string NameField = "Name";
    public const string ParentField = "ParentId";

    public async Task<Outcome<FolderItem>> CreateAsync(UserContext me, Guid parentId, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (clean, problem) = DocumentNames.Check(name);
        if (problem is not null)
        {
            return Outcome.Invalid<FolderItem>(NameField, problem);
        }

        // In one's own space, or in a folder shared with one to contribute: the new folder is then the owner's, like what is uploaded there.
        if (await access.FolderAsync(me, parentId, DocumentRight.Contrib, ct) is not { } parent)
        {
            return Outcome.NotFound<FolderItem>();
        }

        var now = clock.GetUtcNow();
        var folder = new DocFolder { Id = Guid.CreateVersion7(now), OwnerId = parent.Folder.OwnerId, ParentId = parentId, CreatedAt = now, UpdatedAt = now };
        db.Add(folder);
        await names.SaveFolderAsync(folder, clean, ct);
        return Item(folder);
    }

    public async Task<Outcome<FolderItem>> RenameAsync(UserContext me, Guid id, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (clean, problem) = DocumentNames.Check(name);
        // The owner, or someone it is shared with to contribute (as for a document's name).
        var folder = id != DocFolder.Root && await access.FolderAsync(me, id, DocumentRight.Contrib, ct) is not null
            ? await db.Set<DocFolder>().FirstAsync(f => f.Id == id, ct)
            : null;
        if (folder is null)
        {
            return Outcome.NotFound<FolderItem>();
        }

        if (problem is not null)
        {
            return Outcome.Invalid<FolderItem>(NameField, problem);
        }

        if (folder.Name == clean)
        {
            return Item(folder);
        }

        if (await db.Set<DocFolder>().AnyAsync(f => f.OwnerId == folder.OwnerId && f.ParentId == folder.ParentId && f.TrashedAt == null && f.Name == clean && f.Id != id, ct))
        {
            return Outcome.Invalid<FolderItem>(NameField, "Error.NameTaken");
        }

        folder.Name = clean;
        folder.SortName = DocumentNames.SortKey(clean);
        folder.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Invalid<FolderItem>(NameField, "Error.NameTaken");
        }

        return Item(folder);
    }

    /// <summary>Moves a folder (with what it holds) under another of one's folders or the root; never under itself.</summary>
    public async Task<Outcome<FolderItem>> MoveAsync(UserContext me, Guid id, Guid parentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var folder = await InPlaceAsync(me, id, ct);
        if (folder is null || await access.FolderAsync(me, parentId, DocumentRight.Manage, ct) is not { } target || target.Folder.OwnerId != me.Id)
        {
            return Outcome.NotFound<FolderItem>();
        }

        if (target.Tree.IsWithin(parentId, id))
        {
            return Outcome.Invalid<FolderItem>(ParentField, "Error.MoveIntoItself");
        }

        if (folder.ParentId == parentId)
        {
            return Item(folder);
        }

        folder.ParentId = parentId;
        folder.UpdatedAt = clock.GetUtcNow();
        await names.SaveFolderAsync(folder, folder.Name, ct);
        return Item(folder);
    }

    /// <summary>Every folder of one's space in place, for a move dialog or a picker, parents before children.</summary>
    public async Task<IReadOnlyList<FolderItem>> TreeAsync(UserContext me, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var folders = await db.Set<DocFolder>().AsNoTracking().Where(f => f.OwnerId == me.Id).OrderBy(f => f.SortName).ThenBy(f => f.Id).ToListAsync(ct);
        var children = folders.Where(f => f.TrashedAt == null).ToLookup(f => f.ParentId);
        var ordered = new List<FolderItem>();
        void Walk(Guid parent)
        {
            foreach (var child in children[parent])
            {
                ordered.Add(Item(child));
                Walk(child.Id);
            }
        }

        Walk(DocFolder.Root);
        return ordered;
    }

    internal static FolderItem Item(DocFolder f) => new(f.Id, f.ParentId, f.Name, f.UpdatedAt, f.TrashedAt);

    /// <summary>One of one's own folders, in place, tracked.</summary>
    private async Task<DocFolder?> InPlaceAsync(UserContext me, Guid id, CancellationToken ct) =>
        await access.FolderAsync(me, id, DocumentRight.Manage, ct) is { } found && found.Folder.OwnerId == me.Id && id != DocFolder.Root
            ? await db.Set<DocFolder>().FirstAsync(f => f.Id == id, ct)
            : null;
}
