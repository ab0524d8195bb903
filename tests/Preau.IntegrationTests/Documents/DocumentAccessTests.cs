using System.Net;
using System.Net.Http.Json;
using Preau.IntegrationTests.Communication;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// Another person's documents, versions, folders and ZIPs answer 404 everywhere, as guessed ids
/// do, and stay untouched; a share through the platform's sharing service gives read (see,
/// download, list versions, download the folder, copy into one's own space) and nothing else.
/// </summary>
public abstract class DocumentAccessTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Space(Guid Folder, Guid Document, Guid Version);

    private static async Task<Space> ClaireSpaceAsync(HttpClient claire)
    {
        var token = await DocumentsApiTests.TokenAsync(claire);
        var folder = DocumentsApiTests.Id(await DocumentsApiTests.JsonAsync(
            await claire.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Privé " + Guid.NewGuid().ToString("N")[..6] }, Ct), HttpStatusCode.Created));
        var uploaded = await DocumentsApiTests.JsonAsync(await DocumentsApiTests.UploadAsync(claire, $"/api/v1/documents/files?folder={folder}", token,
            ("bulletin.pdf", "confidentiel"u8.ToArray(), "application/pdf")), HttpStatusCode.Created);
        var document = DocumentsApiTests.Id(uploaded.GetProperty("documents")[0]);
        var versions = await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{document}/versions", Ct), HttpStatusCode.OK);
        return new Space(folder, document, DocumentsApiTests.Id(versions[0]));
    }

    /// <summary>Every way of touching a document or a folder that needs more than read.</summary>
    private static IEnumerable<Func<HttpClient, string, Task<HttpResponseMessage>>> Writes(Space s, Guid myFolder) =>
    [
        (c, _) => c.PatchAsJsonAsync($"/api/v1/documents/{s.Document}", new { name = "pris.pdf" }, Ct),
        (c, _) => c.PatchAsJsonAsync($"/api/v1/documents/{s.Document}", new { folderId = myFolder }, Ct),
        (c, _) => c.PostAsync($"/api/v1/documents/{s.Document}/trash", null, Ct),
        (c, _) => c.PostAsync($"/api/v1/documents/{s.Document}/restore", null, Ct),
        (c, _) => c.DeleteAsync($"/api/v1/documents/{s.Document}", Ct),
        (c, t) => DocumentsApiTests.UploadAsync(c, $"/api/v1/documents/{s.Document}/versions", t, ("x.pdf", [1, 2], "application/pdf")),
        (c, _) => c.PostAsync($"/api/v1/documents/{s.Document}/versions/{s.Version}/restore", null, Ct),
        (c, _) => c.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Intrus", parentId = s.Folder }, Ct),
        (c, _) => c.PatchAsJsonAsync($"/api/v1/documents/folders/{s.Folder}", new { name = "Pris" }, Ct),
        (c, _) => c.PatchAsJsonAsync($"/api/v1/documents/folders/{s.Folder}", new { parentId = myFolder }, Ct),
        (c, _) => c.PostAsync($"/api/v1/documents/folders/{s.Folder}/trash", null, Ct),
        (c, _) => c.PostAsync($"/api/v1/documents/folders/{s.Folder}/restore", null, Ct),
        (c, _) => c.DeleteAsync($"/api/v1/documents/folders/{s.Folder}", Ct),
        (c, t) => DocumentsApiTests.UploadAsync(c, $"/api/v1/documents/files?folder={s.Folder}", t, ("x.pdf", [1, 2], "application/pdf")),
    ];

    private static IEnumerable<string> Reads(Space s) =>
    [
        $"/api/v1/documents/{s.Document}",
        $"/api/v1/documents/{s.Document}/content",
        $"/api/v1/documents/{s.Document}/versions",
        $"/api/v1/documents/{s.Document}/versions/{s.Version}/content",
        $"/api/v1/documents?folder={s.Folder}",
        $"/api/v1/documents/folders/{s.Folder}/zip",
    ];

    [Fact]
    public async Task Another_persons_documents_and_guessed_ids_answer_404_everywhere_and_stay_untouched()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var space = await ClaireSpaceAsync(claire);
        var guessed = new Space(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var sophieToken = await DocumentsApiTests.TokenAsync(sophie);
        var sophieFolder = DocumentsApiTests.Id(await DocumentsApiTests.JsonAsync(await sophie.PostAsJsonAsync("/api/v1/documents/folders", new { name = "À moi" }, Ct), HttpStatusCode.Created));

        foreach (var target in new[] { space, guessed })
        {
            foreach (var path in Reads(target))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync(path, Ct)).StatusCode);
            }

            var i = 0;
            foreach (var write in Writes(target, sophieFolder))
            {
                var response = await write(sophie, sophieToken);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"write {i++} answered {(int)response.StatusCode}");
            }

            Assert.Equal(HttpStatusCode.NotFound, (await sophie.PostAsJsonAsync($"/api/v1/documents/{target.Document}/copy", new { folderId = sophieFolder }, Ct)).StatusCode);
        }

        // Claire's own ids into sophie's places: claire cannot reach sophie's folder either.
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PostAsJsonAsync($"/api/v1/documents/{space.Document}/copy", new { folderId = sophieFolder }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.PatchAsJsonAsync($"/api/v1/documents/{space.Document}", new { folderId = sophieFolder }, Ct)).StatusCode);

        // Nothing changed for claire.
        var document = await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{space.Document}", Ct), HttpStatusCode.OK);
        Assert.Equal("bulletin.pdf", document.GetProperty("name").GetString());
        Assert.Equal(1, document.GetProperty("version").GetInt32());
        Assert.Equal("confidentiel", await claire.GetStringAsync($"/api/v1/documents/{space.Document}/content", Ct));
        var listing = await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents?folder={space.Folder}", Ct), HttpStatusCode.OK);
        Assert.Empty(listing.GetProperty("folders").EnumerateArray());
    }

    [Fact]
    public async Task A_share_gives_read_and_nothing_else()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var space = await ClaireSpaceAsync(claire);
        var sophieToken = await DocumentsApiTests.TokenAsync(sophie);
        var sophieFolder = DocumentsApiTests.Id(await DocumentsApiTests.JsonAsync(await sophie.PostAsJsonAsync("/api/v1/documents/folders", new { name = "Reçus" }, Ct), HttpStatusCode.Created));

        var share = new { shares = new[] { new { kind = "user", id = sophieId, rights = new[] { "read" } } } };
        Assert.True((await claire.PutAsJsonAsync($"/api/v1/shares/documents.file/{space.Document}", share, Ct)).IsSuccessStatusCode);

        Assert.Equal("confidentiel", await sophie.GetStringAsync($"/api/v1/documents/{space.Document}/content", Ct));
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync($"/api/v1/documents/{space.Document}/versions", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/api/v1/documents?folder={space.Folder}", Ct)).StatusCode);
        var copy = await DocumentsApiTests.JsonAsync(await sophie.PostAsJsonAsync($"/api/v1/documents/{space.Document}/copy", new { folderId = sophieFolder }, Ct), HttpStatusCode.Created);
        Assert.Equal("confidentiel", await sophie.GetStringAsync($"/api/v1/documents/{DocumentsApiTests.Id(copy)}/content", Ct));

        // Shared with its folder: the folder lists and zips for her; still nothing beyond read.
        Assert.True((await claire.PutAsJsonAsync($"/api/v1/shares/documents.folder/{space.Folder}", share, Ct)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync($"/api/v1/documents?folder={space.Folder}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync($"/api/v1/documents/folders/{space.Folder}/zip", Ct)).StatusCode);
        var i = 0;
        foreach (var write in Writes(space, sophieFolder))
        {
            var response = await write(sophie, sophieToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"write {i++} answered {(int)response.StatusCode}");
        }

        Assert.Equal("bulletin.pdf", (await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{space.Document}", Ct), HttpStatusCode.OK)).GetProperty("name").GetString());

        // The share removed, the door closes on the next request.
        var none = new { shares = Array.Empty<object>() };
        Assert.True((await claire.PutAsJsonAsync($"/api/v1/shares/documents.file/{space.Document}", none, Ct)).IsSuccessStatusCode);
        Assert.True((await claire.PutAsJsonAsync($"/api/v1/shares/documents.folder/{space.Folder}", none, Ct)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/api/v1/documents/{space.Document}/content", Ct)).StatusCode);
    }
}

public sealed class SqliteDocumentAccessTests(SqliteDocumentsApp app) : DocumentAccessTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresDocumentAccessTests(PostgresDocumentsApp app) : DocumentAccessTests(app), IClassFixture<PostgresDocumentsApp>;
