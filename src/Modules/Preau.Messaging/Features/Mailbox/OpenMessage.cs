using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Mailbox;

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Length, bool Inline);

public sealed record AddressView(Guid Id, bool IsGroup, string Name, AddressField Field);

/// <summary>
/// A message as one person may read it: the Cci shown only to its sender (a hidden recipient sees
/// themselves alone there); a recalled message's text and files withheld from its recipients.
/// </summary>
public sealed record MessageView(
    Guid Id, Guid ThreadId, Guid? ParentId, Guid SenderId, string SenderName, string Subject, string Body,
    IReadOnlyList<AddressView> Addresses, IReadOnlyList<AttachmentView> Attachments,
    MessageState State, DateTimeOffset Date, DateTimeOffset? SentAt, DateTimeOffset? RecalledAt, DateTimeOffset? ScheduledFor, string? FailureKey,
    Guid FolderId, bool Received, bool Unread, bool CanRecall, DateTimeOffset? RecallUntil)
{
    public bool IsRecalled => State == MessageState.Recalled;

    public bool IsMine => !Received;
}

/// <summary>Opens one message (marking it read) or a whole conversation, among the messages the person holds.</summary>
public sealed class OpenMessage(PreauDbContext db, TimeProvider clock, IOptions<MessagingOptions> options)
{
    public async Task<MessageView?> OpenAsync(UserContext me, Guid messageId, CancellationToken ct)
    {
        var views = await ViewsAsync(me, db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.MessageId == messageId), ct);
        if (views.Count == 0)
        {
            return null;
        }

        if (views[0].Unread)
        {
            await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.MessageId == messageId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Unread, false), ct);
        }

        return views[0];
    }

    /// <summary>The conversation a message belongs to, oldest first, as far as the person holds it (drafts apart).</summary>
    public async Task<IReadOnlyList<MessageView>> ThreadAsync(UserContext me, Guid messageId, CancellationToken ct)
    {
        var thread = await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.MessageId == messageId)
            .Join(db.Set<Message>(), e => e.MessageId, m => m.Id, (e, m) => (Guid?)m.ThreadId).FirstOrDefaultAsync(ct);
        if (thread is null)
        {
            return [];
        }

        var ids = db.Set<Message>().Where(m => m.ThreadId == thread.Value && m.State != MessageState.Draft).Select(m => m.Id);
        var views = await ViewsAsync(me, db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && ids.Contains(e.MessageId)), ct);
        var unread = views.Where(v => v.Unread).Select(v => v.Id).ToList();
        if (unread.Count > 0)
        {
            await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && unread.Contains(e.MessageId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Unread, false), ct);
        }

        return [.. views.OrderBy(v => v.SentAt ?? v.Date)];
    }

    private async Task<IReadOnlyList<MessageView>> ViewsAsync(UserContext me, IQueryable<MailboxEntry> entries, CancellationToken ct)
    {
        var rows = await entries.AsNoTracking().Join(db.Set<Message>(), e => e.MessageId, m => m.Id, (e, m) => new { Entry = e, Message = m }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Message.Id).ToList();
        var addresses = (await db.Set<MessageAddress>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).OrderBy(a => a.Position).ToListAsync(ct))
            .ToLookup(a => a.MessageId);
        var attachments = (await db.Set<MessageAttachment>().AsNoTracking().Where(a => ids.Contains(a.MessageId)).OrderBy(a => a.CreatedAt).ToListAsync(ct))
            .ToLookup(a => a.MessageId);
        var now = clock.GetUtcNow();
        var delay = options.Value.RecallDelay;
        return [.. rows.Select(r =>
        {
            var m = r.Message;
            var e = r.Entry;
            var withheld = e.Received && m.State == MessageState.Recalled;
            IEnumerable<MessageAddress> shown = addresses[m.Id];
            if (e.Received)
            {
                // Cci: the sender's secret. A hidden recipient sees only themselves there.
                shown = shown.Where(a => a.Field != AddressField.Bcc || (e.Hidden && !a.IsGroup && a.TargetId == me.Id));
                if (e.Hidden && !shown.Any(a => a.Field == AddressField.Bcc))
                {
                    shown = shown.Append(new MessageAddress { MessageId = m.Id, Position = int.MaxValue, Field = AddressField.Bcc, IsGroup = false, TargetId = me.Id, Name = me.DisplayName });
                }
            }

            var recallUntil = m.SentAt + delay;
            return new MessageView(m.Id, m.ThreadId, m.ParentId, m.SenderId, m.SenderName, m.Subject, withheld ? "" : m.Body,
                [.. shown.Select(a => new AddressView(a.TargetId, a.IsGroup, a.Name, a.Field))],
                withheld ? [] : [.. attachments[m.Id].Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Length, a.Inline))],
                m.State, e.Date, m.SentAt, m.RecalledAt, m.ScheduledFor, m.FailureKey, e.FolderId, e.Received, e.Unread,
                !e.Received && m.State == MessageState.Sent && recallUntil > now, m.State == MessageState.Sent && !e.Received ? recallUntil : null);
        })];
    }
}
