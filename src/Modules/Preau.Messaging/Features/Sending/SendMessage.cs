using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Safety;
using Preau.Platform.Feed;
using Preau.Platform.Jobs;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Sending;

/// <summary>
/// Sends a draft now or schedules it. Every send, a scheduled one when its time comes included,
/// re-checks on the server the communication rules for each address, the sender's switches and
/// quiet hours and the rate limit; a refusal leaves the draft as it was, nothing lost. Groups are
/// expanded to their members as they are at that moment. Recipients each get their own copy in
/// their inbox; the sender keeps theirs in Sent; the message itself is stored once.
/// </summary>
public sealed class SendMessage(
    PreauDbContext db,
    Recipients recipients,
    SendingGate gate,
    MassSendWatch watch,
    FeedPublisher feed,
    JobQueue jobs,
    TimeProvider clock,
    IOptions<MessagingOptions> options)
{
    public const string JobKind = "messaging.send-scheduled";

    public sealed record Sent(Guid Id, MessageState State, int Recipients, DateTimeOffset? At);

    /// <summary>The sender as the checks need them.</summary>
    public sealed record Sender(Guid Id, string DisplayName, Profile Profile, IReadOnlyList<Guid> Structures)
    {
        public static Sender Of(UserContext me) => new(me.Id, me.DisplayName, me.Profile, [.. me.Structures.Select(s => s.Id)]);
    }

    /// <summary>The job's payload for a scheduled message.</summary>
    public sealed record ScheduledJob(Guid MessageId, DateTimeOffset At);

    public Task<Outcome<Sent>> NowAsync(UserContext me, Guid draftId, CancellationToken ct) =>
        SendAsync(Sender.Of(me), draftId, null, ct);

    public async Task<Outcome<Sent>> LaterAsync(UserContext me, Guid draftId, DateTimeOffset at, CancellationToken ct)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        if (at < now + limits.MinScheduleDelay || at > now + limits.MaxScheduleDelay)
        {
            return Outcome.Invalid<Sent>("At", "Error.ScheduleTime");
        }

        return await SendAsync(Sender.Of(me), draftId, at, ct);
    }

    /// <summary>Takes a scheduled message back to the drafts, to change it or send it another time.</summary>
    public async Task<Outcome<Done>> UnscheduleAsync(UserContext me, Guid messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var changed = await db.Set<Message>().Where(m => m.Id == messageId && m.SenderId == me.Id && m.State == MessageState.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MessageState.Draft).SetProperty(m => m.ScheduledFor, (DateTimeOffset?)null).SetProperty(m => m.UpdatedAt, now), ct);
        if (changed == 0)
        {
            return Outcome.NotFound<Done>();
        }

        await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.MessageId == messageId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Drafts).SetProperty(e => e.Date, now), ct);
        return new Done();
    }

    /// <summary>Sends a scheduled message whose time has come (the job); false when it was unscheduled meanwhile.</summary>
    public async Task<Outcome<Sent>> ScheduledAsync(Sender sender, Guid messageId, DateTimeOffset at, CancellationToken ct)
    {
        var message = await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == messageId && m.State == MessageState.Scheduled && m.ScheduledFor == at, ct);
        if (message is null)
        {
            return Outcome.NotFound<Sent>();
        }

        var outcome = await DeliverAsync(sender, message, ct);
        if (!outcome.Succeeded)
        {
            // The rules changed since it was scheduled: back to the drafts, with the reason, nothing lost.
            var now = clock.GetUtcNow();
            message.State = MessageState.Draft;
            message.ScheduledFor = null;
            message.FailureKey = outcome.Errors?.Values.SelectMany(v => v).FirstOrDefault();
            message.UpdatedAt = now;
            await db.Set<MailboxEntry>().Where(e => e.UserId == sender.Id && e.MessageId == messageId)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Drafts).SetProperty(e => e.Date, now), ct);
            await db.SaveChangesAsync(ct);
        }

        return outcome;
    }

    internal Task<Guid?> SenderOfAsync(Guid messageId, CancellationToken ct) =>
        db.Set<Message>().Where(m => m.Id == messageId).Select(m => (Guid?)m.SenderId).FirstOrDefaultAsync(ct);

    private async Task<Outcome<Sent>> SendAsync(Sender sender, Guid draftId, DateTimeOffset? at, CancellationToken ct)
    {
        // A draft of the sender's that is still in their drafts (one query).
        var message = await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == draftId && m.SenderId == sender.Id && m.State == MessageState.Draft
            && db.Set<MailboxEntry>().Any(e => e.UserId == sender.Id && e.MessageId == draftId && e.FolderId == SystemFolders.Drafts), ct);
        if (message is null)
        {
            return Outcome.NotFound<Sent>();
        }

        if (at is null)
        {
            return await DeliverAsync(sender, message, ct);
        }

        var (problem, _) = await CheckAsync(sender, message, await AddressesAsync(message.Id, ct), ct, at);
        if (problem is not null)
        {
            return Outcome.Invalid<Sent>(problem.Value.Field, problem.Value.Key);
        }

        var now = clock.GetUtcNow();
        message.State = MessageState.Scheduled;
        message.ScheduledFor = at;
        message.FailureKey = null;
        message.UpdatedAt = now;
        await db.Set<MailboxEntry>().Where(e => e.UserId == sender.Id && e.MessageId == draftId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Scheduled).SetProperty(e => e.Date, at.Value), ct);
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync(JobKind, new ScheduledJob(message.Id, at.Value), at,
            string.Create(CultureInfo.InvariantCulture, $"{JobKind}:{message.Id}:{at.Value.UtcTicks}"), ct: ct);
        return new Sent(message.Id, MessageState.Scheduled, 0, at);
    }

    /// <summary>The checks that need no expansion: something to send, someone to send it to, every address reachable, sending allowed.</summary>
    private Task<List<MessageAddress>> AddressesAsync(Guid messageId, CancellationToken ct) =>
        db.Set<MessageAddress>().AsNoTracking().Where(a => a.MessageId == messageId).ToListAsync(ct);

    /// <remarks>Also returns the people the sender reached recently, for the mass-send watch.</remarks>
    private async Task<((string Field, string Key)? Problem, int Reached)> CheckAsync(Sender sender, Message message, List<MessageAddress> addresses, CancellationToken ct, DateTimeOffset? at = null)
    {
        if (addresses.Count == 0)
        {
            return (("To", "Error.NoRecipient"), 0);
        }

        if (message.Subject.Length == 0 && message.Preview.Length == 0 && message.AttachmentCount == 0)
        {
            return (("Body", "Error.Empty"), 0);
        }

        if (!await recipients.AllReachableAsync(sender.Id, addresses, ct))
        {
            return (("To", "Error.Unreachable"), 0);
        }

        var verdict = await gate.CheckAsync(sender.Id, sender.Profile, sender.Structures, ct, at);
        return (verdict.Refusal is null ? null : ("Send", verdict.Refusal), verdict.Reached);
    }

    /// <summary>
    /// One unread entry in each recipient's inbox, dated as the sender's copy in Sent: one statement
    /// on the server whatever the audience (a class's 78 people are not 78 tracked rows).
    /// </summary>
    private async Task InboxesAsync(Guid senderId, Guid messageId, IReadOnlyList<(Guid UserId, bool Hidden)> people, CancellationToken ct)
    {
        var (rows, parameters) = SetSql.IdsWithFlags(db, "r", people);
        var sql = $"""
            INSERT INTO msg_mailbox (user_id, message_id, folder_id, trashed_from, unread, date, received, hidden)
            SELECT r.id, s.message_id, {SetSql.Literal(db, SystemFolders.Inbox)}, NULL, {SetSql.Literal(db, true)}, s.date, {SetSql.Literal(db, true)}, r.flag
            FROM {rows}
            JOIN msg_mailbox s ON s.user_id = {SetSql.Literal(db, senderId)} AND s.message_id = {SetSql.Literal(db, messageId)}
            """;
        await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    private async Task<Outcome<Sent>> DeliverAsync(Sender sender, Message message, CancellationToken ct)
    {
        var addresses = await AddressesAsync(message.Id, ct);
        var (problem, reachedBefore) = await CheckAsync(sender, message, addresses, ct);
        if (problem is not null)
        {
            return Outcome.Invalid<Sent>(problem.Value.Field, problem.Value.Key);
        }

        var people = await recipients.ExpandAsync(sender.Id, addresses, ct);
        if (people.Count == 0)
        {
            return Outcome.Invalid<Sent>("To", "Error.NoRecipient");
        }

        if (people.Count > options.Value.MaxRecipients)
        {
            return Outcome.Invalid<Sent>("To", "Error.TooManyRecipients");
        }

        var now = clock.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Only a draft or a scheduled message leaves, once: a double click or a job run twice sends nothing more.
            var claimed = await db.Set<Message>()
                .Where(m => m.Id == message.Id && (m.State == MessageState.Draft || m.State == MessageState.Scheduled))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, MessageState.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.UpdatedAt, now)
                    .SetProperty(m => m.ScheduledFor, (DateTimeOffset?)null)
                    .SetProperty(m => m.FailureKey, (string?)null)
                    .SetProperty(m => m.RecipientCount, people.Count), ct);
            if (claimed == 0)
            {
                return Outcome.NotFound<Sent>();
            }

            await db.Set<MailboxEntry>().Where(e => e.UserId == sender.Id && e.MessageId == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Sent).SetProperty(e => e.Date, now).SetProperty(e => e.Unread, false), ct);
            await InboxesAsync(sender.Id, message.Id, people, ct);
            await transaction.CommitAsync(ct);
        }

        db.ChangeTracker.Clear();
        await feed.PublishAsync(new FeedNotice(MessagingFeed.Received, sender.Id, MessagingFeed.ResourceKey(message.Id), $"/messagerie/message/{message.Id}",
            new Dictionary<string, string> { ["subject"] = message.Subject.Length == 0 ? "…" : message.Subject })
        {
            Users = [.. people.Select(p => p.UserId)],
            StructureId = sender.Structures.Count > 0 ? sender.Structures[0] : null,
        }, ct);

        if (await watch.WatchAsync(sender.Id, sender.DisplayName, sender.Profile, sender.Structures, message.Id, reachedBefore + people.Count, ct) is { } reached)
        {
            var structures = sender.Structures.ToList();
            var admins = await db.FunctionGrants.AsNoTracking()
                .Where(f => f.Function == Function.LocalAdmin && f.StructureId != null && structures.Contains(f.StructureId.Value))
                .Select(f => f.UserId).Distinct().ToListAsync(ct);
            if (admins.Count > 0)
            {
                await feed.PublishAsync(new FeedNotice(MessagingFeed.MassSend, sender.Id, $"messaging.alert:{sender.Id}:{now.UtcTicks}", "/messagerie/moderation",
                    new Dictionary<string, string> { ["count"] = reached.ToString(CultureInfo.InvariantCulture) })
                {
                    Users = admins,
                    StructureId = sender.Structures.Count > 0 ? sender.Structures[0] : null,
                }, ct);
            }
        }

        return new Sent(message.Id, MessageState.Sent, people.Count, now);
    }
}
