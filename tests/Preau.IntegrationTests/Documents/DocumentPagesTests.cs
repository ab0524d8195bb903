using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Preau.Documents.Domain;
using Preau.Documents.Features.Files;
using Preau.IntegrationTests.Messaging;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Documents;

/// <summary>
/// "Mes documents" over HTTP as a browser without script uses it: a folder's page for its owner and
/// 404 for anyone else's folder, every action a form posted with its token that comes back with what
/// was done (create, rename, move, copy, trash, restore, delete for good, empty the trash), the
/// upload form streamed (its token first), the view remembered, the quota bar and its alert.
/// </summary>
public abstract class DocumentPagesTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await PreauApp.AntiforgeryTokenAsync(client, page);
        var form = new List<KeyValuePair<string, string>> { new("__csrf", token) };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>Posts and expects the redirect back to <paramref name="page"/> saying <paramref name="done"/>.</summary>
    private static async Task PostDoneAsync(HttpClient client, string page, string action, string done, params (string Name, string Value)[] fields)
    {
        var response = await PostAsync(client, page, action, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("fait=" + done, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var html = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("class=\"alert success\"", html, StringComparison.Ordinal);
    }

    private Task<DocDocument?> DocumentAsync(Guid id) => app.WithDbAsync(db => db.Set<DocDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, Ct));

    private Task<DocFolder?> FolderAsync(Guid id) => app.WithDbAsync(db => db.Set<DocFolder>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, Ct));

    private static string Page(Guid folder) => $"/documents/dossier/{folder}";

    [Fact]
    public async Task A_folder_shows_its_path_subfolders_and_documents_to_its_owner_only()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var top = await app.NewFolderAsync(claire, "Séquences " + Guid.NewGuid().ToString("N")[..6]);
        var inner = (await app.WithAsync<Preau.Documents.Features.Folders.ManageFolders, Outcome<Preau.Documents.Features.Folders.FolderItem>>(
            f => f.CreateAsync(claire, top, "Géographie", Ct))).Value!;
        await app.StoredAsync(claire, inner.Id, "Carte de France.pdf");
        await app.StoredAsync(claire, inner.Id, "Relief.pdf");
        var client = await app.SignedInClientAsync(Personas.Claire);

        var root = await client.GetStringAsync("/documents", Ct);
        Assert.Contains("href=\"/documents/dossier/" + top + "\"", root, StringComparison.Ordinal);
        Assert.Contains("name=\"__csrf\"", root, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents/partages\"", root, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents/corbeille\"", root, StringComparison.Ordinal);
        Assert.Contains("class=\"docs-quota-bar\"", root, StringComparison.Ordinal);

        var html = await client.GetStringAsync(Page(inner.Id), Ct);
        Assert.Contains("Géographie", html, StringComparison.Ordinal);
        Assert.Matches("docs-path[\\s\\S]*/documents/dossier/" + top + "[\\s\\S]*aria-current=\"page\">Géographie", html);
        Assert.True(html.IndexOf("Carte de France.pdf", StringComparison.Ordinal) < html.IndexOf("Relief.pdf", StringComparison.Ordinal));
        Assert.Contains("action=\"/documents/envoyer?dossier=" + inner.Id + "\"", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);

        // Sorted by name the other way, searched by name.
        var desc = await client.GetStringAsync(Page(inner.Id) + "?ordre=desc", Ct);
        Assert.True(desc.IndexOf("Relief.pdf", StringComparison.Ordinal) < desc.IndexOf("Carte de France.pdf", StringComparison.Ordinal));
        var found = await client.GetStringAsync("/documents?q=relief", Ct);
        Assert.Contains("Relief.pdf", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Carte de France.pdf", found, StringComparison.Ordinal);

        // Someone else's folder, a guessed id: not found, as is the trash of nobody's id.
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync(Page(inner.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Page(Guid.NewGuid()), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync("/documents", Ct)).StatusCode);
        Assert.DoesNotContain("Géographie", await sophie.GetStringAsync("/documents?q=geographie", Ct), StringComparison.Ordinal);

        // Sophie may not rename or trash Claire's things through her own page either.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(sophie, "/documents", "/documents?handler=rename", ("folder", inner.Id.ToString()), ("name", "À moi"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(sophie, "/documents", "/documents?handler=bulk", ("folders", inner.Id.ToString()), ("action", "corbeille"))).StatusCode);
        Assert.Equal("Géographie", (await FolderAsync(inner.Id))!.Name);
    }

    [Fact]
    public async Task A_page_of_documents_leads_to_the_next_one()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        for (var i = 0; i < 52; i++)
        {
            await app.StoredAsync(claire, folder, $"Page {i:00}.pdf", [1]);
        }

        var client = await app.SignedInClientAsync(Personas.Claire);
        var first = await client.GetStringAsync(Page(folder), Ct);
        Assert.Contains("Page 49.pdf", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 50.pdf", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/documents/dossier/{folder}?p=2\"", first, StringComparison.Ordinal);
        var second = await client.GetStringAsync(Page(folder) + "?p=2", Ct);
        Assert.Contains("Page 51.pdf", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 49.pdf", second, StringComparison.Ordinal);
        await app.DeleteAllAsync(claire);
    }

    [Fact]
    public async Task Folders_are_created_renamed_moved_and_trashed_by_plain_forms()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var home = await app.NewFolderAsync(claire);
        var client = await app.SignedInClientAsync(Personas.Claire);
        var page = Page(home);

        await PostDoneAsync(client, page, page + "?handler=create", "dossier-cree", ("name", "Projets"));
        var created = await app.WithDbAsync(db => db.Set<DocFolder>().SingleAsync(f => f.ParentId == home && f.Name == "Projets", Ct));

        await PostDoneAsync(client, page, page + "?handler=rename", "renomme", ("folder", created.Id.ToString()), ("name", "Projets 2026"));
        Assert.Equal("Projets 2026", (await FolderAsync(created.Id))!.Name);

        // A refused name comes back as the error, naming it.
        var refused = await PostAsync(client, page, page + "?handler=create", ("name", "../secret"));
        Assert.Contains("erreur=Error.NameSlash", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("alert error", await client.GetStringAsync(refused.Headers.Location!.OriginalString, Ct), StringComparison.Ordinal);

        // Moved to the root, then a folder cannot go into itself.
        await PostDoneAsync(client, page, page + "?handler=bulk", "deplace", ("folders", created.Id.ToString()), ("action", "deplacer"), ("vers", Guid.Empty.ToString()));
        Assert.Equal(DocFolder.Root, (await FolderAsync(created.Id))!.ParentId);
        var cycle = await PostAsync(client, "/documents", "/documents?handler=bulk", ("folders", home.ToString()), ("action", "deplacer"), ("vers", home.ToString()));
        Assert.Contains("erreur=Error.MoveIntoItself", cycle.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await PostDoneAsync(client, "/documents", "/documents?handler=bulk", "corbeille", ("folders", created.Id.ToString()), ("action", "corbeille"));
        Assert.NotNull((await FolderAsync(created.Id))!.TrashedAt);

        // Nothing ticked: said so.
        var nothing = await PostAsync(client, page, page + "?handler=bulk", ("action", "corbeille"));
        Assert.Contains("erreur=Docs.Error.NothingTicked", nothing.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_are_renamed_moved_copied_trashed_restored_and_deleted_by_plain_forms()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var from = await app.NewFolderAsync(claire);
        var to = await app.NewFolderAsync(claire);
        var one = await app.StoredAsync(claire, from, "Dictée.pdf");
        var two = await app.StoredAsync(claire, from, "Calcul.pdf");
        var client = await app.SignedInClientAsync(Personas.Claire);
        var page = Page(from);

        await PostDoneAsync(client, page, page + "?handler=rename", "renomme", ("doc", one.Id.ToString()), ("name", "Dictée 1.pdf"));
        Assert.Equal("Dictée 1.pdf", (await DocumentAsync(one.Id))!.Name);
        var taken = await PostAsync(client, page, page + "?handler=rename", ("doc", two.Id.ToString()), ("name", "Dictée 1.pdf"));
        Assert.Contains("erreur=Error.NameTaken", taken.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Both ticked: copied, then moved, to the other folder.
        await PostDoneAsync(client, page, page + "?handler=bulk", "copie", ("docs", one.Id.ToString()), ("docs", two.Id.ToString()), ("action", "copier"), ("vers", to.ToString()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.FolderId == to && d.TrashedAt == null, Ct)));
        await PostDoneAsync(client, page, page + "?handler=bulk", "deplace", ("docs", one.Id.ToString()), ("action", "deplacer"), ("vers", to.ToString()));
        Assert.Equal(to, (await DocumentAsync(one.Id))!.FolderId);
        Assert.Equal("Dictée 1 (2).pdf", (await DocumentAsync(one.Id))!.Name);

        await PostDoneAsync(client, page, page + "?handler=bulk", "corbeille", ("docs", two.Id.ToString()), ("action", "corbeille"));
        Assert.NotNull((await DocumentAsync(two.Id))!.TrashedAt);
        var trash = await client.GetStringAsync("/documents/corbeille", Ct);
        Assert.Contains("Calcul.pdf", trash, StringComparison.Ordinal);
        Assert.Contains("name=\"__csrf\"", trash, StringComparison.Ordinal);

        await PostDoneAsync(client, "/documents/corbeille", "/documents/corbeille?handler=bulk", "restaure", ("docs", two.Id.ToString()), ("action", "restaurer"));
        Assert.Null((await DocumentAsync(two.Id))!.TrashedAt);

        await PostDoneAsync(client, page, page + "?handler=bulk", "corbeille", ("docs", two.Id.ToString()), ("action", "corbeille"));
        await PostDoneAsync(client, "/documents/corbeille", "/documents/corbeille?handler=bulk", "supprime", ("docs", two.Id.ToString()), ("action", "supprimer"));
        Assert.Null(await DocumentAsync(two.Id));

        // Someone else's trash: nothing of Claire's can be restored or deleted from it.
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(sophie, "/documents/corbeille", "/documents/corbeille?handler=bulk", ("docs", one.Id.ToString()), ("action", "supprimer"))).StatusCode);
        Assert.NotNull(await DocumentAsync(one.Id));

        // The trash emptied, with its confirmation as a form.
        await PostDoneAsync(client, page, page + "?handler=bulk", "corbeille", ("docs", one.Id.ToString()), ("action", "corbeille"));
        await PostDoneAsync(client, "/documents/corbeille", "/documents/corbeille?handler=empty", "vide");
        Assert.Null(await DocumentAsync(one.Id));
        Assert.Contains("class=\"empty-state docs-empty\"", await client.GetStringAsync("/documents/corbeille", Ct), StringComparison.Ordinal);
        await app.DeleteAllAsync(claire);
    }

    [Fact]
    public async Task The_upload_form_streams_the_files_with_its_token_first_and_names_a_refused_one()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var client = await app.SignedInClientAsync(Personas.Claire);
        var token = await PreauApp.AntiforgeryTokenAsync(client, Page(folder));

        var response = await FormUploadAsync(client, folder, token, ("Poème.txt", Encoding.UTF8.GetBytes("Le corbeau et le renard")), ("Image.pdf", DocumentsData.Bytes(300, 3)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/documents/dossier/{folder}?fait=envoye", response.Headers.Location!.OriginalString);
        var names = await app.WithDbAsync(db => db.Set<DocDocument>().Where(d => d.FolderId == folder).Select(d => d.Name).ToListAsync(Ct));
        Assert.Equal(["Image.pdf", "Poème.txt"], names.Order(StringComparer.Ordinal));
        Assert.Contains("Poème.txt", await client.GetStringAsync(Page(folder), Ct), StringComparison.Ordinal);

        // An empty file is refused by name; the good one beside it is kept.
        var empty = await FormUploadAsync(client, folder, token, ("vide.txt", []), ("plein.txt", [1, 2, 3]));
        var location = empty.Headers.Location!.OriginalString;
        Assert.Contains("fait=envoye", location, StringComparison.Ordinal);
        Assert.Contains("erreur=Error.EmptyFile", location, StringComparison.Ordinal);
        Assert.Contains("fichier=vide.txt", location, StringComparison.Ordinal);
        var said = await client.GetStringAsync(location, Ct);
        Assert.Contains("<strong class=\"docs-status-file\">vide.txt</strong>", said, StringComparison.Ordinal);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.FolderId == folder, Ct)));

        // Without the token (or with it after the files), nothing is read nor stored.
        Assert.Equal(HttpStatusCode.BadRequest, (await FormUploadAsync(client, folder, null, ("sans.txt", [1]))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await FormUploadAsync(client, folder, "not-a-token", ("faux.txt", [1]))).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.FolderId == folder, Ct)));

        // Someone else's folder: not found, nothing stored.
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var sophieToken = await PreauApp.AntiforgeryTokenAsync(sophie, "/documents");
        Assert.Equal(HttpStatusCode.NotFound, (await FormUploadAsync(sophie, folder, sophieToken, ("intrus.txt", [1]))).StatusCode);
        Assert.Equal(3, await app.WithDbAsync(db => db.Set<DocDocument>().CountAsync(d => d.FolderId == folder, Ct)));
        await app.DeleteAllAsync(claire);
    }

    /// <summary>The upload form as a browser sends it: the token field first, then the files.</summary>
    private static async Task<HttpResponseMessage> FormUploadAsync(HttpClient client, Guid folder, string? token, params (string Name, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__csrf");
        }

        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse("application/octet-stream");
            form.Add(part, "files", name);
        }

        return await client.PostAsync($"/documents/envoyer?dossier={folder}", form, Ct);
    }

    [Fact]
    public async Task The_view_is_remembered_and_the_quota_bar_warns_from_four_fifths()
    {
        var claire = await app.MeAsync(Personas.Claire);
        await app.DeleteAllAsync(claire); // the other tests of the class may have left her some room taken
        var client = await app.SignedInClientAsync(Personas.Claire);
        var view = await PostAsync(client, "/documents", "/documents?handler=view", ("vue", "grille"));
        Assert.Equal(HttpStatusCode.Redirect, view.StatusCode);
        Assert.Contains(view.Headers.GetValues("Set-Cookie"), c => c.StartsWith("preau.documents.view=grille", StringComparison.Ordinal));
        var folder = await app.NewFolderAsync(claire);
        Assert.Contains("docs-items docs-grid", await client.GetStringAsync("/documents", Ct), StringComparison.Ordinal);

        // 4 files of 4 KiB: 16,384 of 20,000 bytes, past 80 %.
        for (var i = 0; i < 4; i++)
        {
            await app.StoredAsync(claire, folder, $"Lourd {i}.pdf", DocumentsData.Bytes(4096, (byte)i));
        }

        var nearly = await client.GetStringAsync("/documents", Ct);
        Assert.Contains("docs-quota-nearly", nearly, StringComparison.Ordinal);
        Assert.Contains("docs-quota-warning", nearly, StringComparison.Ordinal);
        await app.StoredAsync(claire, folder, "Dernier.pdf", DocumentsData.Bytes(3616, 9));
        var full = await client.GetStringAsync("/documents", Ct);
        Assert.Contains("docs-quota-full", full, StringComparison.Ordinal);
        Assert.Contains("Votre espace est plein", full, StringComparison.Ordinal);
        await app.DeleteAllAsync(claire);
        await PostAsync(client, "/documents", "/documents?handler=view", ("vue", "liste"));
    }

    [Fact]
    public async Task A_young_pupil_gets_large_tiles_and_read_aloud_buttons()
    {
        var lea = await app.MeAsync(Personas.Lea);
        var folder = await app.NewFolderAsync(lea, "Mes dessins");
        var client = await app.SignedInClientAsync(Personas.Lea);
        var html = await client.GetStringAsync("/documents", Ct);
        Assert.Contains("docs-items docs-grid docs-young", html, StringComparison.Ordinal);
        Assert.Contains("data-speak=\"Ajouter des fichiers\"", html, StringComparison.Ordinal);
        Assert.Contains("data-speak=\"Nouveau dossier\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"docs-bulk\"", html, StringComparison.Ordinal);
        await app.WithAsync<DocumentTrash, Outcome<Done>>(t => t.DeleteFolderAsync(lea, folder, Ct));
    }
}

public sealed class SqliteDocumentPagesTests(SqliteDocumentsApp app) : DocumentPagesTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresDocumentPagesTests(PostgresDocumentsApp app) : DocumentPagesTests(app), IClassFixture<PostgresDocumentsApp>;
