using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Messaging.Data;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Messaging.Features.Compose;

/// <summary>What the composer holds: recipients per field, subject, body (HTML from the editor, or plain text without it).</summary>
public sealed record DraftContent(
    IReadOnlyList<RecipientRef> To,
    IReadOnlyList<RecipientRef> Cc,
    IReadOnlyList<RecipientRef> Bcc,
    string? Subject,
    string? Body,
    bool BodyIsPlainText = false);

/// <summary>
/// Creates or updates a draft (the composer saves every few seconds). Recipients are checked
/// against the communication rules on every save; the body is sanitized; nothing else is touched,
/// so a draft is never lost for a refused recipient: the others and the text are kept and the
/// refusal is said.
/// </summary>
/// <remarks>
/// The body counts toward the sender's storage quota like the attachments do: each save charges
/// (or gives back) the difference in the body's UTF-8 length, kept in <see cref="Message.Size"/>;
/// a draft deleted for good gives its whole size back (<c>AttachFile.ReleaseDraftsAsync</c>).
/// </remarks>
public sealed class SaveDraft(PreauDbContext db, Recipients recipients, MessageBodies bodies, StorageQuota quota, TimeProvider clock, IOptions<MessagingOptions> options)
{
    public sealed record Saved(Guid Id, IReadOnlyList<Addressee> Addressees, IReadOnlyList<RecipientRef> Refused, DateTimeOffset SavedAt);

    public async Task<Outcome<Saved>> CreateAsync(UserContext me, DraftContent content, Guid? parentId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        Guid threadId = id;
        if (parentId is { } parent)
        {
            // Replies and forwards join the conversation of a message the person holds.
            var thread = await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.MessageId == parent)
                .Join(db.Set<Message>(), e => e.MessageId, m => m.Id, (e, m) => (Guid?)m.ThreadId).FirstOrDefaultAsync(ct);
            if (thread is null)
            {
                return Outcome.NotFound<Saved>();
            }

            threadId = thread.Value;
        }

        var message = new Message
        {
            Id = id, ThreadId = threadId, ParentId = parentId, SenderId = me.Id, SenderName = me.DisplayName,
            State = MessageState.Draft, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(message);
        db.Add(new MailboxEntry { UserId = me.Id, MessageId = id, FolderId = SystemFolders.Drafts, Date = now });
        return await FillAsync(me, message, content, ct);
    }

    public async Task<Outcome<Saved>> UpdateAsync(UserContext me, Guid draftId, DraftContent content, CancellationToken ct)
    {
        var message = await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == draftId && m.SenderId == me.Id && m.State == MessageState.Draft, ct);
        if (message is null)
        {
            return Outcome.NotFound<Saved>();
        }

        var entry = await db.Set<MailboxEntry>().FirstOrDefaultAsync(e => e.UserId == me.Id && e.MessageId == draftId, ct);
        if (entry is null || entry.FolderId == SystemFolders.Trash)
        {
            return Outcome.NotFound<Saved>();
        }

        message.UpdatedAt = clock.GetUtcNow();
        entry.Date = message.UpdatedAt;
        return await FillAsync(me, message, content, ct);
    }

    private async Task<Outcome<Saved>> FillAsync(UserContext me, Message message, DraftContent content, CancellationToken ct)
    {
        var limits = options.Value;
        var problems = new Problems();
        var subject = (content.Subject ?? "").Trim();
        if (subject.Length > MessageConfiguration.SubjectMaxLength)
        {
            problems.Add(nameof(DraftContent.Subject), "Error.SubjectTooLong");
        }

        var body = bodies.Clean(content.Body, content.BodyIsPlainText);
        if (body.IsTooLong)
        {
            problems.Add(nameof(DraftContent.Body), "Error.BodyTooLong");
        }

        var wanted = content.To.Select(r => (r, AddressField.To))
            .Concat(content.Cc.Select(r => (r, AddressField.Cc)))
            .Concat(content.Bcc.Select(r => (r, AddressField.Bcc))).ToList();
        if (wanted.Count > limits.MaxAddresses)
        {
            problems.Add(nameof(DraftContent.To), "Error.TooManyAddresses");
        }

        if (problems.Any)
        {
            return Outcome.Invalid<Saved>(problems.ToDictionary());
        }

        var growth = (long)Encoding.UTF8.GetByteCount(body.Html) - Encoding.UTF8.GetByteCount(message.Body);
        if (growth > 0 && !await quota.TryReserveAsync(me.Id, quota.QuotaOf(me), growth, ct))
        {
            return Outcome.Invalid<Saved>(nameof(DraftContent.Body), "Error.QuotaFull");
        }

        if (growth < 0)
        {
            await quota.ReleaseAsync(me.Id, -growth, ct);
        }

        message.Size += growth;
        await db.Set<MessageAddress>().Where(a => a.MessageId == message.Id).ExecuteDeleteAsync(ct);

        message.Subject = subject;
        message.Body = body.Html;
        message.Preview = MessageBodies.Preview(body);
        message.SearchText = MessageBodies.SearchText(subject, message.SenderName, body.PlainText);

        var checkedRecipients = await recipients.CheckAsync(me.Id, wanted, ct);
        var position = 0;
        foreach (var a in checkedRecipients.Allowed)
        {
            db.Add(new MessageAddress { MessageId = message.Id, Position = position++, Field = a.Field, IsGroup = a.IsGroup, TargetId = a.Id, Name = a.Name });
        }

        await db.SaveChangesAsync(ct);
        return new Saved(message.Id, checkedRecipients.Allowed, checkedRecipients.Refused, message.UpdatedAt);
    }
}
