using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features.Browse;

/// <summary>
/// A document's page: the document, its owner, the folders above it the person may open (from the
/// root for the owner, from the shared folder for anyone else), and what the person may do.
/// </summary>
public sealed record DocumentSheet(DocumentItem Document, Guid OwnerId, string OwnerName, IReadOnlyList<FolderCrumb> Path, bool IsOwner, bool CanContribute, bool CanManage)
{
    /// <summary>Where "back" goes: the document's folder in one's space, or in what is shared with one.</summary>
    public string FolderUrl => IsOwner
        ? (Document.FolderId == DocFolder.Root ? DocumentsModule.Url : $"{DocumentsModule.Url}/dossier/{Document.FolderId}")
        : Path.Count > 0 ? $"{DocumentsModule.Url}/partages/dossier/{Path[^1].Id}" : $"{DocumentsModule.Url}/partages";
}

/// <summary>Loads a document's page for a person who may read it; null (404) otherwise.</summary>
public sealed class DocumentDetails(PreauDbContext db, DocumentAccess access)
{
    public async Task<DocumentSheet?> OpenAsync(UserContext me, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await access.DocumentAsync(me, id, DocumentRight.Read, ct);
        if (document is null)
        {
            return null;
        }

        var isOwner = document.OwnerId == me.Id;
        var tree = await FolderTree.LoadAsync(db, document.OwnerId, ct);
        IReadOnlyList<FolderCrumb> path = [.. (await access.VisiblePathAsync(me, document.OwnerId, tree, document.FolderId, ct)).Select(n => new FolderCrumb(n.Id, n.Name))];

        var owner = isOwner ? me.DisplayName
            : await db.Users.AsNoTracking().Where(u => u.Id == document.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var manage = isOwner || await access.HoldsAsync(me, document, DocumentRight.Manage, ct);
        var contribute = manage || await access.HoldsAsync(me, document, DocumentRight.Contrib, ct);
        return new DocumentSheet(DocumentItem.Of(document), document.OwnerId, owner, path, isOwner, contribute, manage);
    }

    /// <summary>The names of people (who uploaded the versions), by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
