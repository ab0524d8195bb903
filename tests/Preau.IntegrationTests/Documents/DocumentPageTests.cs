using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.IntegrationTests.Communication;
using Preau.Platform.Files;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Testing;
using Preau.UnitTests.Files;
using SkiaSharp;

namespace Preau.IntegrationTests.Documents;

/// <summary>The document space as <see cref="DocumentsApp"/>, with the job queue polling quickly (thumbnails come from a job).</summary>
public abstract class DocumentItemApp(DatabaseKind kind) : DocumentsApp(kind)
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Jobs:PollInterval"] = "00:00:00.100";
            return settings;
        }
    }
}

public sealed class SqliteDocumentItemApp() : DocumentItemApp(DatabaseKind.Sqlite);

public sealed class PostgresDocumentItemApp() : DocumentItemApp(DatabaseKind.Postgres);

/// <summary>What the document page's tests share: uploads through the API, shares, page forms.</summary>
internal static class DocumentPages
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    /// <summary>A new folder of the client's and the documents uploaded into it.</summary>
    public static async Task<(Guid Folder, Guid[] Documents)> FolderWithAsync(HttpClient client, params (string Name, byte[] Content, string Type)[] files)
    {
        var folder = DocumentsApiTests.Id(await DocumentsApiTests.JsonAsync(
            await client.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Page " + Guid.NewGuid().ToString("N")[..8] }, Ct), HttpStatusCode.Created));
        var ids = new List<Guid>();
        foreach (var file in files)
        {
            ids.Add(await UploadAsync(client, folder, file));
        }

        return (folder, [.. ids]);
    }

    public static async Task<Guid> UploadAsync(HttpClient client, Guid folder, (string Name, byte[] Content, string Type) file)
    {
        var uploaded = await DocumentsApiTests.JsonAsync(await DocumentsApiTests.UploadAsync(client, $"/api/v1/documents/files?folder={folder}",
            await DocumentsApiTests.TokenAsync(client), file), HttpStatusCode.Created);
        return DocumentsApiTests.Id(uploaded.GetProperty("documents")[0]);
    }

    /// <summary>Sets the shares of a document or folder (type documents.file / documents.folder): each person ("user") or group with one right.</summary>
    public static async Task ShareAsync(HttpClient owner, string type, Guid id, params (string Kind, Guid Principal, string Right)[] shares)
    {
        var response = await owner.PutAsJsonAsync($"/api/v1/shares/{type}/{id}",
            new { shares = shares.Select(s => new { kind = s.Kind, id = s.Principal, rights = new[] { s.Right } }).ToArray() }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"share answered {(int)response.StatusCode}");
    }

    /// <summary>Posts a form of the document's page, with the page's own token.</summary>
    public static Task<HttpResponseMessage> PostPageAsync(HttpClient client, Guid document, string handler, params (string Name, string Value)[] fields) =>
        client.PostFormAsync($"/documents/{document}?handler={handler}", fields, "/account");

    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Waits (a few seconds at most) until the document's thumbnail is kept.</summary>
    public static async Task<string?> ThumbnailAsync(this PreauApp app, Guid document, string? other = null)
    {
        for (var i = 0; i < 100; i++)
        {
            var key = await app.WithDbAsync(db => db.Set<DocDocument>().Where(d => d.Id == document).Select(d => d.ThumbnailKey).SingleAsync(Ct));
            if (key is not null && key != other)
            {
                return key;
            }

            await Task.Delay(100, Ct);
        }

        return null;
    }
}

/// <summary>
/// A document's page: its facts, the viewer's inline content through the platform's file answer
/// (never HTML or SVG inline), the thumbnail the job makes for a picture, versions through the
/// page's forms; anyone without the right, and any guessed id, gets 404.
/// </summary>
public abstract class DocumentPageTests(DocumentItemApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_shows_the_document_to_its_owner_and_404_to_a_stranger_or_a_guessed_id()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        var (folder, ids) = await DocumentPages.FolderWithAsync(claire, ("Sortie au musée.pdf", DocumentPages.Pdf, "application/pdf"));
        var id = ids[0];

        var html = await DocumentPages.PageAsync(claire, $"/documents/{id}");
        Assert.Contains("Sortie au musée.pdf", html, StringComparison.Ordinal);
        Assert.Contains($"/documents/{id}/voir", html, StringComparison.Ordinal);
        Assert.Contains("class=\"file-viewer-pdf\"", html, StringComparison.Ordinal);
        Assert.Contains($"/partage/documents.file/{id}?back=%2Fdocuments%2F{id}", html, StringComparison.Ordinal);
        Assert.Contains($"/documents/dossier/{folder}", html, StringComparison.Ordinal);

        foreach (var target in new[] { id, Guid.CreateVersion7() })
        {
            foreach (var path in new[] { $"/documents/{target}", $"/documents/{target}/voir", $"/documents/{target}/miniature" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync(path, Ct)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await DocumentPages.PostPageAsync(hugo, target, "comment", ("body", "Coucou"))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await DocumentPages.PostPageAsync(hugo, target, "rename", ("name", "pris.pdf"))).StatusCode);
        }

        Assert.Equal("Sortie au musée.pdf", (await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{id}", Ct), HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_class_share_lets_a_pupil_read_the_page_and_view_it_inline_but_nothing_more()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        var (folder, ids) = await DocumentPages.FolderWithAsync(claire, ("Poésie.pdf", DocumentPages.Pdf, "application/pdf"));
        await DocumentPages.ShareAsync(claire, "documents.folder", folder, ("group", await app.GroupAsync("CE2 A", Profile.Student), "read"));

        var html = await DocumentPages.PageAsync(lea, $"/documents/{ids[0]}");
        Assert.Contains("Poésie.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Claire Martin", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/partage/documents.file/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=version", html, StringComparison.Ordinal);
        Assert.Contains($"/documents/partages/dossier/{folder}", html, StringComparison.Ordinal);

        var inline = await lea.GetAsync($"/documents/{ids[0]}/voir", Ct);
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("application/pdf", inline.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition?.DispositionType);

        // Read only: no rename, no new version; and a pupil of another school sees nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await DocumentPages.PostPageAsync(lea, ids[0], "rename", ("name", "Pris.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/documents/{ids[0]}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_inline_address_sends_html_and_svg_as_sandboxed_attachments_and_a_picture_inline()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var (_, ids) = await DocumentPages.FolderWithAsync(claire,
            ("page.html", "<html><script>alert(1)</script></html>"u8.ToArray(), "text/html"),
            ("dessin.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "image/svg+xml"),
            ("photo.png", TestImages.Picture(60, 40, SKEncodedImageFormat.Png), "image/png"));

        foreach (var id in ids[..2])
        {
            var response = await claire.GetAsync($"/documents/{id}/voir", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            // The page offers no viewer for them, only the download.
            Assert.DoesNotContain("data-file-viewer", await DocumentPages.PageAsync(claire, $"/documents/{id}"), StringComparison.Ordinal);
        }

        var picture = await claire.GetAsync($"/documents/{ids[2]}/voir", Ct);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", picture.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("class=\"file-viewer-image\"", await DocumentPages.PageAsync(claire, $"/documents/{ids[2]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_job_makes_a_thumbnail_for_a_png_and_none_for_an_svg_and_a_new_version_replaces_it()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var svgBytes = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"u8.ToArray();
        var (folder, ids) = await DocumentPages.FolderWithAsync(claire,
            ("photo.png", TestImages.Picture(120, 80, SKEncodedImageFormat.Png), "image/png"),
            ("dessin.svg", svgBytes, "image/svg+xml"));
        var (png, svg) = (ids[0], ids[1]);

        var first = await app.ThumbnailAsync(png);
        Assert.NotNull(first);
        var thumbnail = await claire.GetAsync($"/documents/{png}/miniature", Ct);
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal("image/webp", FileSniffer.Sniff(await thumbnail.Content.ReadAsByteArrayAsync(Ct))?.MediaType);
        var listing = await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents?folder={folder}", Ct), HttpStatusCode.OK);
        var thumbs = listing.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("hasThumbnail").GetBoolean());
        Assert.True(thumbs["photo.png"]);
        Assert.False(thumbs["dessin.svg"]);

        // The SVG asked for no job at all, and has no thumbnail.
        var svgKey = await app.KeyAsync(svg);
        Assert.False(await app.WithDbAsync(db => db.Set<Job>().AnyAsync(j => j.Kind == "files.thumbnail" && j.Payload.Contains(svgKey), Ct)));
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/documents/{svg}/miniature", Ct)).StatusCode);

        // A new version (through the page's form) gives its own thumbnail back and the former one goes.
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await PreauApp.AntiforgeryTokenAsync(claire, $"/documents/{png}")), "__csrf" },
        };
        var part = new ByteArrayContent(TestImages.Picture(80, 120, SKEncodedImageFormat.Png));
        part.Headers.ContentType = MediaTypeHeaderValue.Parse("image/png");
        form.Add(part, "file", "photo-2.png");
        var posted = await claire.PostAsync($"/documents/{png}?handler=version", form, Ct);
        Assert.Equal($"/documents/{png}?fait=version#versions", posted.RedirectTarget());
        var second = await app.ThumbnailAsync(png, other: first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.Equal(0, await app.RefsAsync(first!));
        Assert.Equal(1, await app.RefsAsync(second!));
    }

    [Fact]
    public async Task Versions_are_listed_uploaded_and_restored_through_the_page()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var (_, ids) = await DocumentPages.FolderWithAsync(claire, ("notes.txt", "première"u8.ToArray(), "text/plain"));
        var id = ids[0];
        using (var form = new MultipartFormDataContent { { new StringContent(await PreauApp.AntiforgeryTokenAsync(claire, $"/documents/{id}")), "__csrf" } })
        {
            form.Add(new ByteArrayContent("deuxième"u8.ToArray()), "file", "notes.txt");
            Assert.Equal($"/documents/{id}?fait=version#versions", (await claire.PostAsync($"/documents/{id}?handler=version", form, Ct)).RedirectTarget());
        }

        Assert.Equal("deuxième", await claire.GetStringAsync($"/api/v1/documents/{id}/content", Ct));
        var versions = await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{id}/versions", Ct), HttpStatusCode.OK);
        var firstVersion = DocumentsApiTests.Id(versions[1]);
        var html = await DocumentPages.PageAsync(claire, $"/documents/{id}");
        Assert.Contains($"/api/v1/documents/{id}/versions/{firstVersion}/content", html, StringComparison.Ordinal);
        Assert.Contains("handler=restore", html, StringComparison.Ordinal);

        var restored = await DocumentPages.PostPageAsync(claire, id, "restore", ("version", firstVersion.ToString()));
        Assert.Equal($"/documents/{id}?fait=restauree#versions", restored.RedirectTarget());
        Assert.Equal("première", await claire.GetStringAsync($"/api/v1/documents/{id}/content", Ct));
        Assert.Equal(3, (await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{id}", Ct), HttpStatusCode.OK)).GetProperty("version").GetInt32());

        // An empty new version is refused with its reason, nothing added.
        using (var empty = new MultipartFormDataContent { { new StringContent(await PreauApp.AntiforgeryTokenAsync(claire, $"/documents/{id}")), "__csrf" } })
        {
            empty.Add(new ByteArrayContent([]), "file", "vide.txt");
            Assert.StartsWith($"/documents/{id}?erreur=", (await claire.PostAsync($"/documents/{id}?handler=version", empty, Ct)).RedirectTarget(), StringComparison.Ordinal);
        }

        Assert.Equal(3, (await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{id}", Ct), HttpStatusCode.OK)).GetProperty("version").GetInt32());
        Assert.Contains("Ce fichier est vide", await DocumentPages.PageAsync(claire, $"/documents/{id}?erreur=Error.EmptyFile"), StringComparison.Ordinal);
    }
}

public sealed class SqliteDocumentPageTests(SqliteDocumentItemApp app) : DocumentPageTests(app), IClassFixture<SqliteDocumentItemApp>;

public sealed class PostgresDocumentPageTests(PostgresDocumentItemApp app) : DocumentPageTests(app), IClassFixture<PostgresDocumentItemApp>;
