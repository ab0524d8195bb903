using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Previews;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Files;

/// <summary>
/// Puts a file into one of one's folders: the name checked first (nothing read or written when it
/// is refused), the content streamed into the storage within the limits and the quota
/// (<see cref="DocumentContent"/>), the document and its first version saved in the same transaction
/// as the quota and the blob's reference; a name already used in the folder gets " (2)". A
/// contributor uploads into a folder shared with them: the document is the owner's and counts in
/// the owner's quota.
/// </summary>
public sealed class UploadDocument(PreauDbContext db, DocumentAccess access, DocumentContent contents, UniqueNames names, DocumentPreviews previews, TimeProvider clock)
{
    public const string NameField = "Name";

    /// <summary>
    /// Stores one file into <paramref name="folderId"/> (<see cref="DocFolder.Root"/> at the top).
    /// <paramref name="declaredLength"/> is the file's length when the request tells it (null in a
    /// multipart stream); <paramref name="atMost"/> an upper bound otherwise (the request body's length).
    /// </summary>
    public async Task<Outcome<DocumentItem>> UploadAsync(UserContext me, Guid folderId, string? fileName, string? contentType, Stream content,
        long? declaredLength, long? atMost, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var (name, problem) = DocumentNames.Check(fileName);
        if (problem is not null)
        {
            return Outcome.Invalid<DocumentItem>(NameField, problem);
        }

        // Into one's own folders, or a folder shared with contrib: the document is then the owner's, in the owner's quota.
        if (await access.FolderAsync(me, folderId, DocumentRight.Contrib, ct) is not { } target)
        {
            return Outcome.NotFound<DocumentItem>();
        }

        var ownerId = target.Folder.OwnerId;
        return await contents.StoreAsync(ownerId, content, declaredLength, atMost, async (blob, c) =>
            (Outcome<DocumentItem>)DocumentItem.Of(await AddAsync(me, ownerId, folderId, name, await contents.TypeOfAsync(blob.Key, contentType, c), blob, c)), ct);
    }

    /// <summary>
    /// Saves a new document of <paramref name="ownerId"/>'s, uploaded by <paramref name="me"/>, over
    /// content already held (stored or referenced), under a free name; a picture's thumbnail is asked for.
    /// </summary>
    internal async Task<DocDocument> AddAsync(UserContext me, Guid ownerId, Guid folderId, string name, string contentType, StoredBlob blob, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var version = new DocVersion
        {
            Id = Guid.CreateVersion7(now), Number = 1, BlobKey = blob.Key, Length = blob.Length, Sha256 = blob.Sha256,
            ContentType = contentType, UploadedBy = me.Id, UploadedAt = now,
        };
        var document = new DocDocument
        {
            Id = Guid.CreateVersion7(now), OwnerId = ownerId, FolderId = folderId, ContentType = contentType, Length = blob.Length,
            CurrentVersionId = version.Id, VersionNumber = 1, CreatedAt = now, UpdatedAt = now,
        };
        version.DocumentId = document.Id;
        db.Add(document);
        db.Add(version);
        await names.SaveDocumentAsync(document, name, ct);
        db.ChangeTracker.Clear();
        await previews.AskAsync(version, ct);
        return document;
    }
}
