using System.Net;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The mailbox pages over HTTP, as a browser without script uses them: folders and counts, lines,
/// the conversation, bulk actions posted with the form token touching one's own copies only,
/// folders, recall and report through the page, search, and bodies rendered through the policy.
/// </summary>
public abstract class MailboxPagesTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each test past the sending rate window of the one before, the app being shared.</summary>
    private async Task<(UserContext Claire, UserContext Sophie)> PeopleAsync()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        return (await app.MeAsync(Personas.Claire), await app.MeAsync(Personas.Sophie));
    }

    private async Task<Guid> SendAsync(UserContext from, UserContext to, string subject, string body = "Un message.")
    {
        var (id, sent) = await app.SendAsync(from, MessagingData.To(to.Id) with { Subject = subject, Body = body });
        Assert.True(sent.Succeeded);
        return id;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var token = await PreauApp.AntiforgeryTokenAsync(client, page);
        var form = new List<KeyValuePair<string, string>> { new("__csrf", token) };
        form.AddRange(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form), Ct);
    }

    private Task<MailboxEntry?> EntryAsync(Guid userId, Guid messageId) =>
        app.WithDbAsync(db => db.Set<MailboxEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.MessageId == messageId, Ct));

    [Fact]
    public async Task The_inbox_shows_the_folders_the_unread_count_and_the_new_line_in_bold_with_words()
    {
        var (claire, sophie) = await PeopleAsync();
        var id = await SendAsync(claire, sophie, "Piscine jeudi");
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var html = await client.GetStringAsync("/messagerie", Ct);
        foreach (var name in new[] { "Réception", "Envoyés", "Brouillons", "Programmés", "Corbeille" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }

        var unread = (await app.WithAsync<ReadMailbox, IReadOnlyDictionary<Guid, FolderCount>>(m => m.CountsAsync(sophie.Id, Ct)))[SystemFolders.Inbox].Unread;
        Assert.Matches($"data-mailbox-count=\"reception\"[^>]*><span aria-hidden=\"true\">{unread}</span><span class=\"visually-hidden\">{unread} non lus?</span>", html);
        Assert.Contains("Piscine jeudi", html, StringComparison.Ordinal);
        Assert.Contains($"class=\"mail-line unread\" data-message-id=\"{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("non lu</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/messagerie/ecrire\"", html, StringComparison.Ordinal);

        // The counts for the live page, by folder slug.
        var counts = await client.GetStringAsync("/messagerie/compteurs", Ct);
        Assert.Contains($"\"reception\":{{\"folderId\":\"{SystemFolders.Inbox}\",\"unread\":{unread}", counts, StringComparison.Ordinal);

        // Claire's Sent folder names Sophie as the recipient; a folder of someone else's is not there.
        var claireClient = await app.SignedInClientAsync(Personas.Claire);
        var sent = await claireClient.GetStringAsync("/messagerie/dossier/envoyes", Ct);
        Assert.Contains("Piscine jeudi", sent, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(sophie.DisplayName), sent, StringComparison.Ordinal);
        var folder = await app.WithAsync<ManageFolders, Outcome<Guid>>(f => f.CreateAsync(sophie, "Privé", null, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await claireClient.GetAsync($"/messagerie/dossier/{folder.Value}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claireClient.GetAsync("/messagerie/dossier/nimporte", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_message_opens_for_its_holders_only_and_is_read_once_opened()
    {
        var (claire, sophie) = await PeopleAsync();
        var id = await SendAsync(claire, sophie, "Sortie au musée", "<p>Rendez-vous à <strong>8 h</strong>.</p>");
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var html = await client.GetStringAsync($"/messagerie/message/{id}", Ct);
        Assert.Contains("Sortie au musée", html, StringComparison.Ordinal);
        Assert.Contains("<strong>8 h</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"/messagerie/ecrire?repondre={id}", html, StringComparison.Ordinal);
        Assert.Contains($"/messagerie/ecrire?repondre-a-tous={id}", html, StringComparison.Ordinal);
        Assert.Contains($"/messagerie/ecrire?transferer={id}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-recall", html, StringComparison.Ordinal); // only the sender may recall
        Assert.False((await EntryAsync(sophie.Id, id))!.Unread);

        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/messagerie/message/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/messagerie/message/{Guid.NewGuid()}", Ct)).StatusCode);
        var token = await PreauApp.AntiforgeryTokenAsync(hugo, "/messagerie/dossiers");
        var forged = await hugo.PostAsync($"/messagerie/message/{id}?handler=report", new FormUrlEncodedContent([new("__csrf", token)]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_body_with_a_script_handler_renders_without_it()
    {
        var (claire, sophie) = await PeopleAsync();
        var id = await SendAsync(claire, sophie, "Image", "<p>Voir</p><img src=x onerror=alert(1)>");
        // Even were it stored raw, the page renders through the policy.
        await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, "<p>Voir</p><img src=x onerror=alert(1)><script>alert(2)</script>"), Ct));
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var html = await client.GetStringAsync($"/messagerie/message/{id}", Ct);
        Assert.Contains("<p>Voir</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_actions_need_the_token_and_touch_only_one_s_own_copies()
    {
        var (claire, sophie) = await PeopleAsync();
        // Another parent of the class, whom Claire reaches too.
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var nina = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == parents && m.UserId != sophie.Id).Select(m => m.UserId).FirstAsync(Ct));
        var (id, sent) = await app.SendAsync(claire, MessagingData.To(sophie.Id, nina) with { Subject = "Pour deux" });
        Assert.True(sent.Succeeded);
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var noToken = await client.PostAsync("/messagerie?handler=bulk", new FormUrlEncodedContent([new("ids", id.ToString()), new("action", "supprimer")]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(SystemFolders.Inbox, (await EntryAsync(sophie.Id, id))!.FolderId);

        var read = await PostAsync(client, "/messagerie", "/messagerie?handler=bulk", ("ids", id.ToString()), ("action", "lu"));
        Assert.Equal("/messagerie?fait=lu", read.Headers.Location?.OriginalString);
        Assert.False((await EntryAsync(sophie.Id, id))!.Unread);
        Assert.True((await EntryAsync(nina, id))!.Unread);

        var trashed = await PostAsync(client, "/messagerie", "/messagerie?handler=bulk", ("ids", id.ToString()), ("action", "supprimer"));
        Assert.Equal(HttpStatusCode.Redirect, trashed.StatusCode);
        Assert.Equal(SystemFolders.Trash, (await EntryAsync(sophie.Id, id))!.FolderId);
        Assert.Contains("Pour deux", await client.GetStringAsync("/messagerie/dossier/corbeille", Ct), StringComparison.Ordinal);

        var restored = await PostAsync(client, "/messagerie/dossier/corbeille", "/messagerie/dossier/corbeille?handler=bulk", ("ids", id.ToString()), ("action", "restaurer"));
        Assert.Equal("/messagerie/dossier/corbeille?fait=restaure", restored.Headers.Location?.OriginalString);
        Assert.Equal(SystemFolders.Inbox, (await EntryAsync(sophie.Id, id))!.FolderId);

        await PostAsync(client, "/messagerie", "/messagerie?handler=bulk", ("ids", id.ToString()), ("action", "supprimer"));
        await PostAsync(client, "/messagerie/dossier/corbeille", "/messagerie/dossier/corbeille?handler=bulk", ("ids", id.ToString()), ("action", "effacer"));
        Assert.Null(await EntryAsync(sophie.Id, id));
        Assert.Equal(SystemFolders.Inbox, (await EntryAsync(nina, id))!.FolderId); // Nina's copy stays
        Assert.Equal(SystemFolders.Sent, (await EntryAsync(claire.Id, id))!.FolderId);

        // Someone else's id is ignored, never touched.
        var (other, _) = await app.SendAsync(claire, MessagingData.To(nina) with { Subject = "Pour l’autre parent" });
        await PostAsync(client, "/messagerie", "/messagerie?handler=bulk", ("ids", other.ToString()), ("action", "supprimer"));
        Assert.Equal(SystemFolders.Inbox, (await EntryAsync(nina, other))!.FolderId);

        // Emptying the trash, after its confirmation.
        var third = await SendAsync(claire, sophie, "À jeter");
        await PostAsync(client, "/messagerie", "/messagerie?handler=bulk", ("ids", third.ToString()), ("action", "supprimer"));
        var trash = await client.GetStringAsync("/messagerie/dossier/corbeille", Ct);
        Assert.Contains("Tous les messages de la corbeille seront supprimés définitivement", trash, StringComparison.Ordinal);
        var emptied = await PostAsync(client, "/messagerie/dossier/corbeille", "/messagerie/dossier/corbeille?handler=emptytrash");
        Assert.Equal("/messagerie/dossier/corbeille?fait=vide", emptied.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == sophie.Id && e.FolderId == SystemFolders.Trash, Ct)));
        Assert.NotNull(await EntryAsync(claire.Id, third));
    }

    [Fact]
    public async Task Folders_are_created_renamed_filled_and_deleted_to_the_trash()
    {
        var (claire, sophie) = await PeopleAsync();
        var id = await SendAsync(claire, sophie, "À ranger");
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var created = await PostAsync(client, "/messagerie/dossiers", "/messagerie/dossiers?handler=create", ("name", "École 2026"));
        Assert.Equal("/messagerie/dossiers?fait=dossier-cree", created.Headers.Location?.OriginalString);
        var folder = await app.WithDbAsync(db => db.Set<MailFolder>().SingleAsync(f => f.UserId == sophie.Id && f.Name == "École 2026", Ct));
        var sub = await PostAsync(client, "/messagerie/dossiers", "/messagerie/dossiers?handler=create", ("name", "Sorties"), ("parent", folder.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, sub.StatusCode);
        var taken = await PostAsync(client, "/messagerie/dossiers", "/messagerie/dossiers?handler=create", ("name", "école 2026"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);

        var moved = await PostAsync(client, "/messagerie", "/messagerie?handler=bulk", ("ids", id.ToString()), ("action", "deplacer"), ("vers", folder.Id.ToString()));
        Assert.Equal("/messagerie?fait=deplace", moved.Headers.Location?.OriginalString);
        Assert.Equal(folder.Id, (await EntryAsync(sophie.Id, id))!.FolderId);
        var folderPage = await client.GetAsync($"/messagerie/dossier/{folder.Id}", Ct);
        var inFolder = await folderPage.Content.ReadAsStringAsync(Ct);
        Assert.True(folderPage.IsSuccessStatusCode, inFolder);
        Assert.Contains("À ranger", inFolder, StringComparison.Ordinal);
        Assert.Contains("Sorties", inFolder, StringComparison.Ordinal);

        var renamed = await PostAsync(client, "/messagerie/dossiers", "/messagerie/dossiers?handler=rename", ("id", folder.Id.ToString()), ("name", "Année 2026"));
        Assert.Equal("/messagerie/dossiers?fait=dossier-renomme", renamed.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync("/messagerie/dossiers", Ct);
        Assert.Contains("Année 2026", page, StringComparison.Ordinal);
        Assert.Contains("Leurs messages iront dans la corbeille", page, StringComparison.Ordinal);

        var deleted = await PostAsync(client, "/messagerie/dossiers", "/messagerie/dossiers?handler=delete", ("id", folder.Id.ToString()));
        Assert.Equal("/messagerie/dossiers?fait=dossier-supprime", deleted.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Set<MailFolder>().AnyAsync(f => f.UserId == sophie.Id && (f.Id == folder.Id || f.ParentId == folder.Id), Ct)));
        Assert.Equal(SystemFolders.Trash, (await EntryAsync(sophie.Id, id))!.FolderId);

        // Another person's folder: not found.
        var claireClient = await app.SignedInClientAsync(Personas.Claire);
        var mine = await app.WithAsync<ManageFolders, Outcome<Guid>>(f => f.CreateAsync(sophie, "À moi", null, Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(claireClient, "/messagerie/dossiers", "/messagerie/dossiers?handler=delete", ("id", mine.Value.ToString()))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<MailFolder>().AnyAsync(f => f.Id == mine.Value, Ct)));
    }

    [Fact]
    public async Task The_sender_recalls_through_the_page_within_the_delay_only()
    {
        var (claire, sophie) = await PeopleAsync();
        var id = await SendAsync(claire, sophie, "Oups");
        var late = await SendAsync(claire, sophie, "Trop tard");
        var client = await app.SignedInClientAsync(Personas.Claire);

        var html = await client.GetStringAsync($"/messagerie/message/{id}", Ct);
        Assert.Contains("data-recall>Rappeler (jusqu’à ", html, StringComparison.Ordinal);
        var recalled = await PostAsync(client, $"/messagerie/message/{id}", $"/messagerie/message/{id}?handler=recall");
        Assert.Equal($"/messagerie/message/{id}?fait=rappele", recalled.Headers.Location?.OriginalString);
        Assert.Equal(MessageState.Recalled, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id).Select(m => m.State).SingleAsync(Ct)));

        var sophieClient = await app.SignedInClientAsync(Personas.Sophie);
        var seen = await sophieClient.GetStringAsync($"/messagerie/message/{id}", Ct);
        Assert.Contains("Ce message a été rappelé par son expéditeur le ", seen, StringComparison.Ordinal);
        Assert.Contains("Message rappelé par son expéditeur", await sophieClient.GetStringAsync("/messagerie", Ct), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.DoesNotContain("data-recall", await client.GetStringAsync($"/messagerie/message/{late}", Ct), StringComparison.Ordinal);
        var refused = await PostAsync(client, $"/messagerie/message/{late}", $"/messagerie/message/{late}?handler=recall");
        Assert.Equal($"/messagerie/message/{late}?erreur=Error.RecallTooLate", refused.Headers.Location?.OriginalString);
        Assert.Equal(MessageState.Sent, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == late).Select(m => m.State).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_recipient_reports_a_message_through_the_page()
    {
        var (claire, sophie) = await PeopleAsync();
        var id = await SendAsync(claire, sophie, "Un message à signaler");
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var reported = await PostAsync(client, $"/messagerie/message/{id}", $"/messagerie/message/{id}?handler=report", ("reason", "Propos déplacés"));
        Assert.Equal($"/messagerie/message/{id}?fait=signale", reported.Headers.Location?.OriginalString);
        var report = await app.WithDbAsync(db => db.Set<MessageReport>().SingleAsync(r => r.MessageId == id, Ct));
        Assert.Equal(sophie.Id, report.ReporterId);
        Assert.Contains("Le message a été signalé à la direction de l’école", await client.GetStringAsync(reported.Headers.Location!.OriginalString, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_one_s_own_messages_by_page()
    {
        var (claire, sophie) = await PeopleAsync();
        await SendAsync(claire, sophie, "Kermesse de juin");
        var client = await app.SignedInClientAsync(Personas.Sophie);

        var html = await client.GetStringAsync("/messagerie/recherche?q=kermesse", Ct);
        Assert.Contains("Kermesse de juin", html, StringComparison.Ordinal);
        Assert.Contains("Résultats pour", html, StringComparison.Ordinal);
        var none = await client.GetStringAsync("/messagerie/recherche?q=introuvablezz", Ct);
        Assert.Contains("Aucun message ne contient", none, StringComparison.Ordinal);
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.DoesNotContain("Kermesse de juin", await hugo.GetStringAsync("/messagerie/recherche?q=kermesse", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_young_pupil_is_sent_to_the_simple_mailbox()
    {
        var client = await app.SignedInClientAsync(Personas.Lea);
        var response = await client.GetAsync("/messagerie", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/messagerie/facile", response.Headers.Location?.OriginalString);
    }
}

public sealed class SqliteMailboxPagesTests(SqliteMessagingApp app) : MailboxPagesTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresMailboxPagesTests(PostgresMessagingApp app) : MailboxPagesTests(app), IClassFixture<PostgresMessagingApp>;
