using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Moderation;
using Preau.Messaging.Features.Safety;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The school's messaging moderation: a report reaches the queue of the school the reporter shares
/// with the sender, and no other; removing takes the message out of every box and feed, keeping
/// closes the reports; the alerts are seen; the pages and the API answer the school's ADML only.
/// </summary>
public abstract class ModerationMessagesTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<Outcome<ModerateMessages.Queue>> QueueAsync(UserContext me, Guid school) =>
        app.WithAsync<ModerateMessages, Outcome<ModerateMessages.Queue>>(m => m.QueueAsync(me, school, Ct));

    private async Task<Guid> SentAndReportedAsync(string subject, string reason)
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var lea = await app.PersonAsync(Personas.Lea);
        var (id, sent) = await app.SendAsync(claire, MessagingData.To(sophie.Id, lea) with { Subject = subject, Body = "<p>Texte <strong>signalé</strong><script>alert(1)</script></p>" });
        Assert.True(sent.Succeeded);
        Assert.True((await app.WithAsync<ReportMessage, Outcome<Done>>(r => r.HandleAsync(sophie, id, reason, Ct))).Succeeded);
        return id;
    }

    [Fact]
    public async Task A_removed_message_leaves_every_box_and_feed_and_the_decision_is_audited()
    {
        await app.FreshStartAtAsync(10, 0);
        var id = await SentAndReportedAsync("Message blessant", "Propos déplacés");
        var isabelle = await app.MeAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);

        // The report reaches Jules Ferry's queue (the school sophie shares with claire), not Victor Hugo's.
        var queue = await QueueAsync(isabelle, julesFerry);
        var item = Assert.Single(queue.Value!.Reports, r => r.MessageId == id);
        Assert.Equal(("Claire Martin", 2, "Message blessant"), (item.SenderName, item.Recipients, item.Subject));
        var reporter = Assert.Single(item.Reporters);
        Assert.Equal(("Sophie Dubois", "Propos déplacés"), (reporter.Name, reporter.Reason));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<MessageReport>().CountAsync(r => r.MessageId == id && r.StructureId == victorHugo, Ct)));
        Assert.False((await QueueAsync(isabelle, victorHugo)).Found);
        Assert.False((await QueueAsync(await app.MeAsync(Personas.Claire), julesFerry)).Found);

        var removed = await app.WithAsync<ModerateMessages, Outcome<Done>>(m => m.RemoveAsync(isabelle, julesFerry, id, Ct));
        Assert.True(removed.Succeeded);

        // Out of every recipient's box: recalled, marked as the moderators' doing, its notification withdrawn.
        foreach (var login in new[] { Personas.Sophie, Personas.Lea })
        {
            var view = await app.WithAsync<OpenMessage, MessageView?>(async o => await o.OpenAsync(await app.MeAsync(login), id, Ct));
            Assert.True(view!.IsRecalled);
            Assert.Equal("", view.Body);
            Assert.Equal(ModerateMessages.RemovedKey, view.FailureKey);
            var person = await app.PersonAsync(login);
            var feed = await app.WithAsync<FeedReader, FeedPage>(f => f.PageAsync(person, new FeedQuery(Size: 50), Ct));
            Assert.DoesNotContain(feed.Items, i => i.Link == $"/messagerie/message/{id}");
        }

        Assert.Equal(ReportDecision.Removed, await app.WithDbAsync(db => db.Set<MessageReport>().Where(r => r.MessageId == id).Select(r => r.Decision).SingleAsync(Ct)));
        Assert.DoesNotContain((await QueueAsync(isabelle, julesFerry)).Value!.Reports, r => r.MessageId == id);
        var audit = Assert.Single(await app.AuditAsync(ModerateMessages.RemoveAction), a => a.Details!.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.Equal(julesFerry, audit.StructureId);
        Assert.Equal(await app.PersonAsync(Personas.Claire), audit.TargetUserId);

        // Decided once: a second decision finds nothing pending.
        Assert.False((await app.WithAsync<ModerateMessages, Outcome<Done>>(m => m.KeepAsync(isabelle, julesFerry, id, Ct))).Found);
    }

    [Fact]
    public async Task A_kept_message_stays_in_the_boxes_and_leaves_the_queue()
    {
        await app.FreshStartAtAsync(10, 0);
        var id = await SentAndReportedAsync("Sortie annulée", "Je ne suis pas d’accord");
        var isabelle = await app.MeAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);

        Assert.False((await app.WithAsync<ModerateMessages, Outcome<Done>>(async m => await m.KeepAsync(await app.MeAsync(Personas.Claire), julesFerry, id, Ct))).Found);
        Assert.True((await app.WithAsync<ModerateMessages, Outcome<Done>>(m => m.KeepAsync(isabelle, julesFerry, id, Ct))).Succeeded);

        var view = await app.WithAsync<OpenMessage, MessageView?>(async o => await o.OpenAsync(await app.MeAsync(Personas.Sophie), id, Ct));
        Assert.False(view!.IsRecalled);
        Assert.Equal(MessageState.Sent, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id).Select(m => m.State).SingleAsync(Ct)));
        Assert.DoesNotContain((await QueueAsync(isabelle, julesFerry)).Value!.Reports, r => r.MessageId == id);
        Assert.Single(await app.AuditAsync(ModerateMessages.KeepAction), a => a.Details!.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_queue_page_shows_the_message_safely_and_its_buttons_decide_and_acknowledge()
    {
        await app.FreshStartAtAsync(10, 0);
        var id = await SentAndReportedAsync("Pour la page", "À vérifier");
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var claire = await app.PersonAsync(Personas.Claire);
        var alertId = Guid.CreateVersion7();
        await app.WithDbAsync(async db =>
        {
            db.Add(new MassSendAlert { Id = alertId, SenderId = claire, StructureId = julesFerry, MessageId = id, Recipients = 75, CreatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync(Ct);
        });
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var url = $"/admin/structures/{julesFerry}/messagerie/signalements";

        var page = await client.GetPageAsync(url);
        var item = page.QuerySelectorAll("li.report-item").Single(li => li.QuerySelector($"input[value='{id}']") is not null);
        Assert.Equal("Pour la page", item.QuerySelector("h3")!.TextContent);
        Assert.NotNull(item.QuerySelector(".message-body strong"));
        Assert.Null(item.QuerySelector("script"));
        Assert.NotNull(item.QuerySelector($"a[href='/admin/users/{claire}']"));
        Assert.Contains("À vérifier", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/admin/users/{claire}']"));

        var seen = await client.PostFormAsync($"{url}?handler=Seen", [("alertId", alertId.ToString())], url);
        Assert.Equal($"{url}?done=seen", seen.RedirectTarget());
        Assert.NotNull(await app.WithDbAsync(db => db.Set<MassSendAlert>().Where(a => a.Id == alertId).Select(a => a.AcknowledgedAt).SingleAsync(Ct)));
        var removed = await client.PostFormAsync($"{url}?handler=Remove", [("messageId", id.ToString())], url);
        Assert.Equal($"{url}?done=removed", removed.RedirectTarget());
        Assert.Equal(MessageState.Recalled, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == id).Select(m => m.State).SingleAsync(Ct)));

        // Out of scope: another school, or a teacher.
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/structures/{victorHugo}/messagerie/signalements", Ct)).StatusCode);
        var teacher = await app.SignedInClientAsync(Personas.Claire);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/admin/structures/{julesFerry}/messagerie", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/admin/structures/{julesFerry}/messaging/policies", Ct)).StatusCode);

        // The feed's link leads the ADML of one school to its queue.
        var moderation = await client.GetAsync("/messagerie/moderation", Ct);
        Assert.Equal(url, moderation.RedirectTarget());
    }

    [Fact]
    public async Task The_rules_page_and_the_api_set_each_profile_s_switch_and_quiet_hours()
    {
        await app.FreshStartAtAsync(10, 0);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var client = await app.SignedInClientAsync(Personas.Isabelle);
        var url = $"/admin/structures/{julesFerry}/messagerie";

        var page = await client.GetPageAsync(url);
        Assert.Equal(ManagePolicies.Profiles.Count, page.QuerySelectorAll("li.policy").Length);
        Assert.NotNull(page.QuerySelector("#from-student"));
        Assert.Equal("Les élèves peuvent envoyer des messages à toute heure.", page.TextOf("#explain-student"));

        string[] order = [.. ManagePolicies.Profiles.Select(p => p.ToString())];
        List<(string, string)> fields = [];
        for (var i = 0; i < order.Length; i++)
        {
            fields.Add(($"Rows[{i}].Profile", order[i]));
            if (order[i] != "Guest")
            {
                fields.Add(($"Rows[{i}].Enabled", "true"));
            }

            if (order[i] == "Student")
            {
                fields.AddRange([($"Rows[{i}].From", "20:00"), ($"Rows[{i}].To", "07:00")]);
            }
        }

        var saved = await client.PostFormAsync(url, fields, url);
        Assert.Equal($"{url}?done=saved", saved.RedirectTarget());
        var after = await client.GetPageAsync($"{url}?done=saved");
        Assert.Equal("Les élèves ne pourront pas envoyer de message entre 20:00 et 07:00. Ils pourront toujours lire.", after.TextOf("#explain-student"));
        Assert.Equal("Les invités ne peuvent plus envoyer de message. Ils peuvent toujours lire.", after.TextOf("#explain-guest"));

        // Half a range is refused beside its profile, nothing saved.
        var half = await client.PostFormAsync(url, [("Rows[0].Profile", "Relative"), ("Rows[0].Enabled", "true"), ("Rows[0].From", "22:00")], url);
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<MessagingPolicy>().AnyAsync(p => p.StructureId == julesFerry && p.Profile == Profile.Relative && p.QuietFrom != null, Ct)));

        // The API reads and writes the same rules.
        var api = $"/api/v1/admin/structures/{julesFerry}/messaging/policies";
        var json = await client.GetFromJsonAsync<JsonElement>(api, Ct);
        var student = json.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("profile").ToString() is "Student" or "1");
        Assert.StartsWith("20:00", student.GetProperty("quietFrom").GetString(), StringComparison.Ordinal);
        var put = await client.PutAsJsonAsync(api, new[] { new { profile = "Student", sendingEnabled = true, quietFrom = (string?)null, quietTo = (string?)null } }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<MessagingPolicy>().AnyAsync(p => p.StructureId == julesFerry && p.Profile == Profile.Student && p.QuietFrom != null, Ct)));
        var victorHugo = await app.StructureIdAsync(AdminData.VictorHugo);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/admin/structures/{victorHugo}/messaging/policies", Ct)).StatusCode);

        // The incident button.
        var incident = await client.PostFormAsync($"{url}?handler=Incident", [], url);
        Assert.Equal($"{url}?done=incident", incident.RedirectTarget());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<MessagingPolicy>().CountAsync(p => p.StructureId == julesFerry && !p.SendingEnabled && (p.Profile == Profile.Student || p.Profile == Profile.Relative), Ct)));
    }
}

public sealed class SqliteModerationMessagesTests(SqliteMessagingApp app) : ModerationMessagesTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresModerationMessagesTests(PostgresMessagingApp app) : ModerationMessagesTests(app), IClassFixture<PostgresMessagingApp>;
