using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Preau.Platform.Files;

/// <summary>
/// The one way Préau answers a file download, whatever the module: the type sent is the one the
/// first bytes prove (<see cref="FileSniffer"/>) or <c>application/octet-stream</c>; the file is
/// an attachment unless the caller asks for it inline AND it is an image, a PDF, audio or video;
/// HTML and SVG are therefore always downloaded. Every answer carries <c>nosniff</c> and a
/// sandboxing Content-Security-Policy (which <c>SecurityHeaders</c> keeps), and seekable content
/// answers range requests (audio and video seek through them).
/// </summary>
public static class FileResponse
{
    /// <summary>
    /// The response for <paramref name="content"/> (the result disposes it). Authorization is the
    /// caller's business: call this only once the person may read the file.
    /// </summary>
    /// <param name="content">The file's content, from its start (an <c>IBlobStore</c> stream).</param>
    /// <param name="fileName">The name the person gave it (any characters: it is encoded, never trusted).</param>
    /// <param name="inline">Asked to show it in the page (a viewer): honoured only for the safe inline kinds.</param>
    public static IResult From(Stream content, string? fileName, bool inline = false) => new FileResult(content, fileName, inline);

    /// <summary>
    /// <c>attachment</c> or <c>inline</c>, with an ASCII <c>filename</c> fallback (quoted, no quote,
    /// backslash or control character) and the exact name as RFC 5987 <c>filename*=UTF-8''…</c>.
    /// </summary>
    public static string ContentDisposition(string? fileName, bool inline)
    {
        var name = CleanName(fileName);
        return string.Create(CultureInfo.InvariantCulture, $"{(inline ? "inline" : "attachment")}; filename=\"{AsciiFallback(name)}\"; filename*=UTF-8''{Rfc5987(name)}");
    }

    /// <summary>
    /// The policy for a file answer: nothing may run or load (<c>sandbox; default-src 'none'</c>),
    /// and no page may frame it, except that an inline image, audio or video may load itself and
    /// an inline one (a PDF in the browser's own viewer, too) may be framed by Préau's own viewer.
    /// </summary>
    public static string ContentSecurityPolicy(FileKind kind, bool inline) => (inline ? kind : FileKind.Unknown) switch
    {
        FileKind.Image => "sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'",
        FileKind.Audio or FileKind.Video => "sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'self'",
        FileKind.Pdf => "sandbox; default-src 'none'; frame-ancestors 'self'",
        _ => "sandbox; default-src 'none'; frame-ancestors 'none'",
    };

    /// <summary>The name with line breaks, control and format characters (a right-to-left override) taken out; never empty.</summary>
    private static string CleanName(string? fileName)
    {
        var builder = new StringBuilder(fileName?.Length ?? 0);
        foreach (var rune in (fileName ?? "").EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned))
            {
                builder.Append(rune.ToString());
            }
        }

        var name = builder.ToString().Trim();
        return name.Length == 0 ? "fichier" : name;
    }

    /// <summary>Letters without their accents, other non-ASCII characters, quotes and backslashes as "_".</summary>
    private static string AsciiFallback(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(rune.Value is >= ' ' and <= '~' and not '"' and not '\\' ? (char)rune.Value : '_');
        }

        return builder.ToString();
    }

    /// <summary>UTF-8 bytes, every one outside RFC 5987's attr-char percent-encoded.</summary>
    private static string Rfc5987(string name)
    {
        var builder = new StringBuilder(name.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)'-' or (byte)'.'
                or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private sealed class FileResult(Stream content, string? fileName, bool inline) : IResult
    {
        /// <summary>What a whole-file answer reads and writes at a time.</summary>
        private const int CopyBufferBytes = 256 * 1024;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            await using var owned = content;
            var ct = httpContext.RequestAborted;
            var seekable = content.CanSeek;
            var start = seekable ? content.Position : 0;
            var head = await FileSniffer.ReadHeadAsync(content, ct);
            Stream body = content;
            if (seekable)
            {
                content.Position = start;
            }
            else
            {
                body = new PrefixedStream(head, content);
            }

            var sniffed = FileSniffer.Sniff(head);
            var kind = sniffed?.Kind ?? FileKind.Unknown;
            var shown = inline && kind != FileKind.Unknown;
            var headers = httpContext.Response.Headers;
            headers.ContentDisposition = ContentDisposition(fileName, shown);
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy(kind, shown);
            headers.XFrameOptions = shown ? "SAMEORIGIN" : "DENY";
            headers.CacheControl = "private, no-store";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";

            var mediaType = sniffed?.MediaType ?? FileSniffer.OctetStream;
            if (!HttpMethods.IsGet(httpContext.Request.Method) || httpContext.Request.Headers.ContainsKey(HeaderNames.Range))
            {
                // The framework's stream result answers Range and If-Range (206, 416) on seekable content, and HEAD.
                await TypedResults.Stream(body, mediaType, enableRangeProcessing: seekable).ExecuteAsync(httpContext);
                return;
            }

            // The whole file: the same answer, copied in larger pieces than the framework's 64 KB.
            var response = httpContext.Response;
            response.ContentType = mediaType;
            if (seekable)
            {
                response.ContentLength = content.Length - start;
                headers.AcceptRanges = "bytes";
            }

            await CopyAsync(body, response, ct);
        }

        private static async Task CopyAsync(Stream body, HttpResponse response, CancellationToken ct)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferBytes);
            try
            {
                await response.StartAsync(ct);
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, CopyBufferBytes), ct)) > 0)
                {
                    await response.Body.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>The first bytes already read, then the rest of a stream that cannot seek back.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsSpan(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsMemory(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
