using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Preau.IntegrationTests.Communication;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// /api/v1/documents over HTTP with signed-in clients: a document's whole life (folders, streamed
/// multipart upload of several files, listing, download as an attachment that never runs, rename,
/// move, copy, versions, trash, restore, delete, empty trash), every refusal as problem details,
/// the antiforgery header required for uploads, a folder as a streamed ZIP (names made safe and
/// unique; an uploaded ZIP bomb stored as it came, never expanded), the API described in OpenAPI.
/// </summary>
public abstract class DocumentsApiTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    /// <summary>A multipart upload as a browser sends it, with the page's antiforgery token in the header.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string? token, params (string Name, byte[] Content, string Type)[] files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content, type) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
            form.Add(part, "file", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        return await client.SendAsync(request, Ct);
    }

    internal static Task<string> TokenAsync(HttpClient client) => PreauApp.AntiforgeryTokenAsync(client, "/account");

    [Fact]
    public async Task A_document_lives_its_whole_life_over_http()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var token = await TokenAsync(claire);
        var folder = await JsonAsync(await claire.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Séquences " + Guid.NewGuid().ToString("N")[..6] }, Ct), HttpStatusCode.Created);
        var folderId = Id(folder);

        // Several files in one streamed request; the same name twice gets " (2)".
        var uploaded = await JsonAsync(await UploadAsync(claire, $"/api/v1/documents/files?folder={folderId}", token,
            ("page.html", "<html><script>alert(1)</script></html>"u8.ToArray(), "text/html"),
            ("dessin.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), "image/svg+xml"),
            ("page.html", "<p>deux</p>"u8.ToArray(), "text/html")), HttpStatusCode.Created);
        var documents = uploaded.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["page.html", "dessin.svg", "page (2).html"], documents.Select(d => d.GetProperty("name").GetString()));
        var html = Id(documents[0]);

        var listing = await JsonAsync(await claire.GetAsync($"/api/v1/documents?folder={folderId}&sort=size&order=desc", Ct), HttpStatusCode.OK);
        Assert.Equal(["dessin.svg", "page.html", "page (2).html"], listing.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await claire.GetAsync($"/api/v1/documents?folder={folderId}&sort=colour", Ct)).StatusCode);

        // Script-capable content is only ever a download: attachment, octet-stream, nosniff, sandbox.
        foreach (var d in documents.Take(2))
        {
            var response = await claire.GetAsync($"/api/v1/documents/{Id(d)}/content", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        Assert.Equal("<html><script>alert(1)</script></html>", await claire.GetStringAsync($"/api/v1/documents/{html}/content", Ct));

        // Rename (a taken name refused), move to the root, copy back.
        var taken = await JsonAsync(await claire.PatchAsJsonAsync($"/api/v1/documents/{html}", new { name = "dessin.svg" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(taken.GetProperty("errors").TryGetProperty("name", out _));
        var renamed = await JsonAsync(await claire.PatchAsJsonAsync($"/api/v1/documents/{html}", new { name = "Leçon.html", folderId = Guid.Empty }, Ct), HttpStatusCode.OK);
        Assert.Equal("Leçon.html", renamed.GetProperty("name").GetString());
        Assert.Equal(Guid.Empty, renamed.GetProperty("folderId").GetGuid());
        var copy = await JsonAsync(await claire.PostAsJsonAsync($"/api/v1/documents/{html}/copy", new { folderId }, Ct), HttpStatusCode.Created);
        Assert.Equal(folderId, copy.GetProperty("folderId").GetGuid());
        Assert.Equal(JsonValueKind.Object, (await JsonAsync(await claire.GetAsync($"/api/v1/documents/{Id(copy)}", Ct), HttpStatusCode.OK)).ValueKind);

        // Versions: a new one, the list, the older one downloaded and restored.
        var v2 = await JsonAsync(await UploadAsync(claire, $"/api/v1/documents/{html}/versions", token, ("x", "<p>v2</p>"u8.ToArray(), "text/html")), HttpStatusCode.Created);
        Assert.Equal(2, v2.GetProperty("number").GetInt32());
        var versions = (await JsonAsync(await claire.GetAsync($"/api/v1/documents/{html}/versions", Ct), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([2, 1], versions.Select(v => v.GetProperty("number").GetInt32()));
        Assert.Equal("<p>v2</p>", await claire.GetStringAsync($"/api/v1/documents/{html}/content", Ct));
        Assert.Equal("<html><script>alert(1)</script></html>", await claire.GetStringAsync($"/api/v1/documents/{html}/versions/{Id(versions[1])}/content", Ct));
        var v3 = await JsonAsync(await claire.PostAsync($"/api/v1/documents/{html}/versions/{Id(versions[1])}/restore", null, Ct), HttpStatusCode.OK);
        Assert.Equal(3, v3.GetProperty("number").GetInt32());
        Assert.Equal("<html><script>alert(1)</script></html>", await claire.GetStringAsync($"/api/v1/documents/{html}/content", Ct));

        // Trash, restore, trash again, empty; delete for good.
        Assert.Equal(HttpStatusCode.NoContent, (await claire.PostAsync($"/api/v1/documents/{html}/trash", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/api/v1/documents/{html}/content", Ct)).StatusCode);
        var trash = await JsonAsync(await claire.GetAsync("/api/v1/documents/trash", Ct), HttpStatusCode.OK);
        Assert.Contains(trash.GetProperty("documents").EnumerateArray(), d => Id(d) == html);
        await JsonAsync(await claire.PostAsync($"/api/v1/documents/{html}/restore", null, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await claire.PostAsync($"/api/v1/documents/{html}/trash", null, Ct)).StatusCode);
        var emptied = await JsonAsync(await claire.DeleteAsync("/api/v1/documents/trash", Ct), HttpStatusCode.OK);
        Assert.True(emptied.GetProperty("deleted").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/api/v1/documents/{html}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await claire.DeleteAsync($"/api/v1/documents/{Id(copy)}", Ct)).StatusCode);

        // Folders: rename, move under itself refused, trash, restore, delete.
        var sub = await JsonAsync(await claire.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Sous", parentId = folderId }, Ct), HttpStatusCode.Created);
        var cycle = await JsonAsync(await claire.PatchAsJsonAsync($"/api/v1/documents/folders/{folderId}", new { parentId = Id(sub) }, Ct), HttpStatusCode.BadRequest);
        Assert.True(cycle.GetProperty("errors").TryGetProperty("parentId", out _));
        await JsonAsync(await claire.PatchAsJsonAsync($"/api/v1/documents/folders/{Id(sub)}", new { name = "Renommé" }, Ct), HttpStatusCode.OK);
        var tree = await JsonAsync(await claire.GetAsync("/api/v1/documents/folders", Ct), HttpStatusCode.OK);
        Assert.Contains(tree.GetProperty("folders").EnumerateArray(), f => f.GetProperty("name").GetString() == "Renommé");
        Assert.Equal(HttpStatusCode.NoContent, (await claire.PostAsync($"/api/v1/documents/folders/{folderId}/trash", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/api/v1/documents?folder={folderId}", Ct)).StatusCode);
        await JsonAsync(await claire.PostAsync($"/api/v1/documents/folders/{folderId}/restore", null, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await claire.DeleteAsync($"/api/v1/documents/folders/{folderId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.GetAsync($"/api/v1/documents?folder={folderId}", Ct)).StatusCode);

        var usage = await JsonAsync(await claire.GetAsync("/api/v1/documents/usage", Ct), HttpStatusCode.OK);
        Assert.Equal(DocumentsApp.TeacherQuota, usage.GetProperty("quotaBytes").GetInt64());
        Assert.Equal(DocumentsApp.MaxFile, usage.GetProperty("maxFileBytes").GetInt64());
    }

    [Fact]
    public async Task Uploads_are_refused_with_problem_details_and_leave_nothing()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var claireId = await app.PersonAsync(Personas.Claire);
        var token = await TokenAsync(claire);
        var folder = Id(await JsonAsync(await claire.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Refus " + Guid.NewGuid().ToString("N")[..6] }, Ct), HttpStatusCode.Created));
        var path = $"/api/v1/documents/files?folder={folder}";
        var count = await app.DocumentCountAsync(claireId);

        // No antiforgery header: refused before reading anything.
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(claire, path, null, ("a.txt", [1, 2, 3], "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(claire, path, "forged", ("a.txt", [1, 2, 3], "text/plain"))).StatusCode);

        var tooLarge = await JsonAsync(await UploadAsync(claire, path, token, ("gros.bin", DocumentsData.Bytes(DocumentsApp.MaxFile + 1, 1), "application/octet-stream")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("taille maximale", tooLarge.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var empty = await JsonAsync(await UploadAsync(claire, path, token, ("vide.txt", [], "text/plain")), HttpStatusCode.BadRequest);
        Assert.Contains("vide", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var name in new[] { "../../etc/passwd", "a\\b.txt", "nul\u0001.txt", new string('n', 300) + ".txt" })
        {
            var refused = await JsonAsync(await UploadAsync(claire, path, token, (name, [1, 2, 3], "text/plain")), HttpStatusCode.BadRequest);
            Assert.Equal(JsonValueKind.Null, refused.GetProperty("files")[0].GetProperty("document").ValueKind);
        }

        Assert.Equal(count, await app.DocumentCountAsync(claireId));

        // More files than a request may carry: the first ones are stored, the rest refused, each said.
        var many = await JsonAsync(await UploadAsync(claire, path, token, [.. Enumerable.Range(0, DocumentsApp.MaxFiles + 1).Select(i => ($"f{i}.txt", new byte[] { (byte)i, 1 }, "text/plain"))]), HttpStatusCode.BadRequest);
        var files = many.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(DocumentsApp.MaxFiles, files.Count(f => f.GetProperty("document").ValueKind == JsonValueKind.Object));
        Assert.Contains("Trop de fichiers", files[^1].GetProperty("error").GetString(), StringComparison.Ordinal);

        // In English for an English reader.
        using var english = new HttpRequestMessage(HttpMethod.Post, path);
        english.Headers.AcceptLanguage.ParseAdd("en");
        english.Headers.Add("X-CSRF-TOKEN", token);
        english.Content = new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.txt" } };
        var englishProblem = await JsonAsync(await claire.SendAsync(english, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("empty", englishProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var noFile = await claire.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, noFile.StatusCode);
    }

    [Fact]
    public async Task A_folder_downloads_as_a_streamed_zip_with_safe_unique_names_and_an_uploaded_bomb_stays_shut()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var token = await TokenAsync(claire);
        var folder = Id(await JsonAsync(await claire.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Archive" + Guid.NewGuid().ToString("N")[..6] }, Ct), HttpStatusCode.Created));
        var sub = Id(await JsonAsync(await claire.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Sous:dossier", parentId = folder }, Ct), HttpStatusCode.Created));

        // A bomb: 4 MB of zeros deflated into a few kilobytes.
        using var bombBytes = new MemoryStream();
        using (var bomb = new ZipArchive(bombBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var entry = await bomb.CreateEntry("zeros.bin", CompressionLevel.SmallestSize).OpenAsync(Ct);
            await entry.WriteAsync(new byte[4 * 1024 * 1024], Ct);
        }

        var bombed = bombBytes.ToArray();
        Assert.True(bombed.Length < DocumentsApp.MaxFile, $"the bomb is {bombed.Length} bytes");
        await JsonAsync(await UploadAsync(claire, $"/api/v1/documents/files?folder={folder}", token,
            ("Note.txt", "un"u8.ToArray(), "text/plain"), ("note.txt", "deux"u8.ToArray(), "text/plain"), ("CON.txt", "trois"u8.ToArray(), "text/plain")), HttpStatusCode.Created);
        await JsonAsync(await UploadAsync(claire, $"/api/v1/documents/files?folder={folder}", token, ("bombe.zip", bombed, "application/zip")), HttpStatusCode.Created);
        await JsonAsync(await UploadAsync(claire, $"/api/v1/documents/files?folder={sub}", token, ("a?b.txt", "quatre"u8.ToArray(), "text/plain")), HttpStatusCode.Created);
        var used = (await JsonAsync(await claire.GetAsync("/api/v1/documents/usage", Ct), HttpStatusCode.OK)).GetProperty("usedBytes").GetInt64();
        Assert.True(used < 3 * DocumentsApp.MaxFile, "the bomb counts for what it is, not what it would expand to");

        var response = await claire.GetAsync($"/api/v1/documents/folders/{folder}/zip", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Null(response.Content.Headers.ContentLength);
        using var zipped = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
        using var archive = new ZipArchive(zipped, ZipArchiveMode.Read);
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("Sous_dossier/", names);
        Assert.Contains("Sous_dossier/a_b.txt", names);
        Assert.Contains("_CON.txt", names);
        Assert.Equal(2, names.Count(n => n.Equals("note.txt", StringComparison.OrdinalIgnoreCase) || n.Equals("note (2).txt", StringComparison.OrdinalIgnoreCase)));
        Assert.All(names, n => Assert.False(n.StartsWith('/') || n.Contains("..", StringComparison.Ordinal), n));
        var inner = archive.GetEntry("bombe.zip")!;
        Assert.Equal(bombed.Length, inner.Length);
        await using (var content = await inner.OpenAsync(Ct))
        {
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy, Ct);
            Assert.Equal(bombed, copy.ToArray());
        }

        // The whole space (the empty id) downloads too.
        Assert.Equal(HttpStatusCode.OK, (await claire.GetAsync($"/api/v1/documents/folders/{Guid.Empty}/zip", HttpCompletionOption.ResponseHeadersRead, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_documents_api_needs_its_right_and_is_described_in_openapi()
    {
        var admin = await app.SignedInClientAsync(Personas.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/documents", Ct)).StatusCode);

        var (_, names) = await OpenApiOperations.DescribedAsync(app, "/api/v1/documents", Ct);
        foreach (var name in new[]
        {
            "DocumentsList", "DocumentsFolderTree", "DocumentsUsage", "DocumentsCreateFolder", "DocumentsChangeFolder", "DocumentsDownloadFolder", "DocumentsUpload",
            "DocumentsGet", "DocumentsDownload", "DocumentsChange", "DocumentsCopy", "DocumentsCopyFolder", "DocumentsListVersions", "DocumentsUploadVersion", "DocumentsDownloadVersion",
            "DocumentsRestoreVersion", "DocumentsTrash", "DocumentsEmptyTrash", "DocumentsTrashDocument", "DocumentsRestoreDocument", "DocumentsDelete",
            "DocumentsTrashFolder", "DocumentsRestoreFolder", "DocumentsDeleteFolder",
        })
        {
            Assert.Contains(name, names);
        }
    }
}

public sealed class SqliteDocumentsApiTests(SqliteDocumentsApp app) : DocumentsApiTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresDocumentsApiTests(PostgresDocumentsApp app) : DocumentsApiTests(app), IClassFixture<PostgresDocumentsApp>;
