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
        if (!IsMultipart(http.Request))
        {
            return Refusal.NotMultipart;
        }

        if (!http.Request.Headers.ContainsKey("X-CSRF-TOKEN") || !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Refusal.Antiforgery;
        }

        Allow(http, maxBodyBytes);
        return Refusal.None;
    }

    /// <summary>
    /// A plain form post (no script): the antiforgery field must be the body's first part. It is read
    /// (a few bytes) and checked as the header would be; the reader then goes on to the files.
    /// </summary>
    public static async Task<(Refusal Refusal, MultipartReader? Reader)> OpenFormAsync(HttpContext http, long maxBodyBytes, CancellationToken ct)
    {
        if (!IsMultipart(http.Request))
        {
            return (Refusal.NotMultipart, null);
        }

        Allow(http, maxBodyBytes);
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        var field = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value.FormFieldName;
        var reader = Reader(http.Request);
        if (await reader.ReadNextSectionAsync(ct) is not { } first || !ContentDispositionHeaderValue.TryParse(first.ContentDisposition, out var disposition)
            || disposition.IsFileDisposition() || HeaderUtilities.RemoveQuotes(disposition.Name).Value != field)
        {
            return (Refusal.Antiforgery, null);
        }

        var buffer = new char[4096];
        using var text = new StreamReader(first.Body);
        var read = await text.ReadBlockAsync(buffer, ct);
        http.Request.Headers["X-CSRF-TOKEN"] = new string(buffer, 0, read);
        return await antiforgery.IsRequestValidAsync(http) ? (Refusal.None, reader) : (Refusal.Antiforgery, null);
    }

    private static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            && HeaderUtilities.RemoveQuotes(type.Boundary).Length > 0;

    private static void Allow(HttpContext http, long maxBodyBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBodyBytes + Envelope;
        }
    }

    /// <summary>
    /// What the multipart reader buffers at a time: its default (4 KB) makes a 200 MB file fifty
    /// thousand reads, each scanned for the boundary; 64 KB reads it in sixteen times fewer.
    /// </summary>
    private const int ReadBufferBytes = 64 * 1024;

    private static MultipartReader Reader(HttpRequest request) =>
        new(HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!, request.Body, ReadBufferBytes);

    /// <summary>Calls <paramref name="file"/> for each file part (name, type, content) until it answers false.</summary>
    public static Task ReadAsync(HttpRequest request, Func<string, string?, Stream, Task<bool>> file, CancellationToken ct) =>
        ReadAsync(Reader(request), file, ct);

    /// <summary>Goes on reading the file parts of <paramref name="reader"/> (after <see cref="OpenFormAsync"/>).</summary>
    public static async Task ReadAsync(MultipartReader reader, Func<string, string?, Stream, Task<bool>> file, CancellationToken ct)
    {
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
