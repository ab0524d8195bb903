using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Previews;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Versions;

/// <summary>A version of a document as lists show it; <see cref="Current"/> for the one a download gives.</summary>
public sealed record VersionItem(Guid Id, int Number, long Length, string ContentType, string Sha256, Guid UploadedBy, DateTimeOffset UploadedAt, bool Current);

/// <summary>
/// A document's versions: a new one uploaded (streamed, within the limits and the quota, like a
/// first upload), the list newest first, an older one restored (it becomes the newest: a new
/// version over the same content, one more reference, charged to the quota; history is never
/// rewritten). Every version counts in the owner's quota until the document is deleted for good,
/// a contributor's included.
/// </summary>
public sealed class DocumentVersions(PreauDbContext db, DocumentAccess access, DocumentContent contents, DocumentPreviews previews, TimeProvider clock)
{
    public async Task<IReadOnlyList<VersionItem>?> ListAsync(UserContext me, Guid documentId, CancellationToken ct)
    {
        var document = await access.DocumentAsync(me, documentId, DocumentRight.Read, ct);
        if (document is null)
        {
            return null;
        }

        return await db.Set<DocVersion>().AsNoTracking().Where(v => v.DocumentId == documentId).OrderByDescending(v => v.Number)
            .Select(v => new VersionItem(v.Id, v.Number, v.Length, v.ContentType, v.Sha256, v.UploadedBy, v.UploadedAt, v.Id == document.CurrentVersionId))
            .ToListAsync(ct);
    }

    public async Task<Outcome<VersionItem>> UploadAsync(UserContext me, Guid documentId, string? contentType, Stream content, long? declaredLength, long? atMost, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await ContributedAsync(me, documentId, ct);
        if (document is null)
        {
            return Outcome.NotFound<VersionItem>();
        }

        return await contents.StoreAsync(document.OwnerId, content, declaredLength, atMost, async (blob, c) =>
            (Outcome<VersionItem>)await AddAsync(me, document, blob, await contents.TypeOfAsync(blob.Key, contentType, c), c), ct);
    }

    /// <summary>Makes an older version the newest again (a new version over its content).</summary>
    public async Task<Outcome<VersionItem>> RestoreAsync(UserContext me, Guid documentId, Guid versionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var document = await ContributedAsync(me, documentId, ct);
        var old = document is null ? null : await db.Set<DocVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.DocumentId == documentId, ct);
        if (document is null || old is null)
        {
            return Outcome.NotFound<VersionItem>();
        }

        return await contents.ReferenceAsync(document.OwnerId, old.BlobKey, old.Length, async c =>
            (Outcome<VersionItem>)await AddAsync(me, document, new StoredBlob(old.BlobKey, old.Length, old.Sha256), old.ContentType, c), ct);
    }

    // The owner, or a contributor (on the document or a folder above it): the new version counts in the owner's quota.
    private Task<DocDocument?> ContributedAsync(UserContext me, Guid documentId, CancellationToken ct) =>
        access.DocumentAsync(me, documentId, DocumentRight.Contrib, ct, tracked: true);

    private async Task<VersionItem> AddAsync(UserContext me, DocDocument document, StoredBlob blob, string contentType, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var number = await db.Set<DocVersion>().Where(v => v.DocumentId == document.Id).MaxAsync(v => v.Number, ct) + 1;
        var version = new DocVersion
        {
            Id = Guid.CreateVersion7(now), DocumentId = document.Id, Number = number, BlobKey = blob.Key, Length = blob.Length,
            Sha256 = blob.Sha256, ContentType = contentType, UploadedBy = me.Id, UploadedAt = now,
        };
        db.Add(version);
        document.CurrentVersionId = version.Id;
        document.VersionNumber = number;
        document.Length = blob.Length;
        document.ContentType = contentType;
        document.UpdatedAt = now;
        var thumbnail = document.ThumbnailKey;
        document.ThumbnailKey = null;
        await db.SaveChangesAsync(ct);
        await previews.ReplacedAsync(thumbnail, version, ct);
        return new VersionItem(version.Id, number, blob.Length, contentType, blob.Sha256, me.Id, now, true);
    }
}
