using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// Attachments served through the platform's file response: HTML, SVG and a polyglot keep the
/// headers that stop a browser from running them, inline only when asked and proven, ranges for
/// audio; the message page offers "View" only for what the bytes proved viewable.
/// </summary>
public abstract class AttachmentViewTests(AttachmentApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Html = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
    private static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"u8.ToArray();
    private static readonly byte[] Polyglot = Encoding.Latin1.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0080\u0000\u0000/*<html><script>alert(3)</script></html>*/");
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private static byte[] Mp3()
    {
        var bytes = new byte[2000];
        "ID3"u8.CopyTo(bytes);
        for (var i = 3; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i % 251);
        }

        return bytes;
    }

    /// <summary>Claire writes to Sophie with these files (uploaded through the page's endpoint) and sends; their ids by name.</summary>
    private async Task<(Guid Message, Dictionary<string, Guid> Files)> SendWithAsync(params (string Name, byte[] Content, string Type)[] files)
    {
        var claireClient = await app.SignedInClientAsync(Personas.Claire);
        var claire = await app.MeAsync(Personas.Claire);
        var draft = (await app.DraftAsync(claire, MessagingData.To(await app.PersonAsync(Personas.Sophie)))).Value!.Id;
        var token = await PreauApp.AntiforgeryTokenAsync(claireClient, $"/messagerie/ecrire?brouillon={draft}");
        foreach (var (name, content, type) in files)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(file, "file", name);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/messagerie/pieces?brouillon={draft}") { Content = form };
            request.Headers.Add("X-CSRF-TOKEN", token);
            Assert.Equal(HttpStatusCode.OK, (await claireClient.SendAsync(request, Ct)).StatusCode);
        }

        Assert.True((await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(claire, draft, Ct))).Succeeded);
        var ids = await app.WithDbAsync(db => db.Set<MessageAttachment>().Where(a => a.MessageId == draft).ToDictionaryAsync(a => a.FileName, a => a.Id, Ct));
        return (draft, ids);
    }

    private static void AssertDownload(HttpResponseMessage response, string type)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task Html_svg_and_a_polyglot_come_back_with_headers_that_keep_them_from_running()
    {
        var (_, ids) = await SendWithAsync(("page.html", Html, "text/html"), ("dessin.svg", Svg, "image/svg+xml"), ("rire.gif", Polyglot, "image/gif"));
        var sophie = await app.SignedInClientAsync(Personas.Sophie);

        foreach (var name in new[] { "page.html", "dessin.svg" })
        {
            // Asked as a download or inline, whatever was declared: bytes, never a page.
            foreach (var query in new[] { "", "?voir=1" })
            {
                var response = await sophie.GetAsync($"/messagerie/pieces/{ids[name]}{query}", Ct);
                AssertDownload(response, "application/octet-stream");
                Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar);
            }
        }

        // The polyglot is what its first bytes prove, a GIF: sent as one (nosniff), a download by default…
        var gif = await sophie.GetAsync($"/messagerie/pieces/{ids["rire.gif"]}", Ct);
        AssertDownload(gif, "image/gif");
        Assert.Equal(Polyglot, await gif.Content.ReadAsByteArrayAsync(Ct));

        // …shown inline only when asked, sandboxed, framed only by Préau itself.
        var shown = await sophie.GetAsync($"/messagerie/pieces/{ids["rire.gif"]}?voir=1", Ct);
        Assert.Equal("image/gif", shown.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", shown.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("sandbox; default-src 'none'; img-src 'self'; frame-ancestors 'self'", shown.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", shown.Headers.GetValues("X-Frame-Options").Single());

        // What is kept beside them: the proven type, never the declared one.
        var types = await app.WithDbAsync(db => db.Set<MessageAttachment>().Where(a => ids.Values.Contains(a.Id)).ToDictionaryAsync(a => a.FileName, a => a.ContentType, Ct));
        Assert.Equal("application/octet-stream", types["page.html"]);
        Assert.Equal("application/octet-stream", types["dessin.svg"]);
        Assert.Equal("image/gif", types["rire.gif"]);
    }

    [Fact]
    public async Task Audio_answers_ranges_and_a_pdf_is_framed_by_the_viewer_only()
    {
        var mp3 = Mp3();
        var (_, ids) = await SendWithAsync(("chanson.mp3", mp3, "application/octet-stream"), ("menu.pdf", Pdf, "application/pdf"));
        var sophie = await app.SignedInClientAsync(Personas.Sophie);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/messagerie/pieces/{ids["chanson.mp3"]}?voir=1");
        ranged.Headers.Range = new RangeHeaderValue(500, 999);
        var part = await sophie.SendAsync(ranged, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("audio/mpeg", part.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bytes 500-999/2000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(mp3[500..1000], await part.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'self'", part.Headers.GetValues("Content-Security-Policy").Single());

        var pdf = await sophie.GetAsync($"/messagerie/pieces/{ids["menu.pdf"]}?voir=1", Ct);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", pdf.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sandbox; default-src 'none'; frame-ancestors 'self'", pdf.Headers.GetValues("Content-Security-Policy").Single());
        AssertDownload(await sophie.GetAsync($"/messagerie/pieces/{ids["menu.pdf"]}", Ct), "application/pdf");
    }

    [Fact]
    public async Task The_message_page_offers_view_for_proven_images_pdf_and_audio_and_shows_the_viewer()
    {
        var (message, ids) = await SendWithAsync(("page.html", Html, "text/html"), ("faux.png", Html, "image/png"), ("rire.gif", Polyglot, "image/gif"),
            ("menu.pdf", Pdf, "application/pdf"), ("chanson.mp3", Mp3(), "audio/mpeg"));
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var page = await sophie.GetStringAsync($"/messagerie/message/{message}", Ct);
        foreach (var viewable in new[] { "rire.gif", "menu.pdf", "chanson.mp3" })
        {
            Assert.Contains($"?voir={ids[viewable]}#file-viewer", page, StringComparison.Ordinal);
        }

        foreach (var hidden in new[] { "page.html", "faux.png" })
        {
            Assert.DoesNotContain($"?voir={ids[hidden]}", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("data-file-viewer>", page, StringComparison.Ordinal);

        var image = await sophie.GetStringAsync($"/messagerie/message/{message}?voir={ids["rire.gif"]}", Ct);
        Assert.Contains($"<img src=\"/messagerie/pieces/{ids["rire.gif"]}?voir=1\" alt=\"rire.gif\"", image, StringComparison.Ordinal);
        Assert.Contains($"href=\"/messagerie/pieces/{ids["rire.gif"]}\" download=\"rire.gif\"", image, StringComparison.Ordinal);

        var pdf = await sophie.GetStringAsync($"/messagerie/message/{message}?voir={ids["menu.pdf"]}", Ct);
        Assert.Contains($"<iframe src=\"/messagerie/pieces/{ids["menu.pdf"]}?voir=1\"", pdf, StringComparison.Ordinal);
        var audio = await sophie.GetStringAsync($"/messagerie/message/{message}?voir={ids["chanson.mp3"]}", Ct);
        Assert.Contains($"<audio src=\"/messagerie/pieces/{ids["chanson.mp3"]}?voir=1\" controls", audio, StringComparison.Ordinal);

        // Asking to view what is not viewable, or another message's file, shows no viewer.
        Assert.DoesNotContain("data-file-viewer>", await sophie.GetStringAsync($"/messagerie/message/{message}?voir={ids["page.html"]}", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("data-file-viewer>", await sophie.GetStringAsync($"/messagerie/message/{message}?voir={Guid.NewGuid()}", Ct), StringComparison.Ordinal);
    }
}

public sealed class SqliteAttachmentViewTests(SqliteAttachmentApp app) : AttachmentViewTests(app), IClassFixture<SqliteAttachmentApp>;

public sealed class PostgresAttachmentViewTests(PostgresAttachmentApp app) : AttachmentViewTests(app), IClassFixture<PostgresAttachmentApp>;
