using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Preau.Directory.Features;
using Preau.Platform.Security;

namespace Preau.Directory.Api;

/// <summary>
/// <c>/annuaire/photos/{userId}</c>: the thumbnail, to those who may see the person (404 for
/// anyone else), cached by the browser and revalidated by its ETag, never sniffed as anything
/// but an image.
/// </summary>
internal static class PhotoEndpoint
{
    public static void MapPhotos(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/annuaire/photos/{userId:guid}", async (Guid userId, HttpContext http, CurrentUser currentUser, ServePhoto serve, CancellationToken ct) =>
        {
            var viewer = await currentUser.RequireAsync(ct);
            var photo = await serve.HandleAsync(viewer.Id, userId, ct);
            if (photo is null)
            {
                return Results.NotFound();
            }

            var etag = new EntityTagHeaderValue($"\"{photo.Tag}\"");
            var headers = http.Response.Headers;
            headers.ETag = etag.ToString();
            // Private: a photo is for those who may see the person, never for a shared cache.
            headers.CacheControl = "private, max-age=86400";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentDisposition = "inline; filename=\"photo.jpg\"";
            var sent = http.Request.GetTypedHeaders().IfNoneMatch;
            if (sent.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(photo.Content, photo.ContentType);
        })
        .ExcludeFromDescription();
}
