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
    public sealed record Download(string FileName, long Length, Stream Content);

    public async Task<Download?> OpenAsync(UserContext me, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var attachment = await db.Set<MessageAttachment>().AsNoTracking()
            .Where(a => a.Id == attachmentId)
            .Where(a => db.Set<Message>().Any(m => m.Id == a.MessageId && (
                (m.SenderId == me.Id)
                || (m.State != MessageState.Draft && db.Set<MailboxEntry>().Any(e => e.UserId == me.Id && e.MessageId == m.Id && !(e.Received && m.State == MessageState.Recalled))))))
            .Select(a => new { a.FileName, a.Length, a.BlobKey })
            .FirstOrDefaultAsync(ct);
        if (attachment is null)
        {
            return null;
        }

        var content = await store.OpenReadAsync(attachment.BlobKey, ct);
        return content is null ? null : new Download(attachment.FileName, attachment.Length, content);
    }

    /// <summary>
    /// The raster image type the first bytes prove (PNG, JPEG, GIF, WebP), or null: only those
    /// are ever shown in the page; anything else, HTML and SVG included, is downloaded.
    /// </summary>
    public static string? ImageType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        return head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
    }
}
