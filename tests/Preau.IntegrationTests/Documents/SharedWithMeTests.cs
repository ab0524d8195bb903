using System.Net;
using Preau.Documents.Features.Sharing;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// "Partagés avec moi" lists what others shared with the person (or their class), with its owner
/// and the right held; a shared folder opens read only, or open to uploads with contrib, whose
/// documents are the owner's and count in the owner's quota.
/// </summary>
public abstract class SharedWithMeTests(DocumentItemApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shared_documents_and_folders_are_listed_with_their_owner_and_right_and_a_folder_opens()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var sophieClient = await app.SignedInClientAsync(Personas.Sophie);
        var sophie = await app.MeAsync(Personas.Sophie);
        var (_, files) = await DocumentPages.FolderWithAsync(claire, ("Menu de la cantine.pdf", DocumentPages.Pdf, "application/pdf"));
        var (folder, inside) = await DocumentPages.FolderWithAsync(claire, ("Photo de classe.pdf", DocumentPages.Pdf, "application/pdf"));
        await DocumentPages.ShareAsync(claire, "documents.file", files[0], ("user", sophie.Id, "read"));
        await DocumentPages.ShareAsync(claire, "documents.folder", folder, ("group", await app.GroupAsync("CE2 A", Profile.Relative), "contrib"));

        var items = await app.WithAsync<SharedWithMe, IReadOnlyList<SharedItem>>(s => s.ListAsync(sophie, Ct));
        var file = Assert.Single(items, i => i.Id == files[0]);
        Assert.Equal(("Menu de la cantine.pdf", false, "Claire Martin", "read"), (file.Name, file.IsFolder, file.OwnerName, file.Right));
        var shared = Assert.Single(items, i => i.Id == folder);
        Assert.Equal((true, "contrib"), (shared.IsFolder, shared.Right));
        Assert.DoesNotContain(items, i => i.Id == inside[0]);

        var page = await DocumentPages.PageAsync(sophieClient, "/documents/partages");
        Assert.Contains("Menu de la cantine.pdf", page, StringComparison.Ordinal);
        Assert.Contains($"/documents/partages/dossier/{folder}", page, StringComparison.Ordinal);
        var opened = await DocumentPages.PageAsync(sophieClient, $"/documents/partages/dossier/{folder}");
        Assert.Contains("Photo de classe.pdf", opened, StringComparison.Ordinal);
        Assert.Contains($"/documents/{inside[0]}", opened, StringComparison.Ordinal);
        Assert.Contains("handler=upload", opened, StringComparison.Ordinal);

        // The owner does not see her own things there; her folder opened by that address goes to its place in her space.
        var claireMe = await app.MeAsync(Personas.Claire);
        Assert.DoesNotContain(await app.WithAsync<SharedWithMe, IReadOnlyList<SharedItem>>(s => s.ListAsync(claireMe, Ct)), i => i.Id == folder || i.Id == files[0]);
        Assert.Equal($"/documents/dossier/{folder}", (await claire.GetAsync($"/documents/partages/dossier/{folder}", Ct)).RedirectTarget());

        // Hugo, in another school, sees none of it; a trashed document leaves the list.
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.DoesNotContain("Menu de la cantine.pdf", await DocumentPages.PageAsync(hugo, "/documents/partages"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/documents/partages/dossier/{folder}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await claire.PostAsync($"/api/v1/documents/{files[0]}/trash", null, Ct)).StatusCode);
        Assert.DoesNotContain(await app.WithAsync<SharedWithMe, IReadOnlyList<SharedItem>>(s => s.ListAsync(sophie, Ct)), i => i.Id == files[0]);
    }

    [Fact]
    public async Task A_contributor_uploads_and_renames_in_a_shared_folder_and_the_owner_is_charged()
    {
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var sophieClient = await app.SignedInClientAsync(Personas.Sophie);
        var claireId = await app.PersonAsync(Personas.Claire);
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var lea = await app.SignedInClientAsync(Personas.Lea);
        var (folder, _) = await DocumentPages.FolderWithAsync(claire);
        await DocumentPages.ShareAsync(claire, "documents.folder", folder, ("user", sophieId, "contrib"));
        var claireBefore = await app.UsedAsync(claireId);
        var sophieBefore = await app.UsedAsync(sophieId);

        // Through the API, then through the shared folder's page form.
        var content = DocumentsData.Bytes(1000, 3);
        var id = await DocumentPages.UploadAsync(sophieClient, folder, ("autorisation.pdf", content, "application/pdf"));
        using (var form = new MultipartFormDataContent { { new StringContent(await PreauApp.AntiforgeryTokenAsync(sophieClient, "/account")), "__csrf" } })
        {
            form.Add(new ByteArrayContent(DocumentsData.Bytes(500, 4)), "files", "mot.pdf");
            Assert.Equal($"/documents/partages/dossier/{folder}?fait=1", (await sophieClient.PostAsync($"/documents/partages/dossier/{folder}?handler=upload", form, Ct)).RedirectTarget());
        }

        Assert.Equal(claireBefore + 1500, await app.UsedAsync(claireId));
        Assert.Equal(sophieBefore, await app.UsedAsync(sophieId));
        var listing = await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents?folder={folder}", Ct), HttpStatusCode.OK);
        Assert.Equal(["autorisation.pdf", "mot.pdf"], listing.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()));

        // The page's other form makes a subfolder, the owner's (a taken name gets a number); a bad name is said, and nothing is made.
        Assert.Contains("handler=create", await DocumentPages.PageAsync(sophieClient, $"/documents/partages/dossier/{folder}"), StringComparison.Ordinal);
        Assert.Equal($"/documents/partages/dossier/{folder}?cree=Sorties",
            (await sophieClient.PostFormAsync($"/documents/partages/dossier/{folder}?handler=create", [("name", "Sorties")], "/account")).RedirectTarget());
        Assert.Equal($"/documents/partages/dossier/{folder}?cree=Sorties%20%282%29",
            (await sophieClient.PostFormAsync($"/documents/partages/dossier/{folder}?handler=create", [("name", "Sorties")], "/account")).RedirectTarget());
        Assert.Equal($"/documents/partages/dossier/{folder}?erreur=Error.NameSlash",
            (await sophieClient.PostFormAsync($"/documents/partages/dossier/{folder}?handler=create", [("name", "../haut")], "/account")).RedirectTarget());
        Assert.Contains("Un nom ne peut pas contenir", await DocumentPages.PageAsync(sophieClient, $"/documents/partages/dossier/{folder}?erreur=Error.NameSlash"), StringComparison.Ordinal);
        Assert.Contains("Dossier «\u00A0Sorties (2)\u00A0» créé.", WebUtility.HtmlDecode(await DocumentPages.PageAsync(sophieClient, $"/documents/partages/dossier/{folder}?cree=Sorties%20%282%29")), StringComparison.Ordinal);
        var subfolders = (await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents?folder={folder}", Ct), HttpStatusCode.OK)).GetProperty("folders");
        Assert.Equal(["Sorties", "Sorties (2)"], subfolders.EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        // A contributor renames and adds a version (the owner's quota again); the owner sees it.
        Assert.Equal($"/documents/{id}?fait=renomme", (await DocumentPages.PostPageAsync(sophieClient, id, "rename", ("name", "Autorisation signée.pdf"))).RedirectTarget());
        Assert.Equal("Autorisation signée.pdf", (await DocumentsApiTests.JsonAsync(await claire.GetAsync($"/api/v1/documents/{id}", Ct), HttpStatusCode.OK)).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, (await DocumentsApiTests.UploadAsync(sophieClient, $"/api/v1/documents/{id}/versions", await DocumentsApiTests.TokenAsync(sophieClient),
            ("v2.pdf", DocumentsData.Bytes(200, 5), "application/pdf"))).StatusCode);
        Assert.Equal(claireBefore + 1700, await app.UsedAsync(claireId));
        Assert.Equal(sophieBefore, await app.UsedAsync(sophieId));

        // Read only is read only: lea, who only reads it through her class, cannot upload.
        await DocumentPages.ShareAsync(claire, "documents.folder", folder, ("user", sophieId, "contrib"), ("group", await app.GroupAsync("CE2 A", Profile.Student), "read"));
        Assert.Equal(HttpStatusCode.NotFound, (await DocumentsApiTests.UploadAsync(lea, $"/api/v1/documents/files?folder={folder}", await DocumentsApiTests.TokenAsync(lea),
            ("x.pdf", [1, 2, 3], "application/pdf"))).StatusCode);
        var leaPage = await DocumentPages.PageAsync(lea, $"/documents/partages/dossier/{folder}");
        Assert.DoesNotContain("handler=upload", leaPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=create", leaPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await lea.PostFormAsync($"/documents/partages/dossier/{folder}?handler=create", [("name", "Moi")], "/account")).StatusCode);

        // The owner's quota is the limit, not the contributor's.
        var full = await DocumentsApiTests.UploadAsync(sophieClient, $"/api/v1/documents/files?folder={folder}", await DocumentsApiTests.TokenAsync(sophieClient),
            ("gros.pdf", DocumentsData.Bytes(DocumentsApp.MaxFile, 6), "application/pdf"), ("gros2.pdf", DocumentsData.Bytes(DocumentsApp.MaxFile, 7), "application/pdf"),
            ("gros3.pdf", DocumentsData.Bytes(DocumentsApp.MaxFile, 8), "application/pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, full.StatusCode);
        Assert.True(await app.UsedAsync(claireId) <= DocumentsApp.TeacherQuota);
        Assert.Equal(sophieBefore, await app.UsedAsync(sophieId));
        await app.DeleteAllAsync(await app.MeAsync(Personas.Claire));
    }
}

public sealed class SqliteSharedWithMeTests(SqliteDocumentItemApp app) : SharedWithMeTests(app), IClassFixture<SqliteDocumentItemApp>;

public sealed class PostgresSharedWithMeTests(PostgresDocumentItemApp app) : SharedWithMeTests(app), IClassFixture<PostgresDocumentItemApp>;
