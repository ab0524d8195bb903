using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Browse;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Documents.Features.Picker;

/// <summary>
/// The document space as the platform's document picker sees it (<see cref="IDocumentSource"/>):
/// folders listed through <see cref="ListFolder"/> (sorted by name, searched by name), and a
/// chosen document's current content for a module to reference, on the right to read.
/// </summary>
public sealed class DocumentSource(PreauDbContext db, DocumentAccess access, ListFolder list) : IDocumentSource
{
    public const int PageSize = 50;

    public Guid Root => DocFolder.Root;

    public async Task<PickerListing?> BrowseAsync(UserContext me, Guid folderId, string? search, int page, CancellationToken ct)
    {
        var listing = await list.ListAsync(me, folderId, DocumentSort.Name, false, search, page, PageSize, ct);
        return listing is null ? null : new PickerListing(listing.FolderId,
            [.. listing.Path.Select(c => new PickerFolder(c.Id, c.Name))],
            [.. listing.Folders.Select(f => new PickerFolder(f.Id, f.Name))],
            [.. listing.Documents.Select(d => new PickerDocument(d.Id, d.Name, d.ContentType, d.Length, d.UpdatedAt))],
            listing.Page, listing.HasMore);
    }

    public async Task<PickedDocument?> ReferenceAsync(UserContext me, Guid documentId, CancellationToken ct)
    {
        if (await access.DocumentAsync(me, documentId, DocumentRight.Read, ct) is not { } document)
        {
            return null;
        }

        var key = await db.Set<DocVersion>().AsNoTracking().Where(v => v.Id == document.CurrentVersionId).Select(v => v.BlobKey).FirstOrDefaultAsync(ct);
        return key is null ? null : new PickedDocument(document.Id, key, document.Name, document.ContentType, document.Length);
    }
}
