using Microsoft.EntityFrameworkCore;
using Preau.IntegrationTests.Communication;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Recall;
using Preau.Messaging.Features.Sending;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Features;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Testing;

namespace Preau.IntegrationTests.Messaging;

/// <summary>
/// Sending within the communication rules: a class's families reached through their group as it
/// stands at send time, every address re-checked on the server (forged ids, hidden copies), Cci kept
/// secret, recall within its delay and not after, a scheduled message leaving at its time.
/// </summary>
public abstract class SendingTests(MessagingApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_teacher_writes_to_her_class_s_parents_and_each_gets_a_copy_no_one_else()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var parents = await app.GroupAsync("CE2 A", Profile.Relative);
        var (id, sent) = await app.SendAsync(claire, MessagingData.ToGroups(parents) with { Subject = "Sortie au musée" });

        Assert.True(sent.Succeeded);
        var members = await app.WithDbAsync(db => db.GroupMembers.Where(m => m.GroupId == parents).Select(m => m.UserId).ToListAsync(Ct));
        Assert.Equal(members.Count, sent.Value!.Recipients);
        var boxes = await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.MessageId == id).ToListAsync(Ct));
        Assert.Equal(members.Order(), boxes.Where(b => b.Received).Select(b => b.UserId).Order());
        Assert.All(boxes.Where(b => b.Received), b => Assert.True(b.Unread && b.FolderId == SystemFolders.Inbox));
        Assert.Equal(SystemFolders.Sent, boxes.Single(b => b.UserId == claire.Id).FolderId);
        var otherParent = await app.PersonAsync("ms-parent");
        Assert.DoesNotContain(boxes, b => b.UserId == otherParent);

        // The parent reads it in their inbox, the group named as the group, and is told in the feed.
        var sophie = await app.MeAsync(Personas.Sophie);
        var page = await app.WithAsync<ReadMailbox, FolderPage?>(m => m.PageAsync(sophie, SystemFolders.Inbox, null, null, Ct));
        var line = Assert.Single(page!.Lines, l => l.Id == id);
        Assert.Equal("Sortie au musée", line.Subject);
        Assert.True(line.Unread);
        var unreadBefore = (await app.WithAsync<ReadMailbox, IReadOnlyDictionary<Guid, FolderCount>>(m => m.CountsAsync(sophie.Id, Ct)))[SystemFolders.Inbox].Unread;
        var view = await app.WithAsync<OpenMessage, MessageView?>(o => o.OpenAsync(sophie, id, Ct));
        var address = Assert.Single(view!.Addresses);
        Assert.True(address.IsGroup);
        Assert.Contains("CE2 A", address.Name, StringComparison.Ordinal);
        Assert.Equal(unreadBefore - 1, (await app.WithAsync<ReadMailbox, IReadOnlyDictionary<Guid, FolderCount>>(m => m.CountsAsync(sophie.Id, Ct)))[SystemFolders.Inbox].Unread);
        var feed = await app.WithAsync<FeedReader, FeedPage>(f => f.PageAsync(sophie.Id, new FeedQuery(Size: 50), Ct));
        Assert.Contains(feed.Items, i => i.Link == $"/messagerie/message/{id}" && i.Text.Contains("Sortie au musée", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_id_outside_the_visible_set_never_becomes_an_address_nor_a_recipient()
    {
        var hugo = await app.MeAsync(Personas.Hugo);
        var leaClassmate = await app.PersonAsync("ce2-pupil");
        var ownTeacher = await app.WithDbAsync(db => db.Users.Where(u => u.Login == Personas.Paul).Select(u => u.Id).SingleAsync(Ct));

        // Forged: a pupil of another school, and a group hugo may not address, among a reachable teacher.
        var otherClass = await app.GroupAsync("CE2 A", Profile.Student);
        var draft = await app.DraftAsync(hugo, new DraftContent(
            [new RecipientRef(ownTeacher, false), new RecipientRef(leaClassmate, false)], [], [new RecipientRef(otherClass, true)], "Coucou", "texte"));
        Assert.True(draft.Succeeded);
        Assert.Equal([ownTeacher], draft.Value!.Addressees.Select(a => a.Id));
        Assert.Equal(new[] { leaClassmate, otherClass }.Order(), draft.Value.Refused.Select(r => r.Id).Order());

        // A forged id alone: nothing to send to.
        var (alone, sent) = await app.SendAsync(hugo, new DraftContent([], [], [new RecipientRef(leaClassmate, false)], "Cci", "texte"));
        Assert.False(sent.Succeeded);
        Assert.Equal(["Error.NoRecipient"], sent.Errors!["To"]);
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == leaClassmate
            && db.Set<Message>().Any(m => m.Id == e.MessageId && m.SenderId == hugo.Id), Ct)));
        Assert.Equal(MessageState.Draft, await app.WithDbAsync(db => db.Set<Message>().Where(m => m.Id == alone).Select(m => m.State).SingleAsync(Ct)));

        // An address slipped into the draft behind the rules' back (or reachable once, no longer) is refused at send.
        var (sneaky, _) = (await app.DraftAsync(hugo, MessagingData.To(ownTeacher)), 0);
        await app.WithDbAsync(async db =>
        {
            db.Add(new MessageAddress { MessageId = sneaky.Value!.Id, Position = 5, Field = AddressField.Bcc, IsGroup = false, TargetId = leaClassmate, Name = "x" });
            return await db.SaveChangesAsync(Ct);
        });
        var refusedSend = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(hugo, sneaky.Value!.Id, Ct));
        Assert.Equal(["Error.Unreachable"], refusedSend.Errors!["To"]);
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.MessageId == sneaky.Value!.Id && e.UserId != hugo.Id, Ct)));
    }

    [Fact]
    public async Task Cci_stays_the_sender_s_secret_and_a_hidden_recipient_sees_only_themselves()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var lea = await app.PersonAsync(Personas.Lea);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var director = await app.PersonAsync(Personas.Isabelle);
        var (id, sent) = await app.SendAsync(claire, new DraftContent([new RecipientRef(sophie, false)], [new RecipientRef(director, false)], [new RecipientRef(lea, false)], "Bilan", "texte"));
        Assert.True(sent.Succeeded);
        Assert.Equal(3, sent.Value!.Recipients);

        var toView = await app.WithAsync<OpenMessage, MessageView?>(async o => await o.OpenAsync(await app.MeAsync(Personas.Sophie), id, Ct));
        Assert.DoesNotContain(toView!.Addresses, a => a.Field == AddressField.Bcc);
        Assert.DoesNotContain(toView.Addresses, a => a.Id == lea);

        var hiddenView = await app.WithAsync<OpenMessage, MessageView?>(async o => await o.OpenAsync(await app.MeAsync(Personas.Lea), id, Ct));
        Assert.Equal([lea], hiddenView!.Addresses.Where(a => a.Field == AddressField.Bcc).Select(a => a.Id));

        var senderView = await app.WithAsync<OpenMessage, MessageView?>(o => o.OpenAsync(claire, id, Ct));
        Assert.Equal([sophie, director, lea], senderView!.Addresses.Select(a => a.Id));
    }

    [Fact]
    public async Task A_group_is_expanded_as_it_stands_when_the_message_leaves()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var pupils = await app.GroupAsync("CE2 A", Profile.Student);
        var leaver = await app.PersonAsync("ce2-pupil");
        var newcomer = await app.PersonAsync("cp-pupil");
        var draft = await app.DraftAsync(claire, MessagingData.ToGroups(pupils));

        // Between the draft and the send, one pupil leaves the class and another joins it.
        var ce2 = await app.WithDbAsync(db => db.Classes.Where(c => c.Name == "CE2 A").Select(c => c.Id).SingleAsync(Ct));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PreauDbContext>();
            await db.GroupMembers.Where(m => m.GroupId == pupils && m.UserId == leaver).ExecuteDeleteAsync(Ct);
            scope.ServiceProvider.GetRequiredService<ReachCache>().ForgetUsers([leaver]);
            await scope.ServiceProvider.GetRequiredService<DirectoryWriter>().AddToClassAsync(await db.Users.SingleAsync(u => u.Id == newcomer, Ct), ce2, Ct);
            await db.SaveChangesAsync(Ct);
        }
        var sent = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.NowAsync(claire, draft.Value!.Id, Ct));
        Assert.True(sent.Succeeded);
        var holders = await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.MessageId == draft.Value!.Id && e.Received).Select(e => e.UserId).ToListAsync(Ct));
        Assert.Contains(newcomer, holders);
        Assert.DoesNotContain(leaver, holders);
    }

    [Fact]
    public async Task The_sender_recalls_within_the_delay_and_not_after()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.MeAsync(Personas.Sophie);
        var (id, _) = await app.SendAsync(claire, MessagingData.To(sophie.Id) with { Subject = "Erreur de destinataire" });
        var (late, _) = await app.SendAsync(claire, MessagingData.To(sophie.Id) with { Subject = "Trop tard" });

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        var recalled = await app.WithAsync<RecallMessage, Outcome<Done>>(r => r.HandleAsync(claire, id, Ct));
        Assert.True(recalled.Succeeded);

        var view = await app.WithAsync<OpenMessage, MessageView?>(o => o.OpenAsync(sophie, id, Ct));
        Assert.True(view!.IsRecalled);
        Assert.Equal("", view.Body);
        Assert.Empty(view.Attachments);
        var line = (await app.WithAsync<ReadMailbox, FolderPage?>(m => m.PageAsync(sophie, SystemFolders.Inbox, null, null, Ct)))!.Lines.Single(l => l.Id == id);
        Assert.Equal(MessageState.Recalled, line.State);
        Assert.Equal("", line.Preview);
        Assert.False(line.Unread);
        var feed = await app.WithAsync<FeedReader, FeedPage>(f => f.PageAsync(sophie.Id, new FeedQuery(Size: 50), Ct));
        Assert.DoesNotContain(feed.Items, i => i.Link == $"/messagerie/message/{id}");
        Assert.Contains(feed.Items, i => i.Link == $"/messagerie/message/{late}");

        // Recalled once is enough; someone else's message cannot be recalled; past the delay, no more.
        Assert.Equal(["Error.AlreadyRecalled"], (await app.WithAsync<RecallMessage, Outcome<Done>>(r => r.HandleAsync(claire, id, Ct))).Errors!["Recall"]);
        Assert.False((await app.WithAsync<RecallMessage, Outcome<Done>>(r => r.HandleAsync(sophie, late, Ct))).Found);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(["Error.RecallTooLate"], (await app.WithAsync<RecallMessage, Outcome<Done>>(r => r.HandleAsync(claire, late, Ct))).Errors!["Recall"]);
        Assert.False((await app.WithAsync<OpenMessage, MessageView?>(o => o.OpenAsync(sophie, late, Ct)))!.IsRecalled);
    }

    [Fact]
    public async Task A_scheduled_message_leaves_at_its_time_through_the_job_queue()
    {
        var claire = await app.MeAsync(Personas.Claire);
        var sophie = await app.PersonAsync(Personas.Sophie);
        var draft = await app.DraftAsync(claire, MessagingData.To(sophie) with { Subject = "Rappel : piscine demain" });
        var at = app.Clock.GetUtcNow().AddHours(10);

        var tooSoon = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.LaterAsync(claire, draft.Value!.Id, app.Clock.GetUtcNow().AddSeconds(30), Ct));
        Assert.Equal(["Error.ScheduleTime"], tooSoon.Errors!["At"]);
        var scheduled = await app.WithAsync<SendMessage, Outcome<SendMessage.Sent>>(s => s.LaterAsync(claire, draft.Value!.Id, at, Ct));
        Assert.Equal(MessageState.Scheduled, scheduled.Value!.State);
        Assert.Equal(SystemFolders.Scheduled, await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.UserId == claire.Id && e.MessageId == draft.Value!.Id).Select(e => e.FolderId).SingleAsync(Ct)));
        Assert.False(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == sophie && e.MessageId == draft.Value!.Id, Ct)));

        app.Clock.Advance(TimeSpan.FromHours(10));
        await app.WaitForScheduledSendsAsync(1);
        Assert.True(await app.WithDbAsync(db => db.Set<MailboxEntry>().AnyAsync(e => e.UserId == sophie && e.MessageId == draft.Value!.Id && e.Unread, Ct)));
        var message = await app.WithDbAsync(db => db.Set<Message>().SingleAsync(m => m.Id == draft.Value!.Id, Ct));
        Assert.Equal(MessageState.Sent, message.State);
        Assert.Equal(at, message.SentAt);
        Assert.Equal(SystemFolders.Sent, await app.WithDbAsync(db => db.Set<MailboxEntry>().Where(e => e.UserId == claire.Id && e.MessageId == draft.Value!.Id).Select(e => e.FolderId).SingleAsync(Ct)));
    }
}

public sealed class SqliteSendingTests(SqliteMessagingApp app) : SendingTests(app), IClassFixture<SqliteMessagingApp>;

public sealed class PostgresSendingTests(PostgresMessagingApp app) : SendingTests(app), IClassFixture<PostgresMessagingApp>;
