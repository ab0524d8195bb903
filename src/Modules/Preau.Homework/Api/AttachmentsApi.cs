using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Preau.Homework.Features;
using Preau.Homework.Resources;
using Preau.Platform.Api;
using Preau.Platform.Files;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.Homework.Api;

/// <summary>
/// The documents joined to homework and lessons: the download the pages link to, and the API's
/// routes (attach documents of one's space by their ids, take one off, download). Whoever may not
/// read the entry — a guessed id, someone signed out — gets 404.
/// </summary>
internal static class AttachmentsApi
{
    public sealed record AttachRequest(IReadOnlyList<Guid>? DocumentIds);

    public sealed record AttachmentResponse(Guid Id, string Name, string ContentType, long Length, string Url)
    {
        public static AttachmentResponse Of(AttachmentView a) => new(a.Id, a.Name, a.ContentType, a.Length, $"/api/v1/homework/attachments/{a.Id}");

        public static IReadOnlyList<AttachmentResponse> All(IEnumerable<AttachmentView> files) => [.. files.Select(Of)];
    }

    /// <summary>
    /// <c>/cahier-de-textes/pieces/{id}</c>: the file, as every module serves one (<see cref="FileResponse"/>:
    /// its proven type, attachment unless <c>?voir=1</c> asks a picture or a PDF inline, nosniff, a
    /// sandbox, no store, ranges). Open to the request without a session only to answer 404 alike.
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HomeworkModule.Url + "/pieces/{id:guid}", async (Guid id, [FromQuery(Name = "voir")] string? view, CurrentUser currentUser,
                AppRights rights, HomeworkAttachments attachments, CancellationToken ct) =>
            {
                var me = await currentUser.GetAsync(ct);
                var file = me is not null && await rights.HoldsAsync(me, HomeworkModule.AccessRight, ct) ? await attachments.OpenAsync(me, id, ct) : null;
                return file is null ? Results.NotFound() : FileResponse.From(file.Content, file.Name, inline: view == "1");
            })
            .AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    public static void MapAttachments(RouteGroupBuilder api)
    {
        api.MapPost("/homework/{id:guid}/attachments", (Guid id, AttachRequest request, CurrentUser currentUser, HomeworkAttachments attachments,
                IStringLocalizer<HomeworkAttachmentStrings> s, CancellationToken ct) => AttachAsync(EntryKind.Homework, id, request, currentUser, attachments, s, ct))
            .WithName("HomeworkAttach")
            .WithSummary("A writer of the book joins documents of their space (documentIds, as the documents API gives them) to a homework: each holds the document's content as it is now, charged to the caller's storage quota; at most 10 per homework. 404 when one of the documents is not the caller's to read (nothing attached); 400 under a visa.");

        api.MapPost("/sessions/{id:guid}/attachments", (Guid id, AttachRequest request, CurrentUser currentUser, HomeworkAttachments attachments,
                IStringLocalizer<HomeworkAttachmentStrings> s, CancellationToken ct) => AttachAsync(EntryKind.Session, id, request, currentUser, attachments, s, ct))
            .WithName("HomeworkAttachToSession")
            .WithSummary("A writer of the book joins documents of their space to a lesson; as for a homework.");

        api.MapDelete("/attachments/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, CurrentUser currentUser, HomeworkAttachments attachments,
                IStringLocalizer<HomeworkAttachmentStrings> s, CancellationToken ct) =>
                ApiResults.NoContent(await attachments.RemoveAsync(await currentUser.RequireAsync(ct), id, ct), s))
            .WithName("HomeworkRemoveAttachment")
            .WithSummary("A writer of the book takes a document off its homework or lesson. 400 under a visa.");

        api.MapGet("/attachments/{id:guid}", async (Guid id, [FromQuery(Name = "voir")] string? view, CurrentUser currentUser, HomeworkAttachments attachments, CancellationToken ct) =>
            {
                var file = await attachments.OpenAsync(await currentUser.RequireAsync(ct), id, ct);
                return file is null ? Results.NotFound() : FileResponse.From(file.Content, file.Name, inline: view == "1");
            })
            .WithName("HomeworkAttachmentFile")
            .WithSummary("The file, for whoever reads its entry: the book's teachers, direction and inspector; for a homework, the pupils whose list shows it, their parents, their étude's animator. 404 for anyone else.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, NotFound, ValidationProblem>> AttachAsync(EntryKind kind, Guid id, AttachRequest request,
        CurrentUser currentUser, HomeworkAttachments attachments, IStringLocalizer<HomeworkAttachmentStrings> s, CancellationToken ct) =>
        ApiResults.Ok(await attachments.AttachAsync(await currentUser.RequireAsync(ct), kind, id, request.DocumentIds ?? [], ct), AttachmentResponse.All, s);
}
