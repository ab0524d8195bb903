using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Download;

/// <summary>
/// Serves a document one may read (its current version, or a chosen one) as a download, streamed
/// from the store: always <c>attachment</c>, <c>application/octet-stream</c>, <c>nosniff</c> and a
/// sandboxing CSP, so that nothing uploaded (HTML, SVG…) ever runs from the application's origin.
/// The one place that writes a document's bytes to a response (the platform's files piece may take
/// its place).
/// </summary>
public sealed class ServeDocument(PreauDbContext db, DocumentAccess access, IBlobStore store)
{
    public sealed record Download(string FileName, long Length, Stream Content);

    /// <summary>The content to send; null when the document (or that version of it) is not one the person may read.</summary>
    public async Task<Download?> OpenAsync(UserContext me, Guid documentId, Guid? versionId, CancellationToken ct)
    {
        var document = await access.DocumentAsync(me, documentId, DocumentRight.Read, ct);
        if (document is null)
        {
            return null;
        }

        var wanted = versionId ?? document.CurrentVersionId;
        var version = await db.Set<DocVersion>().AsNoTracking().Where(v => v.Id == wanted && v.DocumentId == documentId)
            .Select(v => new { v.BlobKey, v.Length }).FirstOrDefaultAsync(ct);
        var content = version is null ? null : await store.OpenReadAsync(version.BlobKey, ct);
        return content is null ? null : new Download(document.Name, version!.Length, content);
    }

    /// <summary>Writes the download to the response, streamed.</summary>
    public static async Task WriteAsync(HttpResponse response, Download download, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(download);
        await using var content = download.Content;
        Headers(response, download.FileName, "application/octet-stream");
        response.ContentLength = download.Length;
        await content.CopyToAsync(response.Body, ct);
    }

    /// <summary>The headers of any download of the space (a document, a folder's ZIP).</summary>
    internal static void Headers(HttpResponse response, string fileName, string contentType)
    {
        response.ContentType = contentType;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
    }
}
