using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Preau.Documents.Api;

/// <summary>
/// Reads a multipart upload straight from the request body, one file part after the other, each
/// handed on as a stream while it arrives: nothing is buffered whole, in memory or on disk (which
/// binding an <c>IFormFile</c> would do). The antiforgery token must come in the X-CSRF-TOKEN
/// header, checked before a byte of the body is read.
/// </summary>
internal static class StreamedUploads
{
    /// <summary>Slack over the files for the multipart envelope and its other fields.</summary>
    private const long Envelope = 64 * 1024;

    public enum Refusal
    {
        None,
        NotMultipart,
        Antiforgery,
    }

    public static async Task<Refusal> CheckAsync(HttpContext http, long maxBodyBytes)
    {
        var request = http.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
        {
            return Refusal.NotMultipart;
        }

        if (!request.Headers.ContainsKey("X-CSRF-TOKEN") || !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Refusal.Antiforgery;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes + Envelope;
        }

        return Refusal.None;
    }

    /// <summary>Calls <paramref name="file"/> for each file part (name, type, content) until it answers false.</summary>
    public static async Task ReadAsync(HttpRequest request, Func<string, string?, Stream, Task<bool>> file, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
            {
                continue;
            }

            var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (!await file(name ?? "", section.ContentType, section.Body))
            {
                return;
            }
        }
    }
}
