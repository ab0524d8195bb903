using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Platform.Audit;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Moderation;

/// <summary>
/// A school's messaging moderation, for its ADMLs (and the SuperAdmin): the messages reported to
/// the school waiting for a decision, and the mass-send alerts of its accounts. Keep closes the
/// school's reports of a message; remove takes the message out of every box (recalled, marked as
/// removed by moderation, its notification withdrawn) and closes every report of it. Both are
/// audited. NotFound outside the caller's scope or when nothing waits.
/// </summary>
public sealed class ModerateMessages(PreauDbContext db, FeedPublisher feed, AuditLog audit, TimeProvider clock)
{
    public const string KeepAction = "messaging.report-keep";
    public const string RemoveAction = "messaging.report-remove";

    /// <summary>The <see cref="Message.FailureKey"/> of a message a moderator removed (its state is Recalled).</summary>
    public const string RemovedKey = "Moderation.Removed";

    /// <summary>At most this many reported messages and alerts on the page, most recent first.</summary>
    public const int ListSize = 50;

    public sealed record Reporter(Guid UserId, string Name, string? Reason, DateTimeOffset At);

    public sealed record ReportedMessage(
        Guid MessageId, Guid SenderId, string SenderName, int Recipients, DateTimeOffset? SentAt, string Subject, string Body,
        MessageState State, IReadOnlyList<Reporter> Reporters);

    public sealed record Alert(Guid Id, Guid SenderId, string SenderName, int Recipients, DateTimeOffset At, DateTimeOffset? AcknowledgedAt);

    public sealed record Queue(Guid StructureId, string StructureName, int PendingReports, int OpenAlerts, IReadOnlyList<ReportedMessage> Reports, IReadOnlyList<Alert> Alerts);

    public async Task<Outcome<Queue>> QueueAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        var name = await StructureNameAsync(me, structureId, ct);
        if (name is null)
        {
            return Outcome.NotFound<Queue>();
        }

        var pending = Pending(structureId);
        var pendingCount = await pending.Select(r => r.MessageId).Distinct().CountAsync(ct);
        var ids = await pending.GroupBy(r => r.MessageId)
            .Select(g => new { MessageId = g.Key, Last = g.Max(r => r.CreatedAt) })
            .OrderByDescending(x => x.Last).ThenBy(x => x.MessageId).Take(ListSize)
            .Select(x => x.MessageId).ToListAsync(ct);
        var messages = await db.Set<Message>().AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var reporters = (await pending.Where(r => ids.Contains(r.MessageId))
                .Join(db.Users, r => r.ReporterId, u => u.Id, (r, u) => new { r.MessageId, Reporter = new Reporter(u.Id, u.DisplayName, r.Reason, r.CreatedAt) })
                .ToListAsync(ct))
            .GroupBy(r => r.MessageId).ToDictionary(g => g.Key, g => g.Select(r => r.Reporter).OrderByDescending(r => r.At).ToList());
        var reports = ids.Where(messages.ContainsKey).Select(id => messages[id]).Select(m => new ReportedMessage(
            m.Id, m.SenderId, m.SenderName, m.RecipientCount, m.SentAt, m.Subject, m.Body, m.State,
            reporters.TryGetValue(m.Id, out var list) ? list : [])).ToList();

        var alerts = db.Set<MassSendAlert>().AsNoTracking().Where(a => a.StructureId == structureId);
        var openAlerts = await alerts.CountAsync(a => a.AcknowledgedAt == null, ct);
        var rows = await alerts.OrderBy(a => a.AcknowledgedAt == null ? 0 : 1).ThenByDescending(a => a.CreatedAt).Take(ListSize).ToListAsync(ct);
        var senders = rows.Select(a => a.SenderId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => senders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var ordered = rows.Select(a => new Alert(a.Id, a.SenderId, names.GetValueOrDefault(a.SenderId, ""), a.Recipients, a.CreatedAt, a.AcknowledgedAt)).ToList();
        return new Queue(structureId, name, pendingCount, openAlerts, reports, ordered);
    }

    /// <summary>How many reported messages and open alerts wait in the school; null outside the caller's scope.</summary>
    public async Task<(int Reports, int Alerts)?> CountsAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return null;
        }

        var reports = await Pending(structureId).Select(r => r.MessageId).Distinct().CountAsync(ct);
        var alerts = await db.Set<MassSendAlert>().CountAsync(a => a.StructureId == structureId && a.AcknowledgedAt == null, ct);
        return (reports, alerts);
    }

    /// <summary>The message stays where it is; the school's reports of it are closed as kept.</summary>
    public Task<Outcome<Done>> KeepAsync(UserContext me, Guid structureId, Guid messageId, CancellationToken ct) =>
        DecideAsync(me, structureId, messageId, ReportDecision.Kept, ct);

    /// <summary>The message leaves every box and every feed; all its reports are closed as removed.</summary>
    public Task<Outcome<Done>> RemoveAsync(UserContext me, Guid structureId, Guid messageId, CancellationToken ct) =>
        DecideAsync(me, structureId, messageId, ReportDecision.Removed, ct);

    /// <summary>"Vu": the alert stays in the list, no longer counted as waiting.</summary>
    public async Task<Outcome<Done>> AcknowledgeAsync(UserContext me, Guid structureId, Guid alertId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return Outcome.NotFound<Done>();
        }

        var now = clock.GetUtcNow();
        var changed = await db.Set<MassSendAlert>().Where(a => a.Id == alertId && a.StructureId == structureId && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, me.Id), ct);
        return changed == 0 ? Outcome.NotFound<Done>() : new Done();
    }

    private async Task<Outcome<Done>> DecideAsync(UserContext me, Guid structureId, Guid messageId, ReportDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return Outcome.NotFound<Done>();
        }

        var mine = Pending(structureId).Where(r => r.MessageId == messageId);
        var message = await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId && mine.Any(), ct);
        if (message is null)
        {
            return Outcome.NotFound<Done>();
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var closing = decision == ReportDecision.Removed
            ? db.Set<MessageReport>().Where(r => r.MessageId == messageId && r.Decision == ReportDecision.Pending)
            : db.Set<MessageReport>().Where(r => r.MessageId == messageId && r.StructureId == structureId && r.Decision == ReportDecision.Pending);
        var reports = await closing.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Decision, decision).SetProperty(r => r.DecidedBy, me.Id).SetProperty(r => r.DecidedAt, now), ct);
        if (decision == ReportDecision.Removed)
        {
            // Out of every box at once: recalled (the body and files withheld from recipients), marked as the moderators' doing.
            await db.Set<Message>().Where(m => m.Id == messageId && (m.State == MessageState.Sent || m.State == MessageState.Recalled))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, MessageState.Recalled)
                    .SetProperty(m => m.RecalledAt, m => m.RecalledAt ?? now)
                    .SetProperty(m => m.FailureKey, RemovedKey)
                    .SetProperty(m => m.UpdatedAt, now), ct);
            await db.Set<MailboxEntry>().Where(e => e.MessageId == messageId && e.Received && e.Unread)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Unread, false), ct);
            await feed.WithdrawAsync(MessagingFeed.ResourceKey(messageId), ct);
        }

        audit.Record(decision == ReportDecision.Removed ? RemoveAction : KeepAction, message.SenderId, message.SenderName, structureId,
            string.Create(CultureInfo.InvariantCulture, $"message {messageId} « {message.Subject} » to {message.RecipientCount} ({reports} report(s))"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Done();
    }

    private IQueryable<MessageReport> Pending(Guid structureId) =>
        db.Set<MessageReport>().AsNoTracking().Where(r => r.StructureId == structureId && r.Decision == ReportDecision.Pending);

    private async Task<string?> StructureNameAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return me.IsLocalAdminOf(structureId)
            ? await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
    }
}
