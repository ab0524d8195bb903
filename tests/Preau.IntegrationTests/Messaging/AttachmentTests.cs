using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Attachments;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Recall;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Storage;
using Preau.Testing;
using Preau.UnitTests.Files;
using SkiaSharp;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The messagerie with small limits a test can reach: 4 KiB a file, 10 KiB a message, parents'
/// storage quota at 6 KiB.
/// </summary>
public abstract class AttachmentApp(DatabaseKind kind) : MessagingApp(kind)
{
    public const int MaxFile = 4096;
    public const int MaxMessage = 10_240;
    public const int ParentQuota = 6144;
    public const int WebSide = 32;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Messaging:MaxAttachmentBytes"] = MaxFile.ToString(CultureInfo.InvariantCulture);
            settings["Messaging:MaxMessageBytes"] = MaxMessage.ToString(CultureInfo.InvariantCulture);
            settings["Storage:Quota:Relative"] = ParentQuota.ToString(CultureInfo.InvariantCulture);
            settings["Files:WebImages:MaxSide"] = WebSide.ToString(CultureInfo.InvariantCulture);
            return settings;
        }
    }
}

public sealed class SqliteAttachmentApp() : AttachmentApp(DatabaseKind.Sqlite);

public sealed class PostgresAttachmentApp() : AttachmentApp(DatabaseKind.Postgres);

/// <summary>
/// Attachments: limits and quota refused with a clear sentence and nothing kept, names cleaned,
/// served only to those who hold the message and always as a download unless a proven raster
/// image, withheld once recalled, carried by a forward, given back when a draft is deleted.
/// </summary>
public abstract class AttachmentTests(AttachmentApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    private static byte[] Bytes(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7 + seed) % 251))];

    private Task<Outcome<Attached>> AttachAsync(UserContext me, Guid draft, string name, byte[] content, long? declared = null, string type = "application/octet-stream") =>
        app.WithAsync<AttachFile, Outcome<Attached>>(a => a.AttachAsync(me, draft, name, type, new MemoryStream(content), declared ?? content.Length, false, Ct));

    private Task<StorageStatus?> UsageAsync(Guid userId) => app.WithAsync<StorageQuota, StorageStatus?>(q => q.StatusAsync(userId, Ct));

    private Task<int?> RefsAsync(string key) => app.WithAsync<BlobRegistry, int?>(b => b.RefCountAsync(key, Ct));

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_said_and_nothing_is_kept()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var draft = (await app.DraftAsync(claire, MessagingData.To(await app.PersonAsync(Personas.Sophie)))).Value!.Id;
        var before = (await UsageAsync(claire.Id))!.UsedBytes;

        var declared = await AttachAsync(claire, draft, "gros.pdf", Bytes(AttachmentApp.MaxFile + 1, 1));
        var lied = await AttachAsync(claire, draft, "menteur.pdf", Bytes(AttachmentApp.MaxFile + 1, 2), declared: 10);

        foreach (var refused in new[] { declared, lied })
        {
            Assert.Equal(["Error.AttachmentTooLarge"], refused.Errors![AttachFile.Field]);
        }

        var text = await app.WithAsync<AttachFile, string>(a => a.DescribeAsync(claire, "Error.AttachmentTooLarge", Ct));
        Assert.Contains(ByteSizes.Format(AttachmentApp.MaxFile, CultureInfo.CurrentUICulture), text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MessageAttachment>().CountAsync(a => a.MessageId == draft, Ct)));
        Assert.Equal(before, (await UsageAsync(claire.Id))!.UsedBytes);
        var message = await app.WithDbAsync(db => db.Set<Message>().SingleAsync(m => m.Id == draft, Ct));
        Assert.Equal(0, message.AttachmentCount);

        // Within the file limit but past the message's total.
        Assert.True((await AttachAsync(claire, draft, "a.bin", Bytes(4000, 3))).Succeeded);
        Assert.True((await AttachAsync(claire, draft, "b.bin", Bytes(4000, 4))).Succeeded);
        Assert.Equal(["Error.MessageTooLarge"], (await AttachAsync(claire, draft, "c.bin", Bytes(4000, 5))).Errors![AttachFile.Field]);
        Assert.Equal(["Error.EmptyFile"], (await AttachAsync(claire, draft, "vide.txt", [])).Errors![AttachFile.Field]);
    }

    [Fact]
    public async Task Past_the_quota_a_file_is_refused_with_the_used_and_allowed_sizes_and_a_removed_file_gives_its_room_back()
    {
        var sophie = await app.MeAsync(Personas.Sophie);
        var draft = (await app.DraftAsync(sophie, MessagingData.To(await app.PersonAsync(Personas.Claire)))).Value!.Id;
        var start = (await UsageAsync(sophie.Id))!.UsedBytes;
        var first = await AttachAsync(sophie, draft, "photo.bin", Bytes(4000, 6));
        Assert.True(first.Succeeded);
        Assert.Equal(start + 4000, (await UsageAsync(sophie.Id))!.UsedBytes);

        var second = await AttachAsync(sophie, draft, "photo2.bin", Bytes(4000, 7));
        Assert.Equal(["Error.QuotaFull"], second.Errors![AttachFile.Field]);
        var text = await app.WithAsync<AttachFile, string>(a => a.DescribeAsync(sophie, "Error.QuotaFull", Ct));
        Assert.Contains(ByteSizes.Format(start + 4000, CultureInfo.CurrentUICulture), text, StringComparison.Ordinal);
        Assert.Contains(ByteSizes.Format(AttachmentApp.ParentQuota, CultureInfo.CurrentUICulture), text, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<MessageAttachment>().CountAsync(a => a.MessageId == draft, Ct)));

        var key = await app.WithDbAsync(db => db.Set<MessageAttachment>().Where(a => a.Id == first.Value!.Id).Select(a => a.BlobKey).SingleAsync(Ct));
        Assert.True((await app.WithAsync<AttachFile, Outcome<Done>>(a => a.RemoveAsync(sophie, first.Value!.Id, Ct))).Succeeded);
        Assert.Equal(start, (await UsageAsync(sophie.Id))!.UsedBytes);
        Assert.Equal(0, await RefsAsync(key));
        var message = await app.WithDbAsync(db => db.Set<Message>().SingleAsync(m => m.Id == draft, Ct));
        Assert.Equal((0, 0L + Encoding.UTF8.GetByteCount(message.Body)), (message.AttachmentCount, message.Size));

        // Nobody else may add to, or take from, someone's draft.
        var claire = await app.MeAsync(Personas.Claire);
        Assert.False((await AttachAsync(claire, draft, "x.bin", Bytes(10, 8))).Found);
    }

    [Fact]
    public async Task Dangerous_file_names_are_cleaned()
    {
        Assert.Equal("passwd", FileNames.Clean("../../etc/passwd"));
        Assert.Equal("rapport_fdp.exe", FileNames.Clean("rapport\u202Efdp.exe"));
        Assert.Equal("_script_.html", FileNames.Clean("<script>.html"));
        Assert.Equal("_CON.txt", FileNames.Clean("CON.txt"));
        Assert.Equal("_lpt1", FileNames.Clean("lpt1"));
        Assert.Equal(FileNames.Fallback, FileNames.Clean(""));
        Assert.Equal(FileNames.Fallback, FileNames.Clean("   "));
        Assert.Equal(FileNames.Fallback, FileNames.Clean("../.."));
        Assert.Equal("htaccess", FileNames.Clean(".htaccess"));
        Assert.Equal("a_b.txt", FileNames.Clean("a\u0000b.txt"));
        var longName = FileNames.Clean(new string('é', 300) + ".pdf");
        Assert.EndsWith(".pdf", longName, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(longName) <= FileNames.MaxBytes);

        // Through the use case, as stored.
        var claire = await app.MeAsync(Personas.Claire);
        var draft = (await app.DraftAsync(claire, MessagingData.To(await app.PersonAsync(Personas.Sophie)))).Value!.Id;
        var attached = await AttachAsync(claire, draft, "..\\..\\rapport\u202Efdp.exe", Bytes(20, 9), type: "text/html\"; x");
        Assert.Equal("rapport_fdp.exe", attached.Value!.FileName);
        Assert.Equal("application/octet-stream", attached.Value.ContentType);
    }

    [Fact]
    public async Task Attachments_are_served_as_downloads_to_holders_only_and_withheld_once_recalled()
    {
        var claireClient = await app.SignedInClientAsync(Personas.Claire);
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claire = await app.MeAsync(Personas.Claire);
        var draft = (await app.DraftAsync(claire, MessagingData.To(sophieId))).Value!.Id;

        // Uploaded through the endpoint the editor and the page use (antiforgery, multipart "file").
        var token = await PreauApp.AntiforgeryTokenAsync(claireClient, $"/messagerie/ecrire?brouillon={draft}");
        async Task<JsonElement> UploadAsync(string name, byte[] content, string type, bool inline = false)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(file, "file", name);
            form.Add(new StringContent(token), "__csrf");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/messagerie/pieces?brouillon={draft}{(inline ? "&inline=1" : "")}") { Content = form };
            request.Headers.Add("X-CSRF-TOKEN", token);
            var response = await claireClient.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        }

        var html = await UploadAsync("page.html", "<html><script>alert(1)</script></html>"u8.ToArray(), "text/html");
        var svg = await UploadAsync("dessin.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/svg+xml");
        var fakePng = await UploadAsync("faux.png", "<html>not an image</html>"u8.ToArray(), "image/png");
        var png = await UploadAsync("photo.png", Png, "image/png", inline: true);
        Assert.StartsWith("/messagerie/pieces/", png.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("photo.png", png.GetProperty("name").GetString());
        Assert.Equal(Png.Length, png.GetProperty("size").GetInt64());

        // Without the token the upload is refused.
        using (var bare = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.bin" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await claireClient.PostAsync($"/messagerie/pieces?brouillon={draft}", bare, Ct)).StatusCode);
        }

        var sent = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(claire, draft, Ct));
        Assert.True(sent.Succeeded);

        var sophieClient = await app.SignedInClientAsync(Personas.Sophie);
        foreach (var download in new[] { html, svg, fakePng })
        {
            var response = await sophieClient.GetAsync(download.GetProperty("url").GetString(), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Contains("filename*=UTF-8''", response.Content.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        var image = await sophieClient.GetAsync(png.GetProperty("url").GetString(), Ct);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", image.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Contains("sandbox", image.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync(Ct));

        // Someone who does not hold the message, and an unknown id: 404.
        var stranger = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(html.GetProperty("url").GetString(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sophieClient.GetAsync($"/messagerie/pieces/{Guid.NewGuid()}", Ct)).StatusCode);

        // Recalled: gone for the recipient, still there for the sender.
        Assert.True((await app.WithAsync<RecallMessage, Outcome<Done>>(r => r.HandleAsync(claire, draft, Ct))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await sophieClient.GetAsync(html.GetProperty("url").GetString(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await claireClient.GetAsync(html.GetProperty("url").GetString(), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_photo_put_in_the_text_is_stored_upright_within_the_web_size_and_without_its_gps_position()
    {
        var claireClient = await app.SignedInClientAsync(Personas.Claire);
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claire = await app.MeAsync(Personas.Claire);
        var draft = (await app.DraftAsync(claire, MessagingData.To(sophieId))).Value!.Id;
        var token = await PreauApp.AntiforgeryTokenAsync(claireClient, $"/messagerie/ecrire?brouillon={draft}");
        // Stored 64 × 48 and turned by its EXIF (orientation 6), with a GPS position; this app keeps 32 px at most.
        var photo = TestImages.WithExif(TestImages.Picture(64, 48, SKEncodedImageFormat.Jpeg), orientation: 6);
        Assert.True(photo.AsSpan().IndexOf(TestImages.Latitude) >= 0);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        form.Add(file, "file", "photo.png");
        form.Add(new StringContent(token), "__csrf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/messagerie/pieces?brouillon={draft}&inline=1") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", token);
        var response = await claireClient.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("photo.jpg", answer.GetProperty("name").GetString());
        var served = await claireClient.GetAsync(answer.GetProperty("url").GetString(), Ct);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        var stored = await served.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(stored.Length, answer.GetProperty("size").GetInt64());
        Assert.True(stored.AsSpan().IndexOf(TestImages.Latitude) < 0, "no GPS position");
        Assert.True(stored.AsSpan().IndexOf("Exif\0\0"u8) < 0, "no EXIF");
        using var picture = SKBitmap.Decode(stored);
        Assert.Equal((24, 32), (picture.Width, picture.Height));
        Assert.True(picture.GetPixel(12, 3).Red > 180 && picture.GetPixel(12, 3).Blue < 90, "red on top: turned upright");
    }

    [Fact]
    public async Task A_forward_carries_the_attachments_charged_to_the_forwarder_and_a_deleted_draft_gives_them_back()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var draft = (await app.DraftAsync(claire, MessagingData.To(sophie.Id) with { Subject = "Menu", Body = "<p>Le menu</p>" })).Value!.Id;
        var attached = (await AttachAsync(claire, draft, "menu.pdf", Bytes(1500, 10))).Value!;
        Assert.True((await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(claire, draft, Ct))).Succeeded);
        var key = await app.WithDbAsync(db => db.Set<MessageAttachment>().Where(a => a.Id == attached.Id).Select(a => a.BlobKey).SingleAsync(Ct));
        Assert.Equal(1, await RefsAsync(key));
        var before = (await UsageAsync(sophie.Id))!.UsedBytes;

        var forward = await app.WithAsync<StartReply, Outcome<StartReply.Started>>(r => r.StartAsync(sophie, draft, ReplyKind.Forward, Ct));
        Assert.True(forward.Succeeded);
        var copy = await app.WithDbAsync(db => db.Set<MessageAttachment>().SingleAsync(a => a.MessageId == forward.Value!.DraftId, Ct));
        Assert.Equal((key, "menu.pdf", 1500L), (copy.BlobKey, copy.FileName, copy.Length));
        Assert.Equal(2, await RefsAsync(key));
        var message = await app.WithDbAsync(db => db.Set<Message>().SingleAsync(m => m.Id == forward.Value!.DraftId, Ct));
        Assert.Equal(draft, message.ParentId);
        Assert.StartsWith(StartReply.ForwardPrefix + "Menu", message.Subject, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", message.Body, StringComparison.Ordinal);
        Assert.Contains("Le menu", message.Body, StringComparison.Ordinal);
        Assert.Equal(before + message.Size, (await UsageAsync(sophie.Id))!.UsedBytes);

        // The forward deleted for good: its reference and its room go back.
        await app.WithAsync<OrganizeMessages, int>(o => o.TrashAsync(sophie, [message.Id], Ct));
        await app.WithAsync<OrganizeMessages, int>(o => o.DeleteAsync(sophie, [message.Id], Ct));
        Assert.Equal(1, await RefsAsync(key));
        Assert.Equal(before, (await UsageAsync(sophie.Id))!.UsedBytes);
    }

    [Fact]
    public async Task Script_written_into_a_body_arrives_inert()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var body = "<p>Bonjour <img src=x onerror=alert(1)></p><script>alert(2)</script><p><a href=\"javascript:alert(3)\">lien</a>"
            + "<img src=\"/messagerie/pieces/00000000-0000-0000-0000-000000000001\" onload=\"alert(4)\"></p>";
        var (id, sent) = await app.SendAsync(claire, MessagingData.To(await app.PersonAsync(Personas.Sophie)) with { Body = body });
        Assert.True(sent.Succeeded);
        var stored = await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id).Select(m => m.Body).SingleAsync(Ct));
        var rendered = await app.WithAsync<MessageBodies, string>(b =>
        {
            using var writer = new StringWriter();
            b.Render(stored).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
            return Task.FromResult(writer.ToString());
        });
        foreach (var html in new[] { stored, rendered })
        {
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("onload", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"x\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Bonjour", html, StringComparison.Ordinal);
            Assert.Contains("src=\"/messagerie/pieces/00000000-0000-0000-0000-000000000001\"", html, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteAttachmentTests(SqliteAttachmentApp app) : AttachmentTests(app), IClassFixture<SqliteAttachmentApp>;

public sealed class PostgresAttachmentTests(PostgresAttachmentApp app) : AttachmentTests(app), IClassFixture<PostgresAttachmentApp>;
