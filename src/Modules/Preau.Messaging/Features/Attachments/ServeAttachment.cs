using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Messaging.Features.Attachments;

/// <summary>
/// Finds an attachment the person may download: one of a message they hold a copy of (or sent),
/// never one of a recalled message they received. Anything else is not found.
/// </summary>
public sealed class ServeAttachment(PreauDbContext db, IBlobStore store)
{
    /// <summary>An attachment to send; <c>Inline</c>: an image of the message's text, shown where the text puts it.</summary>
    public sealed record Download(string FileName, long Length, Stream Content, bool Inline);

    public async Task<Download?> OpenAsync(UserContext me, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var attachment = await db.Set<MessageAttachment>().AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Where(a => db.Set<Message>().Any(m => m.Id == a.MessageId && (
                (m.SenderId == me.Id)
                || (m.State != MessageState.Draft && db.Set<MailboxEntry>().Any(e => e.UserId == me.Id && e.MessageId == m.Id && !(e.Received && m.State == MessageState.Recalled))))))
            .Select(a => new { a.FileName, a.Length, a.BlobKey, a.Inline })
            .FirstOrDefaultAsync(ct);
        if (attachment is null)
        {
            return null;
        }

        var content = await store.OpenReadAsync(attachment.BlobKey, ct);
        return content is null ? null : new Download(attachment.FileName, attachment.Length, content, attachment.Inline);
    }
}
