using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Preau.Documents.Authorization;
using Preau.Documents.Domain;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Documents.Features.Download;

/// <summary>
/// Serves a document one may read (its current version, or a chosen one) as a download, streamed
/// from the store through the platform's <see cref="FileResponse"/>: an attachment of the type its
/// bytes prove (HTML and SVG as <c>application/octet-stream</c>), <c>nosniff</c> and a sandboxing
/// CSP, so that nothing uploaded ever runs from the application's origin.
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

    /// <summary>Writes the download to the response, streamed, through the platform's one file answer.</summary>
    public static async Task WriteAsync(HttpResponse response, Download download, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(download);
        ct.ThrowIfCancellationRequested();
        await FileResponse.From(download.Content, download.FileName).ExecuteAsync(response.HttpContext);
    }

    /// <summary>The headers of a download the space writes itself (a folder's ZIP), as the platform's file answer sets them.</summary>
    internal static void Headers(HttpResponse response, string fileName, string contentType)
    {
        response.ContentType = contentType;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.ContentSecurityPolicy] = FileResponse.ContentSecurityPolicy(FileKind.Unknown, inline: false);
        response.Headers[HeaderNames.CacheControl] = "private, no-store";
        response.Headers[HeaderNames.ContentDisposition] = FileResponse.ContentDisposition(fileName, inline: false);
    }
}
