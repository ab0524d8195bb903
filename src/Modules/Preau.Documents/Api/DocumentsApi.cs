using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Documents.Domain;
using Preau.Documents.Features.Browse;
using Preau.Documents.Features.Download;
using Preau.Documents.Features.Files;
using Preau.Documents.Features.Folders;
using Preau.Documents.Features.Versions;
using Preau.Documents.Resources;
using Preau.Platform.Api;
using Preau.Platform.Kernel;
using Preau.Platform.Rights;
using Preau.Platform.Security;
using Preau.Platform.Storage;
using static Preau.Documents.Api.DocumentsApiModels;

namespace Preau.Documents.Api;

/// <summary>
/// The document space's API, for the holder of the documents right: the same use cases as the
/// pages. A document, version or folder the caller may not see answers 404, as a guessed id does;
/// bad input answers problem details in the caller's language. The root folder is the empty id
/// (00000000-0000-0000-0000-000000000000), or no folder at all where a folder is optional.
/// Uploads are multipart, streamed, with the antiforgery token in the X-CSRF-TOKEN header.
/// </summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/documents").WithTags("Documents").RequireAuthorization().RequireAppRight(DocumentsModule.AccessRight);
        MapBrowsing(api);
        MapFolders(api);
        MapFiles(api);
        MapVersions(api);
        MapTrash(api);
        return endpoints;
    }

    private static void MapBrowsing(RouteGroupBuilder api)
    {
        api.MapGet("", async Task<Results<Ok<ListingResponse>, NotFound, ValidationProblem>> (Guid? folder, string? sort, string? order, string? q, int? page, string? after, int? size,
                CurrentUser currentUser, ListFolder list, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
            {
                if (!Enum.TryParse<DocumentSort>(string.IsNullOrEmpty(sort) ? nameof(DocumentSort.Name) : sort, ignoreCase: true, out var by) || !Enum.IsDefined(by))
                {
                    return ApiProblems.Validation(new Dictionary<string, string[]> { ["Sort"] = ["Error.Sort"] }, s);
                }

                var me = await currentUser.RequireAsync(ct);
                var descending = string.Equals(order, "desc", StringComparison.OrdinalIgnoreCase);
                var listing = string.IsNullOrEmpty(after)
                    ? await list.ListAsync(me, folder ?? DocFolder.Root, by, descending, q, page ?? 1, size, ct)
                    : await list.ListAfterAsync(me, folder ?? DocFolder.Root, by, descending, q, after, size, ct);
                return listing is null ? TypedResults.NotFound() : TypedResults.Ok(ListingResponse.Of(listing));
            })
            .WithName("DocumentsList")
            .WithSummary("A page of a folder (folder: its id; the root when absent): its path, its subfolders (first page only), then its documents sorted by sort = name (accents and case aside), date or size, order = asc (default) or desc; page from 1, or after = the next cursor of the page before (same folder, sort, order and q: deep pages cost what the first does; page is 0 then); size 1 to 200 (50 by default). q searches names across the caller's space instead. 404 when the folder is not the caller's.");

        api.MapGet("/folders", async (CurrentUser currentUser, ManageFolders folders, CancellationToken ct) =>
                TypedResults.Ok(new TreeResponse(await folders.TreeAsync(await currentUser.RequireAsync(ct), ct))))
            .WithName("DocumentsFolderTree")
            .WithSummary("Every folder of the caller's space in place, parents before their children (for a move dialog or a picker).");

        api.MapGet("/usage", async (CurrentUser currentUser, StorageQuota quota, IOptions<DocumentsOptions> options, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var status = await quota.StatusAsync(me.Id, ct) ?? new StorageStatus(0, quota.QuotaOf(me));
                return TypedResults.Ok(new UsageResponse(status.UsedBytes, status.QuotaBytes, status.Percent, status.IsNearlyFull, status.IsFull, options.Value.MaxFileBytes));
            })
            .WithName("DocumentsUsage")
            .WithSummary("How much of their storage quota the caller uses (nearlyFull from 80 %), and the largest file allowed.");
    }

    private static void MapFolders(RouteGroupBuilder api)
    {
        api.MapPost("/folders", async Task<Results<Created<FolderItem>, NotFound, ValidationProblem>> (FolderRequest request, CurrentUser currentUser, ManageFolders folders,
                IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.Created(await folders.CreateAsync(await currentUser.RequireAsync(ct), request.ParentId ?? DocFolder.Root, request.Name, ct), s,
                    f => $"/api/v1/documents?folder={f.Id}"))
            .WithName("DocumentsCreateFolder")
            .WithSummary("Creates a folder in one of the caller's folders (parentId; the root when absent); a name already there gets \" (2)\". 400 for a refused name, 404 when the parent is not the caller's.");

        api.MapPatch("/folders/{id:guid}", async Task<Results<Ok<FolderItem>, NotFound, ValidationProblem>> (Guid id, ChangeRequest request, CurrentUser currentUser,
                ManageFolders folders, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return ApiResults.Ok(await ChangeAsync(request.Name, request.ParentId, name => folders.RenameAsync(me, id, name, ct), place => folders.MoveAsync(me, id, place, ct)), s);
            })
            .WithName("DocumentsChangeFolder")
            .WithSummary("Renames (name: refused when taken there) and/or moves (parentId; the empty id for the root: never into itself or under itself) one of the caller's folders. 404 when it is not theirs.");

        api.MapPost("/folders/{id:guid}/copy", async Task<Results<Created<FolderItem>, NotFound, ValidationProblem>> (Guid id, CopyRequest request, CurrentUser currentUser,
                CopyFolder copy, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.Created(await copy.CopyAsync(await currentUser.RequireAsync(ct), id, request.FolderId ?? DocFolder.Root, ct), s, f => $"/api/v1/documents?folder={f.Id}"))
            .WithName("DocumentsCopyFolder")
            .WithSummary("Copies a folder the caller may read, with its subfolders and documents in place, into one of their folders (folderId; the root when absent): no byte copied, the total counted in the caller's quota, all or nothing. 400 when it does not fit, holds more than the copy limit or would go into itself; 404 when either is not theirs to use.");

        api.MapGet("/folders/{id:guid}/zip", async Task<Results<EmptyHttpResult, NotFound>> (Guid id, HttpContext http, CurrentUser currentUser, ZipFolder zip,
                IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
            {
                var plan = await zip.PlanAsync(await currentUser.RequireAsync(ct), id, s["Root"], ct);
                if (plan is null)
                {
                    return TypedResults.NotFound();
                }

                ServeDocument.Headers(http.Response, plan.FileName, "application/zip");
                await zip.WriteAsync(plan, http.Response.Body, ct);
                return TypedResults.Empty;
            })
            .WithName("DocumentsDownloadFolder")
            .WithSummary("A folder (the empty id: the whole space) with everything in place under it as a ZIP archive, streamed; names made safe and unique inside. 404 when the folder is not the caller's.");
    }

    private static void MapFiles(RouteGroupBuilder api)
    {
        api.MapPost("/files", async Task<IResult> (Guid? folder, HttpContext http, CurrentUser currentUser, UploadDocument upload,
                IOptions<DocumentsOptions> options, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                var limits = options.Value;
                if (await StreamedUploads.CheckAsync(http, limits.MaxFileBytes * limits.MaxFilesPerUpload) is var refusal and not StreamedUploads.Refusal.None)
                {
                    return Refused(s, refusal);
                }

                var files = new List<UploadedFile>();
                var missing = false;
                await StreamedUploads.ReadAsync(http.Request, async (name, type, content) =>
                {
                    if (files.Count == limits.MaxFilesPerUpload)
                    {
                        files.Add(new UploadedFile(name, null, s["Error.TooManyFiles"].Value));
                        return false;
                    }

                    var outcome = await upload.UploadAsync(me, folder ?? DocFolder.Root, name, type, content, null, http.Request.ContentLength, ct);
                    missing |= !outcome.Found;
                    files.Add(new UploadedFile(name, outcome.Value, outcome.Errors is { } errors ? s[errors.Values.First()[0]].Value : null));
                    return outcome.Found;
                }, ct);

                if (missing)
                {
                    return TypedResults.NotFound();
                }

                if (files.Count == 0)
                {
                    return Problem(s, "Error.NoFile", StatusCodes.Status400BadRequest);
                }

                if (files.All(f => f.Error is null))
                {
                    return TypedResults.Created($"/api/v1/documents?folder={folder ?? DocFolder.Root}", new UploadResponse([.. files.Select(f => f.Document!)]));
                }

                var first = files.First(f => f.Error is not null).Error!;
                var full = files.Any(f => f.Error == s["Error.QuotaFull"].Value || f.Error == s["Error.TooLarge"].Value);
                return TypedResults.Problem(title: s["Error.Title"], detail: first, statusCode: full ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["files"] = files });
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("DocumentsUpload")
            .WithSummary("Uploads one or several files (multipart parts with a file name) into one of the caller's folders (folder; the root when absent), streamed; the antiforgery token in the X-CSRF-TOKEN header. A name already there gets \" (2)\". 201 with the documents; otherwise problem details (413 for a file over the limit or the quota, 400 for an empty file or a refused name) whose files list each file's document or error: refused files leave nothing behind. 404 when the folder is not the caller's.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<DocumentItem>, NotFound>> (Guid id, CurrentUser currentUser, ListFolder list, CancellationToken ct) =>
                await list.DocumentAsync(await currentUser.RequireAsync(ct), id, ct) is { } document ? TypedResults.Ok(document) : TypedResults.NotFound())
            .WithName("DocumentsGet")
            .WithSummary("A document the caller may read: name, folder, type, length, version number, dates. 404 otherwise.");

        api.MapGet("/{id:guid}/content", async Task<Results<EmptyHttpResult, NotFound>> (Guid id, HttpContext http, CurrentUser currentUser, ServeDocument serve, CancellationToken ct) =>
                await Send(http, await serve.OpenAsync(await currentUser.RequireAsync(ct), id, null, ct), ct))
            .WithName("DocumentsDownload")
            .WithSummary("The document's current content, streamed, always as an attachment (application/octet-stream, nosniff, a sandboxing CSP). 404 when the caller may not read it.");

        api.MapPatch("/{id:guid}", async Task<Results<Ok<DocumentItem>, NotFound, ValidationProblem>> (Guid id, ChangeRequest request, CurrentUser currentUser,
                OrganizeDocuments organize, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                return ApiResults.Ok(await ChangeAsync(request.Name, request.FolderId, name => organize.RenameAsync(me, id, name, ct), place => organize.MoveAsync(me, id, place, ct)), s);
            })
            .WithName("DocumentsChange")
            .WithSummary("Renames (name: refused when taken in its folder) and/or moves (folderId; the empty id for the root: a name already there gets \" (2)\") one of the caller's documents. 404 when it is not theirs.");

        api.MapPost("/{id:guid}/copy", async Task<Results<Created<DocumentItem>, NotFound, ValidationProblem>> (Guid id, CopyRequest request, CurrentUser currentUser,
                OrganizeDocuments organize, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.Created(await organize.CopyAsync(await currentUser.RequireAsync(ct), id, request.FolderId ?? DocFolder.Root, ct), s, d => $"/api/v1/documents/{d.Id}"))
            .WithName("DocumentsCopy")
            .WithSummary("Copies a document the caller may read into one of their folders (folderId; the root when absent): the same content, no byte copied, counted in the caller's quota (413-like refusal as a validation problem when full). 404 when either is not theirs to use.");
    }

    private static void MapVersions(RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/versions", async Task<Results<Ok<IReadOnlyList<VersionItem>>, NotFound>> (Guid id, CurrentUser currentUser, DocumentVersions versions, CancellationToken ct) =>
                await versions.ListAsync(await currentUser.RequireAsync(ct), id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound())
            .WithName("DocumentsListVersions")
            .WithSummary("A document's versions, newest first (current marks the one a download gives). 404 when the caller may not read it.");

        api.MapPost("/{id:guid}/versions", async Task<IResult> (Guid id, HttpContext http, CurrentUser currentUser, DocumentVersions versions,
                IOptions<DocumentsOptions> options, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                if (await StreamedUploads.CheckAsync(http, options.Value.MaxFileBytes) is var refusal and not StreamedUploads.Refusal.None)
                {
                    return Refused(s, refusal);
                }

                Outcome<VersionItem>? outcome = null;
                await StreamedUploads.ReadAsync(http.Request, async (_, type, content) =>
                {
                    outcome = await versions.UploadAsync(me, id, type, content, null, http.Request.ContentLength, ct);
                    return false;
                }, ct);

                return outcome switch
                {
                    null => Problem(s, "Error.NoFile", StatusCodes.Status400BadRequest),
                    { Found: false } => TypedResults.NotFound(),
                    { Errors: { } errors } => Problem(s, errors.Values.First()[0], errors.Values.First()[0] is "Error.QuotaFull" or "Error.TooLarge"
                        ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest),
                    _ => TypedResults.Created($"/api/v1/documents/{id}/versions/{outcome.Value!.Id}/content", outcome.Value),
                };
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("DocumentsUploadVersion")
            .WithSummary("Uploads a new version of one of the caller's documents (one multipart file part, streamed; the antiforgery token in the X-CSRF-TOKEN header): it becomes the current one. 413 over the limit or the quota, 400 when empty, 404 when the document is not theirs.");

        api.MapGet("/{id:guid}/versions/{versionId:guid}/content", async Task<Results<EmptyHttpResult, NotFound>> (Guid id, Guid versionId, HttpContext http, CurrentUser currentUser,
                ServeDocument serve, CancellationToken ct) =>
                await Send(http, await serve.OpenAsync(await currentUser.RequireAsync(ct), id, versionId, ct), ct))
            .WithName("DocumentsDownloadVersion")
            .WithSummary("One version's content, streamed as an attachment. 404 when the caller may not read the document or the version is not one of its own.");

        api.MapPost("/{id:guid}/versions/{versionId:guid}/restore", async Task<Results<Ok<VersionItem>, NotFound, ValidationProblem>> (Guid id, Guid versionId,
                CurrentUser currentUser, DocumentVersions versions, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await versions.RestoreAsync(await currentUser.RequireAsync(ct), id, versionId, ct), s))
            .WithName("DocumentsRestoreVersion")
            .WithSummary("Makes an older version of one of the caller's documents the newest again (a new version over the same content, counted in the quota). 404 when it is not theirs.");
    }

    private static void MapTrash(RouteGroupBuilder api)
    {
        api.MapGet("/trash", async (CurrentUser currentUser, DocumentTrash trash, CancellationToken ct) =>
                TypedResults.Ok(await trash.ListAsync(await currentUser.RequireAsync(ct), ct)))
            .WithName("DocumentsTrash")
            .WithSummary("The caller's trash: the folders and the documents put there, newest first.");

        api.MapDelete("/trash", async (CurrentUser currentUser, DocumentTrash trash, CancellationToken ct) =>
                TypedResults.Ok(new EmptiedResponse(await trash.EmptyAsync(await currentUser.RequireAsync(ct), ct))))
            .WithName("DocumentsEmptyTrash")
            .WithSummary("Deletes for good everything in the caller's trash (with what trashed folders hold): the content's room goes back to the quota. Answers how many documents went.");

        api.MapPost("/{id:guid}/trash", async (Guid id, CurrentUser currentUser, DocumentTrash trash, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await trash.TrashDocumentAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("DocumentsTrashDocument")
            .WithSummary("Puts one of the caller's documents in the trash. 404 when it is not theirs or already there.");

        api.MapPost("/{id:guid}/restore", async (Guid id, CurrentUser currentUser, DocumentTrash trash, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await trash.RestoreDocumentAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("DocumentsRestoreDocument")
            .WithSummary("Takes one of the caller's documents out of the trash, back to its folder (the root when that folder is gone or trashed; \" (2)\" when its name is taken). 404 when it is not in their trash.");

        api.MapDelete("/{id:guid}", async (Guid id, CurrentUser currentUser, DocumentTrash trash, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await trash.DeleteDocumentAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("DocumentsDelete")
            .WithSummary("Deletes one of the caller's documents for good, with all its versions: their room goes back to the quota. 404 when it is not theirs.");

        api.MapPost("/folders/{id:guid}/trash", async (Guid id, CurrentUser currentUser, DocumentTrash trash, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await trash.TrashFolderAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("DocumentsTrashFolder")
            .WithSummary("Puts one of the caller's folders in the trash, with what it holds. 404 when it is not theirs or already there.");

        api.MapPost("/folders/{id:guid}/restore", async (Guid id, CurrentUser currentUser, DocumentTrash trash, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.Ok(await trash.RestoreFolderAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("DocumentsRestoreFolder")
            .WithSummary("Takes one of the caller's folders out of the trash, back under its parent (the root when that is gone or trashed). 404 when it is not in their trash.");

        api.MapDelete("/folders/{id:guid}", async (Guid id, CurrentUser currentUser, DocumentTrash trash, IStringLocalizer<DocumentStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await trash.DeleteFolderAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("DocumentsDeleteFolder")
            .WithSummary("Deletes one of the caller's folders for good, with every folder and document in place under it. 404 when it is not theirs.");
    }

    /// <summary>A PATCH: the rename when a name is given, then the move when a place is (not after a refused name); a name is needed otherwise.</summary>
    private static async Task<Outcome<T>> ChangeAsync<T>(string? name, Guid? place, Func<string?, Task<Outcome<T>>> rename, Func<Guid, Task<Outcome<T>>> move)
    {
        var outcome = name is null ? null : await rename(name);
        if (place is { } target && outcome is not { Found: true, Errors: not null })
        {
            outcome = await move(target);
        }

        return outcome ?? await rename(null);
    }

    private static async Task<Results<EmptyHttpResult, NotFound>> Send(HttpContext http, ServeDocument.Download? download, CancellationToken ct)
    {
        if (download is null)
        {
            return TypedResults.NotFound();
        }

        await ServeDocument.WriteAsync(http.Response, download, ct);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult Refused(IStringLocalizer<DocumentStrings> s, StreamedUploads.Refusal refusal) =>
        Problem(s, refusal == StreamedUploads.Refusal.Antiforgery ? "Error.Antiforgery" : "Error.NoFile", StatusCodes.Status400BadRequest);

    private static ProblemHttpResult Problem(IStringLocalizer<DocumentStrings> s, string key, int status) =>
        TypedResults.Problem(title: s["Error.Title"], detail: s[key], statusCode: status);
}
