using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Admin;
using Preau.IntegrationTests.Communication;
using Preau.Messaging;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Safety;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// The sending gate as a school sets it: quiet hours for pupils (spanning midnight, Paris time,
/// scheduled messages included), the incident switch for pupils and parents (a parent of two
/// schools is held when any of them holds parents), the rate limit, and the mass-send alert raised
/// once for the sender's school.
/// </summary>
public abstract class SafetyGateTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Outcome<ManagePolicies.Policies>> SetAsync(string admin, string uai, params ManagePolicies.PolicyInput[] inputs)
    {
        var me = await app.MeAsync(admin);
        var school = await app.StructureIdAsync(uai);
        return await app.WithAsync<ManagePolicies, Outcome<ManagePolicies.Policies>>(p => p.SaveAsync(me, school, inputs, Ct));
    }

    private Task<Outcome<SendMessage.Sent>> SendDraftAsync(UserContext me, Guid draftId) =>
        app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(me, draftId, Ct));

    private Task<(MessageState State, Guid Folder, string? Failure)> DraftStateAsync(Guid id, Guid owner) =>
        app.WithDbAsync(async db => (
            await db.Set<Message>().Where(m => m.Id == id).Select(m => m.State).SingleAsync(Ct),
            await db.Set<MailboxEntry>().Where(e => e.MessageId == id && e.UserId == owner).Select(e => e.FolderId).SingleAsync(Ct),
            await db.Set<Message>().Where(m => m.Id == id).Select(m => m.FailureKey).SingleAsync(Ct)));

    [Fact]
    public async Task Pupils_quiet_hours_hold_their_sends_at_night_keep_the_draft_and_leave_teachers_alone()
    {
        await app.FreshStartAtAsync(9, 45);
        var quiet = new ManagePolicies.PolicyInput(Profile.Student, true, new TimeOnly(20, 0), new TimeOnly(7, 0));
        var saved = await SetAsync(Personas.Isabelle, AdminData.JulesFerry, quiet);
        Assert.True(saved.Succeeded);
        var pupils = Assert.Single(saved.Value!.Items, i => i.Profile == Profile.Student);
        Assert.Equal((true, new TimeOnly(20, 0), new TimeOnly(7, 0)), (pupils.SendingEnabled, pupils.QuietFrom!.Value, pupils.QuietTo!.Value));
        Assert.All(saved.Value.Items.Where(i => i.Profile != Profile.Student), i => Assert.True(i.SendingEnabled && !i.HasQuietHours));
        var school = await app.StructureIdAsync(AdminData.JulesFerry);
        var audit = Assert.Single(await app.AuditAsync(ManagePolicies.AuditAction), a => a.StructureId == school && a.At == app.Clock.GetUtcNow());
        Assert.Equal("Student: sending on, quiet hours 20:00–07:00 (Paris)", audit.Details);

        // In the afternoon, Léa writes to her teacher as usual.
        var lea = await app.MeAsync(Personas.Lea);
        var claire = await app.MeAsync(Personas.Claire);
        var (_, afternoon) = await app.SendAsync(lea, MessagingData.To(claire.Id));
        Assert.True(afternoon.Succeeded);

        // At 21:00 in Paris: refused, the draft kept as it was.
        app.AdvanceToParis(21, 0);
        var (draft, night) = await app.SendAsync(lea, MessagingData.To(claire.Id) with { Subject = "Devoirs" });
        Assert.Equal(["Error.QuietHours"], night.Errors!["Send"]);
        Assert.Equal((MessageState.Draft, SystemFolders.Drafts, (string?)null), await DraftStateAsync(draft, lea.Id));
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.MessageId == draft && e.UserId == claire.Id, Ct)));

        // Past midnight still quiet; the teacher is not held.
        app.AdvanceToParis(6, 59);
        Assert.Equal(["Error.QuietHours"], (await SendDraftAsync(lea, draft)).Errors!["Send"]);
        var (_, teacher) = await app.SendAsync(claire, MessagingData.To(lea.Id));
        Assert.True(teacher.Succeeded);

        // 07:30: the same draft leaves.
        app.AdvanceToParis(7, 30);
        var morning = await SendDraftAsync(lea, draft);
        Assert.True(morning.Succeeded);
        Assert.True(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.MessageId == draft && e.UserId == claire.Id && e.Unread, Ct)));
    }

    [Fact]
    public async Task A_scheduled_message_falling_in_quiet_hours_goes_back_to_the_drafts_with_the_reason()
    {
        await app.FreshStartAtAsync(19, 0);
        var lea = await app.MeAsync(Personas.Lea);
        var claire = await app.PersonAsync(Personas.Claire);
        var draft = await app.DraftAsync(lea, MessagingData.To(claire) with { Subject = "Pour demain" });
        var at = app.Clock.GetUtcNow().AddHours(2);

        // Scheduled at 19:00 for 21:00; then the school sets pupils' quiet hours from 20:00: at 21:00 it is not sent.
        var scheduled = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.LaterAsync(lea, draft.Value!.Id, at, Ct));
        Assert.Equal(MessageState.Scheduled, scheduled.Value!.State);
        Assert.True((await SetAsync(Personas.Isabelle, AdminData.JulesFerry, new ManagePolicies.PolicyInput(Profile.Student, true, new TimeOnly(20, 0), new TimeOnly(7, 0)))).Succeeded);
        app.AdvanceToParis(21, 0);
        var until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while ((await DraftStateAsync(draft.Value!.Id, lea.Id)).State == MessageState.Scheduled)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The scheduled send did not run within 30 s.");
            await Task.Delay(20, Ct);
        }

        Assert.Equal((MessageState.Draft, SystemFolders.Drafts, "Error.QuietHours"), await DraftStateAsync(draft.Value!.Id, lea.Id));
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.MessageId == draft.Value!.Id && e.UserId == claire, Ct)));

        // At 21:00 she may not send now, nor schedule within the quiet hours, but she may schedule it for 08:00.
        var tooEarly = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.LaterAsync(lea, draft.Value!.Id, app.Clock.GetUtcNow().AddHours(2), Ct));
        Assert.Equal(["Error.QuietHours"], tooEarly.Errors!["Send"]);
        var morning = app.Clock.GetUtcNow().AddHours(11);
        var rescheduled = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.LaterAsync(lea, draft.Value!.Id, morning, Ct));
        Assert.Equal(MessageState.Scheduled, rescheduled.Value!.State);
        app.AdvanceToParis(8, 0);
        until = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while ((await DraftStateAsync(draft.Value!.Id, lea.Id)).State != MessageState.Sent)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < until, "The rescheduled send did not run within 30 s.");
            await Task.Delay(20, Ct);
        }

        Assert.True(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.MessageId == draft.Value!.Id && e.UserId == claire, Ct)));
    }

    [Fact]
    public async Task The_incident_switch_holds_pupils_and_parents_and_a_parent_of_two_schools_is_held_everywhere()
    {
        await app.FreshStartAtAsync(10, 0);
        var isabelle = await app.MeAsync(Personas.Isabelle);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var incident = await app.WithAsync<ManagePolicies, Outcome<ManagePolicies.Policies>>(p => p.IncidentAsync(isabelle, julesFerry, Ct));
        Assert.True(incident.Succeeded);
        Assert.Equal([Profile.Student, Profile.Relative], incident.Value!.Items.Where(i => !i.SendingEnabled).Select(i => i.Profile));
        var audit = Assert.Single(await app.AuditAsync(ManagePolicies.AuditAction), a => a.StructureId == julesFerry && a.At == app.Clock.GetUtcNow());
        Assert.Contains("Relative: sending off", audit.Details, StringComparison.Ordinal);
        Assert.Contains("Student: sending off", audit.Details, StringComparison.Ordinal);

        var lea = await app.MeAsync(Personas.Lea);
        var sophie = await app.MeAsync(Personas.Sophie);
        var claire = await app.MeAsync(Personas.Claire);
        var paul = await app.PersonAsync(Personas.Paul);
        Assert.Equal(["Error.SendingOff"], (await app.SendAsync(lea, MessagingData.To(claire.Id))).Sent.Errors!["Send"]);
        Assert.Equal(["Error.SendingOff"], (await app.SendAsync(sophie, MessagingData.To(claire.Id))).Sent.Errors!["Send"]);

        // Sophie is a parent at Victor Hugo too: the rule is the sender's, any of her schools holding it holds it (docs/messaging-safety.md).
        var (toCollege, held) = await app.SendAsync(sophie, MessagingData.To(paul));
        Assert.Equal(["Error.SendingOff"], held.Errors!["Send"]);
        Assert.True((await app.SendAsync(claire, MessagingData.To(sophie.Id))).Sent.Succeeded);

        // Reopened for parents: she writes again; pupils stay held.
        Assert.True((await SetAsync(Personas.Isabelle, AdminData.JulesFerry, new ManagePolicies.PolicyInput(Profile.Relative, true, null, null))).Succeeded);
        Assert.True((await SendDraftAsync(sophie, toCollege)).Succeeded);
        Assert.Equal(["Error.SendingOff"], (await app.SendAsync(lea, MessagingData.To(claire.Id))).Sent.Errors!["Send"]);
    }

    [Fact]
    public async Task The_thirteenth_send_within_ten_minutes_waits_and_passes_after_the_window()
    {
        await app.FreshStartAtAsync(10, 0);
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.PersonAsync(Personas.Sophie);
        for (var i = 0; i < MessagingApp.SendsPerWindow; i++)
        {
            Assert.True((await app.SendAsync(claire, MessagingData.To(sophie) with { Subject = $"Message {i}" })).Sent.Succeeded, $"send {i}");
            app.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var (draft, refused) = await app.SendAsync(claire, MessagingData.To(sophie) with { Subject = "Treizième" });
        Assert.Equal(["Error.RateLimited"], refused.Errors!["Send"]);
        Assert.Equal((MessageState.Draft, SystemFolders.Drafts, (string?)null), await DraftStateAsync(draft, claire.Id));

        // Ten minutes after the first send, it goes.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await SendDraftAsync(claire, draft)).Succeeded);
    }

    [Fact]
    public async Task Writing_to_more_people_than_the_threshold_within_an_hour_raises_one_alert_for_the_school()
    {
        await app.FreshStartAtAsync(10, 0);
        var claire = await app.MeAsync(Personas.Claire);
        var julesFerry = await app.StructureIdAsync(AdminData.JulesFerry);
        var isabelle = await app.PersonAsync(Personas.Isabelle);
        var alertsBefore = await app.WithDbAsync(db => db.Set<MassSendAlert>().CountAsync(a => a.SenderId == claire.Id, Ct));
        var auditBefore = (await app.AuditAsync(MassSendWatch.AuditAction, claire.Id)).Count;
        var toldBefore = await ToldAsync(isabelle, claire.Id);

        // Her class's pupils, then its parents, then other classes' families until past the threshold.
        string[] classes = ["CE2 A", "CP A", "CE1 A", "CM1 A", "CM2 A"];
        var groups = new List<Guid>();
        foreach (var name in classes)
        {
            foreach (var profile in new[] { Profile.Student, Profile.Relative })
            {
                var id = await app.WithDbAsync(db => db.Groups.Where(g => g.Kind == Platform.Directory.Domain.GroupKind.Profile && g.Profile == profile
                    && db.Classes.Any(c => c.Id == g.ClassId && c.Name == name && db.Structures.Any(s => s.Id == c.StructureId && s.Id == julesFerry)))
                    .Select(g => (Guid?)g.Id).SingleOrDefaultAsync(Ct));
                if (id is { } found)
                {
                    groups.Add(found);
                }
            }
        }

        var reached = 0;
        var sends = 0;
        foreach (var group in groups)
        {
            var (_, sent) = await app.SendAsync(claire, MessagingData.ToGroups(group));
            Assert.True(sent.Succeeded);
            reached += sent.Value!.Recipients;
            sends++;
            var alerts = await app.WithDbAsync(db => db.Set<MassSendAlert>().Where(a => a.SenderId == claire.Id).ToListAsync(Ct));
            if (reached < MessagingApp.TeacherAlertThreshold)
            {
                Assert.Equal(alertsBefore, alerts.Count);
                continue;
            }

            // Past the threshold: one alert, for her school, audited, and its ADML told in the feed.
            var alert = Assert.Single(alerts.OrderByDescending(a => a.CreatedAt).Take(alerts.Count - alertsBefore));
            Assert.Equal(julesFerry, alert.StructureId);
            Assert.Equal(reached, alert.Recipients);
            break;
        }

        Assert.True(reached >= MessagingApp.TeacherAlertThreshold, $"The demo school's families ({reached}) stay under the threshold.");
        Assert.True(sends > 1, "The alert adds up several messages");

        // One more message within the hour: still one alert.
        Assert.True((await app.SendAsync(claire, MessagingData.ToGroups(groups[0]))).Sent.Succeeded);
        Assert.Equal(alertsBefore + 1, await app.WithDbAsync(db => db.Set<MassSendAlert>().CountAsync(a => a.SenderId == claire.Id, Ct)));
        Assert.Equal(auditBefore + 1, (await app.AuditAsync(MassSendWatch.AuditAction, claire.Id)).Count);
        Assert.Equal(toldBefore + 1, await ToldAsync(isabelle, claire.Id));
    }

    private async Task<int> ToldAsync(Guid admin, Guid sender)
    {
        var feed = await app.WithAsync<FeedReader, FeedPage>(f => f.PageAsync(admin, new FeedQuery(Size: 50), Ct));
        return feed.Items.Count(i => i.Type == MessagingFeed.MassSend && i.ActorId == sender && i.Link == "/messagerie/moderation");
    }
}

public sealed class SqliteSafetyGateTests(SqliteMessagingApp app) : SafetyGateTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresSafetyGateTests(PostgresMessagingApp app) : SafetyGateTests(app), IClassFixture<PostgresMessagingApp>;
