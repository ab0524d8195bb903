using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Files;

/// <summary>
/// Renames, moves and copies documents. A copy holds one more reference to the same content (no
/// byte is copied) and is charged to the copier's quota; a name already used where a document
/// lands gets " (2)", except on a rename, which is refused instead.
/// </summary>
public sealed class OrganizeDocuments(PreauDbContext db, DocumentAccess access, DocumentContent contents, UploadDocument uploads, UniqueNames names, TimeProvider clock)
{
    public const string NameField = "Name";

    public async Task<Outcome<DocumentItem>> RenameAsync(UserContext me, Guid id, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (clean, problem) = DocumentNames.Check(name);
        var document = await access.DocumentAsync(me, id, DocumentRight.Contrib, ct, tracked: true);
        if (document is null)
        {
            return Outcome.NotFound<DocumentItem>();
        }

        if (problem is not null)
        {
            return Outcome.Invalid<DocumentItem>(NameField, problem);
        }

        if (document.Name == clean)
        {
            return DocumentItem.Of(document);
        }

        if (await db.Set<DocDocument>().AnyAsync(d => d.OwnerId == document.OwnerId && d.FolderId == document.FolderId && d.TrashedAt == null && d.Name == clean && d.Id != id, ct))
        {
            return Outcome.Invalid<DocumentItem>(NameField, "Error.NameTaken");
        }

        document.Name = clean;
        document.SortName = DocumentNames.SortKey(clean);
        document.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Invalid<DocumentItem>(NameField, "Error.NameTaken");
        }

        return DocumentItem.Of(document);
    }

    /// <summary>Moves one of one's documents into another of one's folders (or the root).</summary>
    public async Task<Outcome<DocumentItem>> MoveAsync(UserContext me, Guid id, Guid folderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await access.DocumentAsync(me, id, DocumentRight.Manage, ct, tracked: true);
        if (document is null || document.OwnerId != me.Id || !await OwnFolderInPlaceAsync(me, folderId, ct))
        {
            return Outcome.NotFound<DocumentItem>();
        }

        if (document.FolderId == folderId)
        {
            return DocumentItem.Of(document);
        }

        document.FolderId = folderId;
        await names.SaveDocumentAsync(document, document.Name, ct);
        return DocumentItem.Of(document);
    }

    /// <summary>
    /// Copies a document one may read (its current version) into one of one's folders: the same
    /// content with one more reference, charged to one's quota.
    /// </summary>
    public async Task<Outcome<DocumentItem>> CopyAsync(UserContext me, Guid id, Guid folderId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await access.DocumentAsync(me, id, DocumentRight.Read, ct);
        if (document is null || !await OwnFolderInPlaceAsync(me, folderId, ct))
        {
            return Outcome.NotFound<DocumentItem>();
        }

        var version = await db.Set<DocVersion>().AsNoTracking().FirstAsync(v => v.Id == document.CurrentVersionId, ct);
        return await contents.ReferenceAsync(me.Id, version.BlobKey, version.Length, async c =>
            (Outcome<DocumentItem>)DocumentItem.Of(await uploads.AddAsync(me, me.Id, folderId, document.Name, version.ContentType, new StoredBlob(version.BlobKey, version.Length, version.Sha256), c)), ct);
    }

    private async Task<bool> OwnFolderInPlaceAsync(UserContext me, Guid folderId, CancellationToken ct) =>
        await access.FolderAsync(me, folderId, DocumentRight.Manage, ct) is { } target && target.Folder.OwnerId == me.Id;
}
