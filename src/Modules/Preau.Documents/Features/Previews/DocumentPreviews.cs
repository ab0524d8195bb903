using Microsoft.EntityFrameworkCore;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Previews;

/// <summary>
/// Thumbnails of the pictures of the space: asked of the platform's <c>files.thumbnail</c> job when
/// a picture arrives (an upload, a copy, a new or restored version), kept on the document as its
/// current version's (<see cref="DocDocument.ThumbnailKey"/>, one reference), given back when a new
/// version replaces it or the document is deleted for good. Only a type the bytes proved a raster
/// image is asked for: an SVG never is.
/// </summary>
public sealed class DocumentPreviews(PreauDbContext db, DocumentAccess access, Thumbnails thumbnails, BlobRegistry blobs, IBlobStore store)
{
    /// <summary>The name of the space's thumbnail target; the reference is the version's id.</summary>
    public const string Target = "documents.version";

    /// <summary>Asks for the thumbnail of a version just saved when it is a picture.</summary>
    public async Task AskAsync(DocVersion version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (FileSniffer.KindOf(version.ContentType) == FileKind.Image)
        {
            await thumbnails.EnqueueAsync(version.BlobKey, Target, version.Id.ToString(), ct);
        }
    }

    /// <summary>A new version became the current one: the former thumbnail goes, the new one is asked for.</summary>
    public async Task ReplacedAsync(string? formerThumbnail, DocVersion version, CancellationToken ct)
    {
        if (formerThumbnail is not null)
        {
            await blobs.ReleaseAsync(formerThumbnail, ct);
        }

        await AskAsync(version, ct);
    }

    /// <summary>The thumbnail of a document one may read, when it has one; null otherwise (404).</summary>
    public async Task<Stream?> OpenAsync(UserContext me, Guid documentId, CancellationToken ct) =>
        await access.DocumentAsync(me, documentId, DocumentRight.Read, ct) is { ThumbnailKey: { } key } ? await store.OpenReadAsync(key, ct) : null;

    /// <summary>Gives back the thumbnails of documents deleted for good (their rows are gone in the caller's transaction).</summary>
    internal async Task ReleaseAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            await blobs.ReleaseAsync(key, ct);
        }
    }

    internal Task<List<string>> KeysOfAsync(IReadOnlyList<Guid> documentIds, CancellationToken ct) =>
        db.Set<DocDocument>().AsNoTracking().Where(d => documentIds.Contains(d.Id) && d.ThumbnailKey != null).Select(d => d.ThumbnailKey!).ToListAsync(ct);
}

/// <summary>
/// Receives the space's thumbnails from the job: kept on the document whose current version it
/// was made for, unless a newer version came meanwhile, the document is gone, or it has one already.
/// </summary>
internal sealed class DocumentThumbnailTarget(PreauDbContext db) : IThumbnailTarget
{
    public async Task<bool> ThumbnailMadeAsync(string reference, MadeThumbnail thumbnail, CancellationToken ct)
    {
        if (!Guid.TryParse(reference, out var versionId))
        {
            return false;
        }

        var document = await db.Set<DocDocument>().FirstOrDefaultAsync(d => d.CurrentVersionId == versionId, ct);
        if (document is null || document.ThumbnailKey is not null)
        {
            return false;
        }

        document.ThumbnailKey = thumbnail.Key;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
