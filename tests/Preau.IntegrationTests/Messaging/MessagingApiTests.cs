using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Platform.Communication;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// /api/v1/messages over HTTP with a signed-in client: a message's whole life (draft, send,
/// list, open, thread, folders, move, read marks, trash, restore, delete, counts, search),
/// recall and report; forged recipient ids refused with nothing sent, a hidden copy included;
/// another person's message answering 404 everywhere; groups expanded at send time; scheduling
/// and unscheduling; script in a body arriving inert; the API described in OpenAPI.
/// </summary>
public abstract class MessagingApiTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Person(Guid id) => new { id, isGroup = false };

    private static object Group(Guid id) => new { id, isGroup = true };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path) => await JsonAsync(await client.GetAsync(path, Ct), HttpStatusCode.OK);

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await JsonAsync(await client.PostAsJsonAsync(path, body, Ct), expected);

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetGuid())];

    private static Guid Id(JsonElement element) => element.GetProperty("id").GetGuid();

    private Task<bool> HoldsAsync(Guid userId, Guid messageId) =>
        app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == userId && e.MessageId == messageId, Ct));

    [Fact]
    public async Task A_message_lives_its_whole_life_over_http()
    {
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claireId = await app.PersonAsync(Personas.Claire);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);

        // The composer finds the mother and the class's parents among those claire may write to.
        var found = await GetAsync(claire, "/api/v1/messages/recipients?q=dubois");
        Assert.Contains(found.GetProperty("people").EnumerateArray(), p => Id(p) == sophieId);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        Assert.Contains((await GetAsync(claire, "/api/v1/messages/recipients?q=ce2")).GetProperty("groups").EnumerateArray(), g => Id(g) == parents);

        // A draft, saved then changed, waits in the drafts.
        var draft = await PostAsync(claire, "/api/v1/messages/drafts", new { to = new[] { Person(sophieId) }, subject = "Brouillon", body = "<p>Premier jet</p>" }, HttpStatusCode.Created);
        var id = Id(draft);
        Assert.Equal("Sophie Dubois", Assert.Single(draft.GetProperty("addressees").EnumerateArray()).GetProperty("name").GetString());
        Assert.Empty(draft.GetProperty("refused").EnumerateArray());
        var updated = await JsonAsync(await claire.PutAsJsonAsync($"/api/v1/messages/drafts/{id}",
            new { to = new[] { Person(sophieId) }, subject = "Cahier de liaison", body = "<p>Pensez au <strong>goûter</strong> partagé vendredi.</p>" }, Ct), HttpStatusCode.OK);
        Assert.Equal(id, Id(updated));
        Assert.Contains(id, Ids(await GetAsync(claire, "/api/v1/messages?folder=brouillons")));

        // Sent: out of the drafts, into Sent, and into the mother's inbox as unread.
        var unreadBefore = (await GetAsync(sophie, "/api/v1/messages/unread")).GetProperty("count").GetInt32();
        var sent = await PostAsync(claire, $"/api/v1/messages/drafts/{id}/send", new { });
        Assert.Equal(("Sent", 1), (sent.GetProperty("state").GetString(), sent.GetProperty("recipients").GetInt32()));
        Assert.DoesNotContain(id, Ids(await GetAsync(claire, "/api/v1/messages?folder=brouillons")));
        Assert.Contains(id, Ids(await GetAsync(claire, "/api/v1/messages?folder=envoyes")));
        Assert.Equal(unreadBefore + 1, (await GetAsync(sophie, "/api/v1/messages/unread")).GetProperty("count").GetInt32());
        var inbox = await GetAsync(sophie, "/api/v1/messages?size=5");
        Assert.Equal("reception", inbox.GetProperty("folder").GetString());
        var line = inbox.GetProperty("lines").EnumerateArray().Single(l => Id(l) == id);
        Assert.True(line.GetProperty("unread").GetBoolean());
        Assert.Equal("Cahier de liaison", line.GetProperty("subject").GetString());

        // Opened: read, with its sanitized body.
        var opened = await GetAsync(sophie, $"/api/v1/messages/{id}");
        Assert.Equal("<p>Pensez au <strong>goûter</strong> partagé vendredi.</p>", opened.GetProperty("body").GetString());
        Assert.Equal("Claire Martin", opened.GetProperty("senderName").GetString());
        Assert.False(opened.GetProperty("canRecall").GetBoolean());
        Assert.Equal(unreadBefore, (await GetAsync(sophie, "/api/v1/messages/unread")).GetProperty("count").GetInt32());

        // The reply joins the conversation, sent in one call.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var reply = await PostAsync(sophie, "/api/v1/messages",
            new { to = new[] { Person(claireId) }, subject = "Re: Cahier de liaison", body = "<p>Merci, c’est noté.</p>", parentId = id }, HttpStatusCode.Created);
        var replyId = Id(reply);
        var thread = await GetAsync(claire, $"/api/v1/messages/{replyId}/thread");
        Assert.Equal([id, replyId], thread.GetProperty("messages").EnumerateArray().Select(Id));
        Assert.True(thread.GetProperty("messages")[0].GetProperty("canRecall").GetBoolean());

        // Folders: created, refused twice under one name, renamed, listed with the system ones.
        var folderId = Id(await PostAsync(sophie, "/api/v1/messages/folders", new { name = "École" }, HttpStatusCode.Created));
        var taken = await PostAsync(sophie, "/api/v1/messages/folders", new { name = "école" }, HttpStatusCode.BadRequest);
        Assert.True(taken.GetProperty("errors").TryGetProperty("name", out _), taken.ToString());
        Assert.Equal(HttpStatusCode.NoContent, (await sophie.PatchAsJsonAsync($"/api/v1/messages/folders/{folderId}", new { name = "Classe de Léa" }, Ct)).StatusCode);
        var sub = Id(await PostAsync(sophie, "/api/v1/messages/folders", new { name = "Sorties", parentId = folderId }, HttpStatusCode.Created));
        var folders = await GetAsync(sophie, "/api/v1/messages/folders");
        Assert.Equal(["reception", "envoyes", "brouillons", "programmes", "corbeille"], folders.GetProperty("system").EnumerateArray().Select(f => f.GetProperty("slug").GetString()));
        Assert.Equal("Boîte de réception", folders.GetProperty("system")[0].GetProperty("name").GetString());
        Assert.Equal([(folderId, "Classe de Léa"), (sub, "Sorties")], folders.GetProperty("own").EnumerateArray().Select(f => (Id(f), f.GetProperty("name").GetString()!)));

        // Moved into it, marked unread again (counted there), trashed, restored to it.
        Assert.Equal(1, (await PostAsync(sophie, "/api/v1/messages/move", new { ids = new[] { id }, folder = folderId.ToString() })).GetProperty("changed").GetInt32());
        Assert.Equal([id], Ids(await GetAsync(sophie, $"/api/v1/messages?folder={folderId}")));
        Assert.DoesNotContain(id, Ids(await GetAsync(sophie, "/api/v1/messages?size=100")));
        Assert.Equal(1, (await PostAsync(sophie, "/api/v1/messages/read", new { ids = new[] { id }, unread = true })).GetProperty("changed").GetInt32());
        var counts = await GetAsync(sophie, "/api/v1/messages/counts");
        Assert.Equal(1, counts.EnumerateArray().Single(c => c.GetProperty("folder").GetString() == folderId.ToString()).GetProperty("unread").GetInt32());
        Assert.Equal(1, (await GetAsync(sophie, "/api/v1/messages/folders")).GetProperty("own")[0].GetProperty("unread").GetInt32());
        Assert.Equal(1, (await PostAsync(sophie, "/api/v1/messages/trash", new { ids = new[] { id } })).GetProperty("changed").GetInt32());
        Assert.Contains(id, Ids(await GetAsync(sophie, "/api/v1/messages?folder=corbeille")));
        Assert.Equal(1, (await PostAsync(sophie, "/api/v1/messages/restore", new { ids = new[] { id } })).GetProperty("changed").GetInt32());
        Assert.Equal([id], Ids(await GetAsync(sophie, $"/api/v1/messages?folder={folderId}")));

        // Found by a word of its text, by both.
        Assert.Contains(id, Ids(await GetAsync(sophie, "/api/v1/messages/search?q=gouter")));
        Assert.Contains(id, Ids(await GetAsync(claire, "/api/v1/messages/search?q=GOÛTER")));

        // The folder deleted: its message goes to the trash; deleted from there, it is gone for sophie, not for claire.
        Assert.Equal(HttpStatusCode.NoContent, (await sophie.DeleteAsync($"/api/v1/messages/folders/{folderId}", Ct)).StatusCode);
        Assert.Empty((await GetAsync(sophie, "/api/v1/messages/folders")).GetProperty("own").EnumerateArray());
        Assert.Contains(id, Ids(await GetAsync(sophie, "/api/v1/messages?folder=corbeille")));
        Assert.Equal(1, (await PostAsync(sophie, "/api/v1/messages/delete", new { ids = new[] { id } })).GetProperty("changed").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await sophie.GetAsync($"/api/v1/messages/{id}", Ct)).StatusCode);
        Assert.Equal("Cahier de liaison", (await GetAsync(claire, $"/api/v1/messages/{id}")).GetProperty("subject").GetString());

        // The reply trashed and the trash emptied.
        await PostAsync(sophie, "/api/v1/messages/trash", new { ids = new[] { replyId } });
        Assert.True((await JsonAsync(await sophie.DeleteAsync("/api/v1/messages/trash", Ct), HttpStatusCode.OK)).GetProperty("changed").GetInt32() >= 1);
        Assert.False(await HoldsAsync(sophieId, replyId));
        Assert.True(await HoldsAsync(claireId, replyId));
    }

    [Theory]
    [InlineData("GET", "/api/v1/messages?folder=nulle-part", null, "folder")]
    [InlineData("POST", "/api/v1/messages/read", """{"ids":[],"unread":false}""", "ids")]
    [InlineData("POST", "/api/v1/messages/move", """{"ids":["0195b6a0-0000-7000-8000-000000000001"],"folder":"ailleurs"}""", "folder")]
    [InlineData("POST", "/api/v1/messages/move", """{"ids":["0195b6a0-0000-7000-8000-000000000001"],"folder":"programmes"}""", "folder")]
    [InlineData("POST", "/api/v1/messages/folders", """{"name":"  "}""", "name")]
    [InlineData("POST", "/api/v1/messages/drafts", """{"subject":"LONG"}""", "subject")]
    [InlineData("POST", "/api/v1/messages", """{"subject":"Personne"}""", "to")]
    public async Task Bad_input_answers_problem_details_in_french(string method, string path, string? body, string field)
    {
        var client = await app.SignedInClientAsync(Personas.Claire);
        if (field == "folder" && path.EndsWith("/move", StringComparison.Ordinal))
        {
            // A message claire holds, so that only the folder is wrong.
            var (held, _) = await app.SendAsync(await app.MeAsync(Personas.Claire), MessagingData.To(await app.PersonAsync(Personas.Sophie)));
            body = body!.Replace("0195b6a0-0000-7000-8000-000000000001", held.ToString(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        body = body?.Replace("LONG", new string('x', 201), StringComparison.Ordinal);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var problem = await JsonAsync(await client.SendAsync(request, Ct), HttpStatusCode.BadRequest);
        Assert.Equal("Le message n’a pas pu être enregistré ou envoyé.", problem.GetProperty("title").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.DoesNotContain("Error.", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_recipient_ids_from_a_pupil_send_nothing_even_hidden_in_bcc()
    {
        var hugoId = await app.PersonAsync(Personas.Hugo);
        var teacher = await app.PersonAsync(Personas.Paul);
        var leaClassmate = await app.PersonAsync("ce2-pupil");
        var leaClass = await app.GroupAsync("CE2 A", Profile.Student);
        var classMembers = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == leaClass).Select(m => m.UserId).ToListAsync(Ct));
        var hugo = await app.SignedInClientAsync(Personas.Hugo);

        // He cannot even find them.
        var search = await GetAsync(hugo, "/api/v1/messages/recipients?q=");
        Assert.DoesNotContain(search.GetProperty("people").EnumerateArray(), p => classMembers.Contains(Id(p)));
        Assert.DoesNotContain(search.GetProperty("groups").EnumerateArray(), g => Id(g) == leaClass);

        async Task RefusedAsync(object message, Guid[] refused, string[] fields)
        {
            var problem = await PostAsync(hugo, "/api/v1/messages", message, HttpStatusCode.UnprocessableEntity);
            Assert.Equal(refused.Order(), problem.GetProperty("refused").EnumerateArray().Select(Id).Order());
            Assert.Equal(fields.Order(StringComparer.Ordinal), problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("Le message n’a pas pu être enregistré ou envoyé.", problem.GetProperty("title").GetString());

            // Nothing left: not to the teacher named beside them, not to the forged ones; the draft keeps the rest, unsent.
            var draftId = problem.GetProperty("draftId").GetGuid();
            var holders = await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.MessageId == draftId).Select(e => new { e.UserId, e.FolderId }).ToListAsync(Ct));
            Assert.Equal([(hugoId, SystemFolders.Drafts)], holders.Select(h => (h.UserId, h.FolderId)));
            Assert.Equal(MessageState.Draft, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == draftId).Select(m => m.State).SingleAsync(Ct)));
            Assert.Equal([teacher], await app.WithDbAsync(db => db.Set<MessageAddress>().Where(a => a.MessageId == draftId).Select(a => a.TargetId).ToListAsync(Ct)));
        }

        await RefusedAsync(new { to = new[] { Person(teacher), Person(leaClassmate) }, cc = new[] { Group(leaClass) }, subject = "Coucou", body = "<p>Salut</p>" },
            [leaClassmate, leaClass], ["to", "cc"]);
        await RefusedAsync(new { to = new[] { Person(teacher) }, bcc = new[] { Person(leaClassmate) }, subject = "En copie cachée", body = "<p>Salut</p>" },
            [leaClassmate], ["bcc"]);
        await RefusedAsync(new { to = new[] { Person(teacher) }, bcc = new[] { Group(leaClass) }, subject = "Toute la classe", body = "<p>Salut</p>" },
            [leaClass], ["bcc"]);

        // Not one of lea's class received anything from hugo.
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => classMembers.Contains(e.UserId) && e.Received
            && db.Set<Message>().Any(m => m.Id == e.MessageId && m.SenderId == hugoId), Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == teacher
            && db.Set<Message>().Any(m => m.Id == e.MessageId && m.SenderId == hugoId), Ct)));

        // The same message without the forged ids goes.
        var sent = await PostAsync(hugo, "/api/v1/messages", new { to = new[] { Person(teacher) }, subject = "Devoirs", body = "<p>Bonjour monsieur</p>" }, HttpStatusCode.Created);
        Assert.True(await HoldsAsync(teacher, Id(sent)));

        // A draft keeps only what he may address, and says what it left out.
        var draft = await PostAsync(hugo, "/api/v1/messages/drafts", new { to = new[] { Person(leaClassmate) }, bcc = new[] { Group(leaClass) } }, HttpStatusCode.Created);
        Assert.Empty(draft.GetProperty("addressees").EnumerateArray());
        Assert.Equal(2, draft.GetProperty("refused").GetArrayLength());
        var send = await PostAsync(hugo, $"/api/v1/messages/drafts/{Id(draft)}/send", new { }, HttpStatusCode.BadRequest);
        Assert.True(send.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public async Task Another_person_s_message_answers_404_on_every_endpoint()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var (message, _) = await app.SendAsync(claire, MessagingData.To(sophieId) with { Subject = "Pour Sophie seulement" });
        var draft = (await app.DraftAsync(claire, MessagingData.To(sophieId))).Value!.Id;
        var claireClient = await app.SignedInClientAsync(Personas.Claire);
        var claireFolder = Id(await PostAsync(claireClient, "/api/v1/messages/folders", new { name = "Privé" }, HttpStatusCode.Created));

        var paul = await app.SignedInClientAsync(Personas.Paul);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var requests = new List<(HttpClient Client, string Method, string Path, object? Body)>();
        foreach (var id in new[] { message, draft })
        {
            requests.AddRange([
                (paul, "GET", $"/api/v1/messages/{id}", null),
                (paul, "GET", $"/api/v1/messages/{id}/thread", null),
                (paul, "POST", $"/api/v1/messages/{id}/recall", null),
                (paul, "POST", $"/api/v1/messages/{id}/report", new { reason = "x" }),
                (paul, "POST", "/api/v1/messages/move", new { ids = new[] { id }, folder = "reception" }),
                (paul, "POST", "/api/v1/messages/read", new { ids = new[] { id }, unread = false }),
                (paul, "POST", "/api/v1/messages/trash", new { ids = new[] { id } }),
                (paul, "POST", "/api/v1/messages/restore", new { ids = new[] { id } }),
                (paul, "POST", "/api/v1/messages/delete", new { ids = new[] { id } }),
                (paul, "PUT", $"/api/v1/messages/drafts/{id}", new { subject = "Volé" }),
                (paul, "POST", $"/api/v1/messages/drafts/{id}/send", new { }),
                (paul, "DELETE", $"/api/v1/messages/drafts/{id}/schedule", null),
                (paul, "POST", "/api/v1/messages/drafts", new { subject = "Re", parentId = id }),
                (paul, "POST", "/api/v1/messages", new { to = new[] { Person(claire.Id) }, subject = "Re", parentId = id }),
            ]);
        }

        // The recipient may not recall it nor touch the sender's draft; a batch with one id not hers changes nothing.
        requests.AddRange([
            (sophie, "POST", $"/api/v1/messages/{message}/recall", null),
            (sophie, "GET", $"/api/v1/messages/{draft}", null),
            (sophie, "PUT", $"/api/v1/messages/drafts/{draft}", new { subject = "Volé" }),
            (sophie, "POST", "/api/v1/messages/trash", new { ids = new[] { message, draft } }),
            (sophie, "PATCH", $"/api/v1/messages/folders/{claireFolder}", new { name = "À moi" }),
            (sophie, "DELETE", $"/api/v1/messages/folders/{claireFolder}", null),
            (sophie, "GET", $"/api/v1/messages?folder={claireFolder}", null),
            (sophie, "POST", "/api/v1/messages/folders", new { name = "Dedans", parentId = claireFolder }),
            (sophie, "POST", "/api/v1/messages/move", new { ids = new[] { message }, folder = claireFolder.ToString() }),
            (claireClient, "POST", $"/api/v1/messages/{message}/report", null),
        ]);

        foreach (var (client, method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body) };
            var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }

        // Nothing moved: sophie's copy unread in her inbox, claire's draft and folder as they were, no report.
        var entry = await app.WithDbAsync(db => db.Set<MailboxEntry>().SingleAsync(e => e.UserId == sophieId && e.MessageId == message, Ct));
        Assert.Equal((SystemFolders.Inbox, true), (entry.FolderId, entry.Unread));
        Assert.Equal(MessageState.Sent, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == message).Select(m => m.State).SingleAsync(Ct)));
        var kept = await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == draft).Select(m => new { m.Subject, m.State }).SingleAsync(Ct));
        Assert.Equal(("Bonjour", MessageState.Draft), (kept.Subject, kept.State));
        Assert.Equal(SystemFolders.Drafts, await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.MessageId == draft).Select(e => e.FolderId).SingleAsync(Ct)));
        Assert.Equal("Privé", await app.WithDbAsync(db => db.Set<MailFolder>().Where(f => f.Id == claireFolder).Select(f => f.Name).SingleAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<MessageReport>().AnyAsync(r => r.MessageId == message || r.MessageId == draft, Ct)));
    }

    [Fact]
    public async Task Recall_and_report_over_http()
    {
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var sophie = await app.SignedInClientAsync(Personas.Sophie);
        var message = new { to = new[] { Person(sophieId) }, subject = "Réunion", body = "<p>Mardi à 17 h.</p>" };
        var first = Id(await PostAsync(claire, "/api/v1/messages", message, HttpStatusCode.Created));
        var second = Id(await PostAsync(claire, "/api/v1/messages", message with { subject = "Réunion (bis)" }, HttpStatusCode.Created));

        // Reported by its recipient, with a reason, to the moderators; a reason too long is refused.
        var tooLong = await PostAsync(sophie, $"/api/v1/messages/{second}/report", new { reason = new string('x', 501) }, HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await sophie.PostAsJsonAsync($"/api/v1/messages/{second}/report", new { reason = "Ton déplacé" }, Ct)).StatusCode);
        var report = await app.WithDbAsync(db => db.Set<MessageReport>().SingleAsync(r => r.MessageId == second, Ct));
        Assert.Equal((sophieId, "Ton déplacé"), (report.ReporterId, report.Reason));

        // Recalled within the delay: sophie sees it recalled, without its text.
        Assert.True((await GetAsync(claire, $"/api/v1/messages/{first}")).GetProperty("canRecall").GetBoolean());
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.NoContent, (await claire.PostAsync($"/api/v1/messages/{first}/recall", null, Ct)).StatusCode);
        var recalled = await GetAsync(sophie, $"/api/v1/messages/{first}");
        Assert.Equal("Recalled", recalled.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, recalled.GetProperty("body").ValueKind);
        Assert.Equal("", (await GetAsync(sophie, "/api/v1/messages?size=100")).GetProperty("lines").EnumerateArray().Single(l => Id(l) == first).GetProperty("preview").GetString());
        Assert.Equal("<p>Mardi à 17 h.</p>", (await GetAsync(claire, $"/api/v1/messages/{first}")).GetProperty("body").GetString());
        var again = await PostAsync(claire, $"/api/v1/messages/{first}/recall", new { }, HttpStatusCode.BadRequest);
        Assert.True(again.GetProperty("errors").TryGetProperty("recall", out _));

        // Past the delay, no more.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await PostAsync(claire, $"/api/v1/messages/{second}/recall", new { }, HttpStatusCode.BadRequest);
        Assert.True(late.GetProperty("errors").TryGetProperty("recall", out _));
        Assert.Equal("<p>Mardi à 17 h.</p>", (await GetAsync(sophie, $"/api/v1/messages/{second}")).GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_message_to_a_group_reaches_its_members_as_they_are_when_it_leaves()
    {
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var leaver = await app.PersonAsync("ce2-parent");
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var draft = await PostAsync(claire, "/api/v1/messages/drafts", new { to = new[] { Group(parents) }, subject = "Sortie au musée", body = "<p>Autorisations à rendre.</p>" }, HttpStatusCode.Created);
        var address = Assert.Single(draft.GetProperty("addressees").EnumerateArray());
        Assert.True(address.GetProperty("isGroup").GetBoolean());
        Assert.Contains("CE2 A", address.GetProperty("name").GetString(), StringComparison.Ordinal);

        // Between the draft and the send, one parent leaves the group.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            await db.GroupMembers.Where(m => m.GroupId == parents && m.UserId == leaver).ExecuteDeleteAsync(Ct);
            scope.ServiceProvider.GetRequiredService<ReachCache>().ForgetUsers([leaver]);
        }

        var id = Id(draft);
        var sent = await PostAsync(claire, $"/api/v1/messages/drafts/{id}/send", new { });
        var members = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == parents).Select(m => m.UserId).ToListAsync(Ct));
        var holders = await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.MessageId == id && e.Received).Select(e => e.UserId).ToListAsync(Ct));
        Assert.Equal(members.Order(), holders.Order());
        Assert.Equal(members.Count, sent.GetProperty("recipients").GetInt32());
        Assert.DoesNotContain(leaver, holders);

        // The mother reads it addressed to the group.
        var view = await GetAsync(await app.SignedInClientAsync(Personas.Sophie), $"/api/v1/messages/{id}");
        Assert.True(Assert.Single(view.GetProperty("addresses").EnumerateArray()).GetProperty("isGroup").GetBoolean());
    }

    [Fact]
    public async Task A_message_is_scheduled_through_the_api_unscheduled_and_scheduled_again()
    {
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var id = Id(await PostAsync(claire, "/api/v1/messages/drafts", new { to = new[] { Person(sophieId) }, subject = "Rappel piscine", body = "<p>Demain.</p>" }, HttpStatusCode.Created));
        var now = app.Clock.GetUtcNow();

        var tooSoon = await PostAsync(claire, $"/api/v1/messages/drafts/{id}/send", new { at = now.AddSeconds(30) }, HttpStatusCode.BadRequest);
        Assert.True(tooSoon.GetProperty("errors").TryGetProperty("at", out _));
        var scheduled = await PostAsync(claire, $"/api/v1/messages/drafts/{id}/send", new { at = now.AddHours(1) });
        Assert.Equal("Scheduled", scheduled.GetProperty("state").GetString());
        Assert.Equal(now.AddHours(1), scheduled.GetProperty("at").GetDateTimeOffset());
        var line = (await GetAsync(claire, "/api/v1/messages?folder=programmes")).GetProperty("lines").EnumerateArray().Single(l => Id(l) == id);
        Assert.Equal(now.AddHours(1), line.GetProperty("scheduledFor").GetDateTimeOffset());
        Assert.Equal(1, (await GetAsync(claire, "/api/v1/messages/folders")).GetProperty("system")[3].GetProperty("total").GetInt32());

        // Unscheduled: back in the drafts, and its old time passes without a send.
        Assert.Equal(HttpStatusCode.NoContent, (await claire.DeleteAsync($"/api/v1/messages/drafts/{id}/schedule", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await claire.DeleteAsync($"/api/v1/messages/drafts/{id}/schedule", Ct)).StatusCode);
        Assert.Contains(id, Ids(await GetAsync(claire, "/api/v1/messages?folder=brouillons")));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.WaitForScheduledSendsAsync(1);
        Assert.False(await HoldsAsync(sophieId, id));

        // Scheduled again, written and sent in one call too: both leave at their time.
        now = app.Clock.GetUtcNow();
        await PostAsync(claire, $"/api/v1/messages/drafts/{id}/send", new { at = now.AddHours(2) });
        var oneCall = await PostAsync(claire, "/api/v1/messages", new { to = new[] { Person(sophieId) }, subject = "Rappel cantine", body = "<p>Menu.</p>", at = now.AddHours(2) }, HttpStatusCode.Created);
        Assert.Equal("Scheduled", oneCall.GetProperty("state").GetString());
        Assert.False(await HoldsAsync(sophieId, Id(oneCall)));
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.WaitForScheduledSendsAsync(3);
        Assert.True(await HoldsAsync(sophieId, id));
        Assert.True(await HoldsAsync(sophieId, Id(oneCall)));
        Assert.Equal("Sent", (await GetAsync(claire, $"/api/v1/messages/{id}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Script_and_event_handlers_in_a_body_come_back_inert()
    {
        var sophieId = await app.PersonAsync(Personas.Sophie);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        const string Payload = """<p onclick="alert(1)">Bonjour<script>alert(2)</script><img src="https://evil.example/x.png" onerror="alert(3)"><a href="javascript:alert(4)">lien</a><svg onload="alert(5)"></svg><iframe src="https://evil.example"></iframe></p><style>body{display:none}</style>""";
        var id = Id(await PostAsync(claire, "/api/v1/messages", new { to = new[] { Person(sophieId) }, subject = "Piégé", body = Payload }, HttpStatusCode.Created));

        foreach (var client in new[] { claire, await app.SignedInClientAsync(Personas.Sophie) })
        {
            var body = (await GetAsync(client, $"/api/v1/messages/{id}")).GetProperty("body").GetString()!;
            Assert.Contains("Bonjour", body, StringComparison.Ordinal);
            Assert.Contains("lien", body, StringComparison.Ordinal);
            foreach (var bad in new[] { "<script", "alert", "onclick", "onerror", "onload", "javascript:", "evil.example", "<iframe", "<style", "<svg" })
            {
                Assert.DoesNotContain(bad, body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Without_the_messaging_right_the_api_answers_403_and_anonymous_401()
    {
        var anonymous = await app.CreateBrowserlikeClient().GetAsync("/api/v1/messages/unread", Ct);
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)anonymous.StatusCode}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var admin = await app.SignedInClientAsync(Personas.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/messages/unread", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_messaging_api_is_described_in_openapi()
    {
        var (document, names) = await OpenApiOperations.DescribedAsync(app, "/api/v1/messages", Ct);
        foreach (var name in new[]
        {
            "MessagingListFolders", "MessagingCreateFolder", "MessagingRenameFolder", "MessagingDeleteFolder", "MessagingGetFolderPage", "MessagingGetCounts",
            "MessagingGetUnread", "MessagingGetMessage", "MessagingGetThread", "MessagingSearch", "MessagingSearchRecipients", "MessagingCreateDraft",
            "MessagingUpdateDraft", "MessagingSend", "MessagingSendDraft", "MessagingUnschedule", "MessagingRecall", "MessagingReport", "MessagingMarkRead",
            "MessagingMove", "MessagingTrash", "MessagingRestore", "MessagingDelete", "MessagingEmptyTrash",
        })
        {
            Assert.Contains(name, names);
        }

        var send = document.GetProperty("paths").GetProperty("/api/v1/messages").GetProperty("post").GetProperty("responses");
        Assert.True(send.TryGetProperty("422", out _), send.ToString());
        Assert.True(send.TryGetProperty("201", out _), send.ToString());
    }
}

public sealed class SqliteMessagingApiTests(SqliteMessagingApp app) : MessagingApiTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresMessagingApiTests(PostgresMessagingApp app) : MessagingApiTests(app), IClassFixture<PostgresMessagingApp>;
