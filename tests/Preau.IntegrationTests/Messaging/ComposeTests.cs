using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The compose page and replies: the form posts (with its token) and sends; a refused recipient is
/// named and the draft kept; a reply to all leaves out who may no longer be reached and never the
/// Cci; the recipient search answers only reachable people and groups.
/// </summary>
public abstract partial class ComposeTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_compose_page_posts_with_its_token_and_sends()
    {
        var client = await app.SignedInClientAsync(Personas.Claire);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var token = await PreauApp.AntiforgeryTokenAsync(client, $"/messagerie/ecrire?a={sophie}");
        var page = await client.GetStringAsync($"/messagerie/ecrire?a={sophie}", Ct);
        Assert.Contains($"value=\"u:{sophie}\"", page, StringComparison.Ordinal);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new StringContent($"u:{sophie}"), "To" },
            { new StringContent("Réunion de rentrée"), "Subject" },
            { new StringContent("<p>Bonjour, la réunion a lieu mardi.</p>"), "Body" },
            { new StringContent("send"), "action" },
        };
        var response = await client.PostAsync("/messagerie/ecrire", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(LinkId().Match(response.Headers.Location!.OriginalString).Groups[1].Value);
        Assert.Equal($"/messagerie/message/{id}?fait=envoye", response.Headers.Location!.OriginalString);
        var message = await app.WithDbAsync(db => db.Set<Message>().SingleAsync(m => m.Id == id, Ct));
        Assert.Equal((MessageState.Sent, "Réunion de rentrée"), (message.State, message.Subject));
        Assert.True(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.MessageId == id && e.UserId == sophie && e.Received, Ct)));

        // Without the token nothing is saved.
        using var bare = new MultipartFormDataContent { { new StringContent("Sans jeton"), "Subject" }, { new StringContent("save"), "action" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/messagerie/ecrire", bare, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_refused_recipient_is_named_and_the_draft_kept()
    {
        var client = await app.SignedInClientAsync(Personas.Lea);
        var token = await PreauApp.AntiforgeryTokenAsync(client, "/messagerie/ecrire");
        var hugoPupil = await app.PersonAsync("5b-pupil");
        var claire = await app.PersonAsync(Personas.Claire);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new StringContent($"u:{claire}"), "To" },
            { new StringContent($"u:{hugoPupil}"), "To" },
            { new StringContent($"u:{hugoPupil}|Élève inconnu"), "noms" },
            { new StringContent("Coucou"), "Subject" },
            { new StringContent("send"), "action" },
        };
        var response = await client.PostAsync("/messagerie/ecrire", form, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Vous ne pouvez pas écrire à Élève inconnu", html, StringComparison.Ordinal);
        var lea = await app.PersonAsync(Personas.Lea);
        var draft = await app.WithDbAsync(db => db.Set<Message>().Where(m => m.SenderId == lea && m.Subject == "Coucou").SingleAsync(Ct));
        Assert.Equal(MessageState.Draft, draft.State);
        var addresses = await app.WithDbAsync(db => db.Set<MessageAddress>().Where(a => a.MessageId == draft.Id).Select(a => a.TargetId).ToListAsync(Ct));
        Assert.Equal([claire], addresses);
        Assert.Contains("Coucou", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_to_all_leaves_out_who_is_no_longer_reachable_and_the_cci()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var cpParent = await app.PersonAsync("cp-parent");
        var cpTeacher = await app.PersonAsync("cp-teacher");
        var lea = await app.PersonAsync(Personas.Lea);
        var content = new DraftContent([new(sophie.Id, false), new(cpParent, false)], [new(lea, false)], [new(cpTeacher, false)], "Kermesse", "<p>Qui aide ?</p>");
        var (id, sent) = await app.SendAsync(claire, content);
        Assert.True(sent.Succeeded);

        var started = await app.WithAsync<StartReply, Outcome<StartReply.Started>>(r => r.StartAsync(sophie, id, ReplyKind.ReplyAll, Ct));
        Assert.True(started.Succeeded);
        var addresses = await app.WithDbAsync(db => db.Set<MessageAddress>().Where(a => a.MessageId == started.Value!.DraftId).ToListAsync(Ct));
        Assert.Contains(addresses, a => a.TargetId == claire.Id && a.Field == AddressField.To);
        Assert.Contains(addresses, a => a.TargetId == lea && a.Field == AddressField.Cc);
        Assert.DoesNotContain(addresses, a => a.TargetId == sophie.Id || a.TargetId == cpTeacher || a.TargetId == cpParent);
        var cpParentName = await app.WithDbAsync(db => db.Users.Where(u => u.Id == cpParent).Select(u => u.FirstName + " " + u.LastName).SingleAsync(Ct));
        Assert.Equal([cpParentName], started.Value!.LeftOut);
        var reply = await app.WithDbAsync(db => db.Set<Message>().SingleAsync(m => m.Id == started.Value!.DraftId, Ct));
        Assert.Equal((id, StartReply.ReplyPrefix + "Kermesse"), (reply.ParentId, reply.Subject));
        Assert.Equal(await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id).Select(m => m.ThreadId).SingleAsync(Ct)), reply.ThreadId);

        // A plain reply goes to the sender alone; the page continues the draft started.
        var client = await app.SignedInClientAsync(Personas.Sophie);
        var response = await client.GetAsync($"/messagerie/ecrire?repondre={id}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/messagerie/ecrire?brouillon=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await client.GetStringAsync(response.Headers.Location.OriginalString, Ct);
        Assert.Contains($"value=\"u:{claire.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"u:{lea}\"", page, StringComparison.Ordinal);

        // Someone who does not hold the message cannot reply to it.
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/messagerie/ecrire?repondre={id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_recipient_search_answers_only_reachable_people_and_groups()
    {
        var hugo = await app.SignedInClientAsync(Personas.Hugo);
        var json = await hugo.GetStringAsync("/messagerie/destinataires?q=dubois", Ct);
        Assert.Contains("Sophie", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Léa Dubois\"", json, StringComparison.Ordinal);
        var claire = await app.SignedInClientAsync(Personas.Claire);
        var groups = await claire.GetStringAsync("/messagerie/destinataires?q=CE2", Ct);
        Assert.Contains("\"isGroup\":true", groups, StringComparison.Ordinal);
        Assert.Contains("\"members\":", groups, StringComparison.Ordinal);
    }

    [GeneratedRegex("/messagerie/message/([0-9a-f-]{36})")]
    private static partial Regex LinkId();
}

public sealed class SqliteComposeTests(SqliteMessagingApp app) : ComposeTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresComposeTests(PostgresMessagingApp app) : ComposeTests(app), IClassFixture<PostgresMessagingApp>;
