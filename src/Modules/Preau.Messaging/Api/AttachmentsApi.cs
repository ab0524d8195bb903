using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Preau.Messaging.Features.Attachments;
using Preau.Messaging.Features.Compose;
using Preau.Platform.Files;
using Preau.Platform.Rights;
using Preau.Platform.Security;

namespace Preau.Messaging.Api;

/// <summary>
/// The composer's endpoints: upload a file to one's draft, download an attachment, search the
/// people and groups one may write to. Same-site (session cookie and antiforgery), not the
/// public API.
/// </summary>
internal static class AttachmentsApi
{
    /// <summary>What an upload answers (the rich text editor reads <c>url</c>).</summary>
    public sealed record UploadResponse(string Url, Guid Id, string Name, long Size);

    /// <summary>Slack over the largest file for the multipart envelope and the form's other fields.</summary>
    private const long Envelope = 64 * 1024;

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var limits = endpoints.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var group = endpoints.MapGroup("/messagerie").RequireAuthorization().RequireAppRight(MessagingModule.AccessRight).ExcludeFromDescription();

        group.MapPost("/pieces", async (HttpContext http, [FromQuery(Name = "brouillon")] Guid? draftId, [FromQuery(Name = "inline")] string? inline,
                IFormFile? file, CurrentUser currentUser, AttachFile attach, WebImages webImages, CancellationToken ct) =>
            {
                var me = await currentUser.RequireAsync(ct);
                if (draftId is null)
                {
                    return Results.NotFound();
                }

                if (file is null)
                {
                    return Results.Problem(detail: await attach.DescribeAsync(me, "Error.EmptyFile", ct), statusCode: StatusCodes.Status400BadRequest);
                }

                // A picture of the text (the editor's upload) is made fit for the web: at most
                // 1600 px, upright, and without its metadata (a photo's GPS position). Anything
                // else, or a picture that cannot be read, is stored as it came.
                var web = inline == "1" ? await WebVersionAsync(file, webImages, ct) : null;
                await using var content = web is null ? file.OpenReadStream() : new MemoryStream(web.Bytes, writable: false);
                var outcome = web is null
                    ? await attach.AttachAsync(me, draftId.Value, file.FileName, file.ContentType, content, file.Length, inline == "1", ct)
                    : await attach.AttachAsync(me, draftId.Value, web.FileName(file.FileName), web.MediaType, content, web.Bytes.Length, inline: true, ct);
                if (!outcome.Found)
                {
                    return Results.NotFound();
                }

                if (!outcome.Succeeded)
                {
                    var key = outcome.Errors!.Values.SelectMany(v => v).First();
                    return Results.Problem(detail: await attach.DescribeAsync(me, key, ct),
                        statusCode: key == "Error.QuotaFull" || key.EndsWith("TooLarge", StringComparison.Ordinal) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
                }

                var a = outcome.Value!;
                return Results.Json(new UploadResponse(a.Url, a.Id, a.FileName, a.Length));
            })
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxAttachmentBytes + Envelope))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxAttachmentBytes + Envelope);

        // An image of the text is shown where the text puts it; "?voir=1" asks any other file
        // inline for the viewer. FileResponse decides whether the bytes allow it.
        group.MapGet("/pieces/{id:guid}", async (Guid id, [FromQuery(Name = "voir")] string? view, CurrentUser currentUser, ServeAttachment serve, CancellationToken ct) =>
        {
            var me = await currentUser.RequireAsync(ct);
            var download = await serve.OpenAsync(me, id, ct);
            return download is null ? Results.NotFound() : FileResponse.From(download.Content, download.FileName, inline: download.Inline || view == "1");
        });

        group.MapGet("/destinataires", async ([FromQuery(Name = "q")] string? q, CurrentUser currentUser, RecipientSearch search, CancellationToken ct) =>
            Results.Json(await search.FindAsync(await currentUser.RequireAsync(ct), q, ct)));

        return endpoints;
    }

    /// <summary>The web version of an uploaded picture, or null (not a picture Préau reads: stored as it came).</summary>
    private static async Task<WebImage?> WebVersionAsync(IFormFile file, WebImages webImages, CancellationToken ct)
    {
        await using var source = file.OpenReadStream();
        return await webImages.PrepareAsync(source, ct);
    }
}
