using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Preau.Platform.Files;

namespace Preau.UnitTests.Files;

public sealed class FileResponseTests
{
    private static readonly byte[] Gif = Encoding.Latin1.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000<html><script>alert(1)</script></html>");

    [Theory]
    [InlineData("rapport.pdf", false, "attachment; filename=\"rapport.pdf\"; filename*=UTF-8''rapport.pdf")]
    [InlineData("Réunion d’été.pdf", true, "inline; filename=\"Reunion d_ete.pdf\"; filename*=UTF-8''R%C3%A9union%20d%E2%80%99%C3%A9t%C3%A9.pdf")]
    [InlineData("a\"b\\c.txt", false, "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt")]
    [InlineData("x\r\nSet-Cookie: a=b.txt", false, "attachment; filename=\"xSet-Cookie: a=b.txt\"; filename*=UTF-8''xSet-Cookie%3A%20a%3Db.txt")]
    [InlineData("rapport\u202Efdp.exe", false, "attachment; filename=\"rapportfdp.exe\"; filename*=UTF-8''rapportfdp.exe")]
    [InlineData("🎉 fête;x=1.png", false, "attachment; filename=\"_ fete;x=1.png\"; filename*=UTF-8''%F0%9F%8E%89%20f%C3%AAte%3Bx%3D1.png")]
    [InlineData("", false, "attachment; filename=\"fichier\"; filename*=UTF-8''fichier")]
    [InlineData(null, false, "attachment; filename=\"fichier\"; filename*=UTF-8''fichier")]
    public void Names_are_encoded_both_ways_and_never_break_the_header(string? name, bool inline, string expected)
    {
        var header = FileResponse.ContentDisposition(name, inline);
        Assert.Equal(expected, header);
        Assert.DoesNotContain('\r', header);
        Assert.DoesNotContain('\n', header);
        Assert.All(header, c => Assert.InRange(c, ' ', '~'));
        Assert.True(ContentDispositionHeaderValue.TryParse(header, out var parsed));
        Assert.Equal(string.IsNullOrEmpty(name) ? "fichier" : name.Replace("\r\n", "", StringComparison.Ordinal).Replace("\u202E", "", StringComparison.Ordinal), parsed.FileNameStar.ToString());
    }

    [Fact]
    public void Every_policy_sandboxes_or_forbids_everything_but_what_the_kind_needs()
    {
        foreach (var kind in Enum.GetValues<FileKind>())
        {
            Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'none'", FileResponse.ContentSecurityPolicy(kind, inline: false));
        }

        Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'none'", FileResponse.ContentSecurityPolicy(FileKind.Unknown, inline: true));
        Assert.Equal("sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'", FileResponse.ContentSecurityPolicy(FileKind.Image, inline: true));
        Assert.Equal("sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'self'", FileResponse.ContentSecurityPolicy(FileKind.Audio, inline: true));
        Assert.Equal("sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'self'", FileResponse.ContentSecurityPolicy(FileKind.Video, inline: true));
        Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'self'", FileResponse.ContentSecurityPolicy(FileKind.Pdf, inline: true));
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", true)]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", true)]
    [InlineData("PK\u0003\u0004 zip", false)]
    public async Task Html_svg_and_unknown_content_are_downloads_even_when_asked_inline(string content, bool inline)
    {
        var http = await RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(content)), "page.html", inline);
        Assert.Equal("application/octet-stream", http.Response.ContentType);
        Assert.StartsWith("attachment;", http.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", http.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'none'", http.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("DENY", http.Response.Headers.XFrameOptions.ToString());
        Assert.Equal(content, Encoding.UTF8.GetString(Body(http)));
    }

    [Fact]
    public async Task A_polyglot_is_an_image_attachment_and_inline_only_when_asked()
    {
        var attached = await RunAsync(new MemoryStream(Gif), "x.gif", inline: false);
        Assert.Equal("image/gif", attached.Response.ContentType);
        Assert.StartsWith("attachment;", attached.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);

        var shown = await RunAsync(new MemoryStream(Gif), "x.gif", inline: true);
        Assert.Equal("image/gif", shown.Response.ContentType);
        Assert.StartsWith("inline;", shown.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        Assert.Equal("sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'", shown.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", shown.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal(Gif, Body(shown));
    }

    [Fact]
    public async Task Seekable_content_answers_a_range_and_other_content_is_sent_whole()
    {
        var mp3 = new byte[1000];
        "ID3"u8.CopyTo(mp3);
        for (var i = 3; i < mp3.Length; i++)
        {
            mp3[i] = (byte)i;
        }

        var ranged = await RunAsync(new MemoryStream(mp3), "chanson.mp3", inline: true, range: "bytes=100-199");
        Assert.Equal(StatusCodes.Status206PartialContent, ranged.Response.StatusCode);
        Assert.Equal("audio/mpeg", ranged.Response.ContentType);
        Assert.Equal("bytes 100-199/1000", ranged.Response.Headers.ContentRange.ToString());
        Assert.Equal(mp3[100..200], Body(ranged));
        Assert.Equal("sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'self'", ranged.Response.Headers.ContentSecurityPolicy.ToString());

        // A stream that cannot seek: the first bytes read to sniff it are sent, then the rest.
        var whole = await RunAsync(new ForwardOnlyStream(mp3), "chanson.mp3", inline: true, range: "bytes=100-199");
        Assert.Equal(StatusCodes.Status200OK, whole.Response.StatusCode);
        Assert.Equal("audio/mpeg", whole.Response.ContentType);
        Assert.Equal(mp3, Body(whole));
    }

    [Fact]
    public async Task A_whole_file_larger_than_one_copy_buffer_is_sent_byte_for_byte_with_its_length_and_ranges_offered()
    {
        var pdf = new byte[(600 * 1024) + 17];
        Random.Shared.NextBytes(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);

        var whole = await RunAsync(new MemoryStream(pdf), "cours.pdf", inline: false);
        Assert.Equal(StatusCodes.Status200OK, whole.Response.StatusCode);
        Assert.Equal("application/pdf", whole.Response.ContentType);
        Assert.Equal(pdf.Length, whole.Response.ContentLength);
        Assert.Equal("bytes", whole.Response.Headers.AcceptRanges.ToString());
        Assert.Equal(pdf, Body(whole));
        Assert.Equal("nosniff", whole.Response.Headers.XContentTypeOptions.ToString());

        // HEAD: the same headers, no body.
        var head = await RunAsync(new MemoryStream(pdf), "cours.pdf", inline: false, method: "HEAD");
        Assert.Equal(pdf.Length, head.Response.ContentLength);
        Assert.Empty(Body(head));
    }

    private static async Task<DefaultHttpContext> RunAsync(Stream content, string name, bool inline, string? range = null, string method = "GET")
    {
        var http = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        http.Request.Method = method;
        if (range is not null)
        {
            http.Request.Headers.Range = range;
        }

        http.Response.Body = new MemoryStream();
        await FileResponse.From(content, name, inline).ExecuteAsync(http);
        return http;
    }

    private static byte[] Body(HttpContext http) => ((MemoryStream)http.Response.Body).ToArray();

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
