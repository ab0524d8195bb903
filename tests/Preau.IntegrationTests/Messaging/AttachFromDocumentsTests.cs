using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.IntegrationTests.Documents;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Attachments;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// "Joindre depuis mes documents": a document of one's space attached to a draft holds the same
/// blob (one more reference, no byte copied), counts in the sender's quota like an upload, and a
/// document the sender may not read — or a draft not theirs — answers 404 with nothing attached.
/// Through the use case, the page without JavaScript and the dialog's JSON answer.
/// </summary>
public abstract class AttachFromDocumentsTests(DocumentsApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> DraftAsync(UserContext me, string to)
    {
        var draft = await app.DraftAsync(me, MessagingData.To(await app.PersonAsync(to)));
        Assert.True(draft.Succeeded);
        return draft.Value!.Id;
    }

    private Task<List<MessageAttachment>> AttachmentsAsync(Guid draftId) =>
        app.WithDbAsync(db => db.Set<MessageAttachment>().AsNoTracking().Where(a => a.MessageId == draftId).ToListAsync(Ct));

    [Fact]
    public async Task A_document_attached_from_my_documents_shares_its_blob_and_is_charged_to_the_sender()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folder = await app.NewFolderAsync(claire);
        var document = await app.StoredAsync(claire, folder, "Fiche de lecture.pdf", DocumentsData.Bytes(1500, 42));
        var key = await app.KeyAsync(document.Id);
        var draft = await DraftAsync(claire, Personas.Sophie);
        var used = await app.UsedAsync(claire.Id);
        Assert.Equal(1, await app.RefsAsync(key));

        var attached = await app.WithAsync<AttachFromDocuments, Outcome<IReadOnlyList<Attached>>>(a => a.AttachAsync(claire, draft, [document.Id], Ct));

        Assert.True(attached.Succeeded);
        var file = Assert.Single(await AttachmentsAsync(draft));
        Assert.Equal(key, file.BlobKey);
        Assert.Equal("Fiche de lecture.pdf", file.FileName);
        Assert.Equal(1500, file.Length);
        Assert.Equal(2, await app.RefsAsync(key));
        Assert.Equal(used + 1500, await app.UsedAsync(claire.Id));

        // Taken off the draft: the reference and the room go back; the document keeps its own.
        await app.WithAsync<AttachFile, Outcome<Done>>(a => a.RemoveAsync(claire, file.Id, Ct));
        Assert.Equal(1, await app.RefsAsync(key));
        Assert.Equal(used, await app.UsedAsync(claire.Id));
    }

    [Fact]
    public async Task A_document_the_sender_may_not_read_or_a_draft_not_theirs_is_not_found_and_nothing_is_attached()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var folder = await app.NewFolderAsync(claire);
        var hers = await app.StoredAsync(claire, folder, "Privé.pdf", DocumentsData.Bytes(700, 43));
        var key = await app.KeyAsync(hers.Id);
        var sophiesDraft = await DraftAsync(sophie, Personas.Claire);
        var clairesDraft = await DraftAsync(claire, Personas.Sophie);
        var used = await app.UsedAsync(sophie.Id);

        var guessed = await app.WithAsync<AttachFromDocuments, Outcome<IReadOnlyList<Attached>>>(a => a.AttachAsync(sophie, sophiesDraft, [hers.Id], Ct));
        var unknown = await app.WithAsync<AttachFromDocuments, Outcome<IReadOnlyList<Attached>>>(a => a.AttachAsync(sophie, sophiesDraft, [Guid.NewGuid()], Ct));
        var notHerDraft = await app.WithAsync<AttachFromDocuments, Outcome<IReadOnlyList<Attached>>>(a => a.AttachAsync(claire, sophiesDraft, [hers.Id], Ct));
        Assert.False(guessed.Found);
        Assert.False(unknown.Found);
        Assert.False(notHerDraft.Found);
        Assert.Empty(await AttachmentsAsync(sophiesDraft));
        Assert.Equal(1, await app.RefsAsync(key));
        Assert.Equal(used, await app.UsedAsync(sophie.Id));

        // Over HTTP: the picker page and its post answer 404 alike.
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var token = await PreauApp.AntiforgeryTokenAsync(client, $"/messagerie/ecrire/documents?brouillon={sophiesDraft}");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/messagerie/ecrire/documents?brouillon={clairesDraft}", Ct)).StatusCode);
        var post = await client.PostAsync($"/messagerie/ecrire/documents?brouillon={sophiesDraft}",
            new FormUrlEncodedContent([new("__csrf", token), new("documents", hers.Id.ToString())]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await AttachmentsAsync(sophiesDraft));
        Assert.Equal(1, await app.RefsAsync(key));
    }

    [Fact]
    public async Task Without_javascript_the_picker_lists_searches_and_posts_back_to_the_draft()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var folderName = "Classe " + Guid.NewGuid().ToString("N")[..6];
        var folder = await app.NewFolderAsync(claire, folderName);
        var first = await app.StoredAsync(claire, folder, "Poésie automne.pdf", DocumentsData.Bytes(900, 44));
        var second = await app.StoredAsync(claire, folder, "Dictée.pdf", DocumentsData.Bytes(800, 45));
        var draft = await DraftAsync(claire, Personas.Sophie);
        var client = await app.SignedInClientAsync(Personas.Claire);

        // The compose page's button saves the draft and leads to the picker.
        var compose = await client.GetStringAsync($"/messagerie/ecrire?brouillon={draft}", Ct);
        Assert.Contains("id=\"compose-from-documents\"", compose, StringComparison.Ordinal);

        var root = await client.GetStringAsync($"/messagerie/ecrire/documents?brouillon={draft}", Ct);
        Assert.Contains(WebUtility.HtmlEncode(folderName), root, StringComparison.Ordinal);
        var inside = await client.GetStringAsync($"/messagerie/ecrire/documents?brouillon={draft}&dossier={folder}", Ct);
        Assert.Contains("Poésie automne.pdf", inside, StringComparison.Ordinal);
        Assert.Contains("Dictée.pdf", inside, StringComparison.Ordinal);
        var found = await client.GetStringAsync($"/messagerie/ecrire/documents?brouillon={draft}&q=poesie", Ct);
        Assert.Contains("Poésie automne.pdf", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Dictée.pdf", found, StringComparison.Ordinal);
        // The dialog's fragment is the picker alone, without the shell.
        var fragment = await client.GetStringAsync($"/messagerie/ecrire/documents?brouillon={draft}&dossier={folder}&fragment=1", Ct);
        Assert.Contains("data-docpicker-body", fragment, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragment, StringComparison.OrdinalIgnoreCase);

        var token = await PreauApp.AntiforgeryTokenAsync(client, $"/messagerie/ecrire/documents?brouillon={draft}&dossier={folder}");
        var posted = await client.PostAsync($"/messagerie/ecrire/documents?brouillon={draft}",
            new FormUrlEncodedContent([new("__csrf", token), new("documents", first.Id.ToString()), new("documents", second.Id.ToString())]), Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/messagerie/ecrire?brouillon={draft}", posted.Headers.Location?.OriginalString);
        var files = await AttachmentsAsync(draft);
        Assert.Equal(["Dictée.pdf", "Poésie automne.pdf"], files.Select(f => f.FileName).Order(StringComparer.Ordinal));
        Assert.Equal((await app.KeyAsync(first.Id), await app.KeyAsync(second.Id)),
            (files.Single(f => f.FileName.StartsWith("Po", StringComparison.Ordinal)).BlobKey, files.Single(f => f.FileName.StartsWith("Di", StringComparison.Ordinal)).BlobKey));
        Assert.Contains("Dictée.pdf", await client.GetStringAsync($"/messagerie/ecrire?brouillon={draft}", Ct), StringComparison.Ordinal);

        // The dialog posts the same form by fetch and reads JSON.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/messagerie/ecrire/documents?brouillon={draft}")
        {
            Content = new FormUrlEncodedContent([new("__csrf", token), new("documents", first.Id.ToString())]),
        };
        request.Headers.Add("Accept", "application/json");
        var json = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var answer = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("Poésie automne.pdf", answer.GetProperty("attached")[0].GetProperty("name").GetString());
        Assert.Equal(900, answer.GetProperty("attached")[0].GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task The_platform_contract_reads_only_what_the_person_may_read()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var folder = await app.NewFolderAsync(claire);
        var document = await app.StoredAsync(claire, folder, "Contrat.pdf", DocumentsData.Bytes(300, 46));

        var mine = await app.WithAsync<IDocumentSource, PickedDocument?>(s => s.ReferenceAsync(claire, document.Id, Ct));
        Assert.Equal(new PickedDocument(document.Id, await app.KeyAsync(document.Id), "Contrat.pdf", document.ContentType, 300), mine);
        Assert.Null(await app.WithAsync<IDocumentSource, PickedDocument?>(s => s.ReferenceAsync(sophie, document.Id, Ct)));
        Assert.Null(await app.WithAsync<IDocumentSource, PickerListing?>(s => s.BrowseAsync(sophie, folder, null, 1, Ct)));
        var listing = await app.WithAsync<IDocumentSource, PickerListing?>(s => s.BrowseAsync(claire, folder, null, 1, Ct));
        Assert.Equal(["Contrat.pdf"], listing!.Documents.Select(d => d.Name));
    }
}

public sealed class SqliteAttachFromDocumentsTests(SqliteDocumentsApp app) : AttachFromDocumentsTests(app), IClassFixture<SqliteDocumentsApp>;

public sealed class PostgresAttachFromDocumentsTests(PostgresDocumentsApp app) : AttachFromDocumentsTests(app), IClassFixture<PostgresDocumentsApp>;
