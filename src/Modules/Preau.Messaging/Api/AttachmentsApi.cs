using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Preau.Messaging.Features.Attachments;
using Preau.Messaging.Features.Compose;
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
                IFormFile? file, CurrentUser currentUser, AttachFile attach, CancellationToken ct) =>
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

                await using var content = file.OpenReadStream();
                var outcome = await attach.AttachAsync(me, draftId.Value, file.FileName, file.ContentType, content, file.Length, inline == "1", ct);
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

        group.MapGet("/pieces/{id:guid}", async (Guid id, HttpContext http, CurrentUser currentUser, ServeAttachment serve, CancellationToken ct) =>
        {
            var me = await currentUser.RequireAsync(ct);
            var download = await serve.OpenAsync(me, id, ct);
            if (download is null)
            {
                return Results.NotFound();
            }

            await using var content = download.Content;
            var head = new byte[12];
            var read = 0;
            while (read < head.Length && await content.ReadAsync(head.AsMemory(read), ct) is var n and > 0)
            {
                read += n;
            }

            var image = ServeAttachment.ImageType(head.AsSpan(0, read));
            var response = http.Response;
            response.ContentType = image ?? "application/octet-stream";
            response.ContentLength = download.Length;
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
            response.Headers[HeaderNames.CacheControl] = "private, no-store";
            response.Headers[HeaderNames.ContentDisposition] = (image is null ? "attachment" : "inline") + "; filename*=UTF-8''" + Uri.EscapeDataString(download.FileName);
            await response.Body.WriteAsync(head.AsMemory(0, read), ct);
            await content.CopyToAsync(response.Body, ct);
            return Results.Empty;
        });

        group.MapGet("/destinataires", async ([FromQuery(Name = "q")] string? q, CurrentUser currentUser, RecipientSearch search, CancellationToken ct) =>
            Results.Json(await search.FindAsync(await currentUser.RequireAsync(ct), q, ct)));

        return endpoints;
    }
}
