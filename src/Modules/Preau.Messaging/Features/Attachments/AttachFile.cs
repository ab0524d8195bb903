using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Messaging.Resources;
using Preau.Platform.Files;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Storage;

namespace Preau.Messaging.Features.Attachments;

/// <summary>An attachment just added to a draft.</summary>
public sealed record Attached(Guid Id, Guid MessageId, string FileName, string ContentType, long Length, bool Inline)
{
    public string Url => $"{Compose.MessageBodies.ImagePrefix}{Id}";
}

/// <summary>
/// Adds files to one's own draft and takes them off. An attachment is a blob key, a name, a type
/// and a length: an uploaded file is stored (<see cref="AttachAsync"/>), content already stored
/// (a forwarded attachment, later a document of the document space) takes one more reference
/// (<see cref="AttachStoredAsync"/>). Either way the sender's storage quota is charged, the
/// per-file, per-message and count limits hold, and the message's size and count follow.
/// </summary>
public sealed class AttachFile(
    PreauDbContext db, BlobRegistry blobs, IBlobStore store, StorageQuota quota, QuotaStore quotaStore, TimeProvider clock,
    IOptions<MessagingOptions> options, IStringLocalizer<MessagingStrings> s)
{
    public const string Field = "File";

    /// <summary>Stores an uploaded file and attaches it to the person's draft (not found: not their draft).</summary>
    public async Task<Outcome<Attached>> AttachAsync(UserContext me, Guid draftId, string? fileName, string? contentType, Stream content, long declaredLength, bool inline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        ArgumentNullException.ThrowIfNull(content);
        var message = await DraftAsync(me, draftId, ct);
        if (message is null)
        {
            return Outcome.NotFound<Attached>();
        }

        if (declaredLength == 0)
        {
            return Outcome.Invalid<Attached>(Field, "Error.EmptyFile");
        }

        if (await RefusalAsync(draftId, declaredLength, ct) is { } refusal)
        {
            return Outcome.Invalid<Attached>(Field, refusal);
        }

        // The declared length was the browser's word: the quota and the limits follow the real one,
        // checked again in the transaction that counts the file (the platform's one sequence).
        var upload = new QuotaUpload(me.Id, declaredLength < 0 ? null : declaredLength, options.Value.MaxAttachmentBytes) { Field = Field, TooLargeKey = "Error.AttachmentTooLarge" };
        return await quotaStore.StoreWithinQuotaAsync(upload, content, async (blob, c) =>
            await RefusalAsync(draftId, blob.Length, c) is { } problem
                ? Outcome.Invalid<Attached>(Field, problem)
                // The type kept is the one the bytes prove; the declared one only when it claims nothing viewable.
                : await AddAsync(message, FileNames.Clean(fileName), FileSniffer.StoredType(await FileSniffer.SniffAsync(store, blob.Key, c), contentType), blob.Key, blob.Length, inline, c), ct);
    }

    /// <summary>
    /// Attaches content already in the store (a forwarded attachment, a document) by its key: one
    /// more reference, the sender's quota charged as for an upload.
    /// </summary>
    public async Task<Outcome<Attached>> AttachStoredAsync(UserContext me, Guid draftId, string blobKey, string fileName, string contentType, long length, bool inline, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var message = await DraftAsync(me, draftId, ct);
        if (message is null)
        {
            return Outcome.NotFound<Attached>();
        }

        if (await RefusalAsync(draftId, length, ct) is { } refusal)
        {
            return Outcome.Invalid<Attached>(Field, refusal);
        }

        var type = FileSniffer.StoredType(await FileSniffer.SniffAsync(store, blobKey, ct), contentType);
        return await quotaStore.ReferenceWithinQuotaAsync(me.Id, blobKey, length, Field, c => AddAsync(message, FileNames.Clean(fileName), type, blobKey, length, inline, c), ct);
    }

    /// <summary>
    /// Carries the attachments of a message the person may read into their draft (a forward);
    /// gives the old id → new id of each, so that images in the quoted text follow.
    /// </summary>
    public async Task<Outcome<IReadOnlyDictionary<Guid, Guid>>> CopyAsync(UserContext me, Guid fromMessageId, Guid draftId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var readable = await db.Set<MailboxEntry>().AnyAsync(e => e.UserId == me.Id && e.MessageId == fromMessageId
            && db.Set<Message>().Any(m => m.Id == fromMessageId && m.State != MessageState.Draft && !(e.Received && m.State == MessageState.Recalled)), ct);
        if (!readable)
        {
            return Outcome.NotFound<IReadOnlyDictionary<Guid, Guid>>();
        }

        var sources = await db.Set<MessageAttachment>().AsNoTracking().Where(a => a.MessageId == fromMessageId).OrderBy(a => a.CreatedAt).ToListAsync(ct);
        var map = new Dictionary<Guid, Guid>();
        foreach (var a in sources)
        {
            var copied = await AttachStoredAsync(me, draftId, a.BlobKey, a.FileName, a.ContentType, a.Length, a.Inline, ct);
            if (!copied.Succeeded)
            {
                return copied.Found ? Outcome.Invalid<IReadOnlyDictionary<Guid, Guid>>(copied.Errors!) : Outcome.NotFound<IReadOnlyDictionary<Guid, Guid>>();
            }

            map[a.Id] = copied.Value!.Id;
        }

        return map;
    }

    /// <summary>Takes a file off one's draft: its reference and its room in the quota are given back.</summary>
    public async Task<Outcome<Done>> RemoveAsync(UserContext me, Guid attachmentId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var attachment = await db.Set<MessageAttachment>().FirstOrDefaultAsync(a => a.Id == attachmentId, ct);
        var message = attachment is null ? null : await DraftAsync(me, attachment.MessageId, ct);
        if (attachment is null || message is null)
        {
            return Outcome.NotFound<Done>();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var gone = await db.Set<MessageAttachment>().Where(a => a.Id == attachmentId).ExecuteDeleteAsync(ct);
        if (gone == 1)
        {
            await db.Set<Message>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Size, m => m.Size > attachment.Length ? m.Size - attachment.Length : 0)
                .SetProperty(m => m.AttachmentCount, m => m.AttachmentCount > 0 ? m.AttachmentCount - 1 : 0), ct);
            await blobs.ReleaseAsync(attachment.BlobKey, ct);
            await quota.ReleaseAsync(me.Id, attachment.Length, ct);
        }

        await transaction.CommitAsync(ct);
        return new Done();
    }

    /// <summary>The files of a draft, in the order they were added.</summary>
    public async Task<IReadOnlyList<Attached>> ListAsync(UserContext me, Guid draftId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await db.Set<MessageAttachment>().AsNoTracking()
            .Where(a => a.MessageId == draftId && db.Set<Message>().Any(m => m.Id == draftId && m.SenderId == me.Id))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new Attached(a.Id, a.MessageId, a.FileName, a.ContentType, a.Length, a.Inline)).ToListAsync(ct);
    }

    /// <summary>The sentence for a refusal, with its sizes: the quota's use, the limits.</summary>
    public async Task<string> DescribeAsync(UserContext me, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        var culture = CultureInfo.CurrentUICulture;
        var limits = options.Value;
        switch (key)
        {
            case "Error.QuotaFull":
                var status = await quota.StatusAsync(me.Id, ct);
                return s[key, ByteSizes.Format(status?.UsedBytes ?? 0, culture), ByteSizes.Format(status?.QuotaBytes ?? quota.QuotaOf(me), culture)].Value;
            case "Error.AttachmentTooLarge":
                return s[key, ByteSizes.Format(limits.MaxAttachmentBytes, culture)].Value;
            case "Error.MessageTooLarge":
                return s[key, ByteSizes.Format(limits.MaxMessageBytes, culture)].Value;
            default:
                return s[key].Value;
        }
    }

    /// <summary>
    /// Gives back what drafts deleted for good held: their files' references and their room
    /// (files and text) in the sender's quota. Called before the drafts are deleted, in the same
    /// transaction.
    /// </summary>
    public async Task ReleaseDraftsAsync(Guid senderId, IReadOnlyCollection<Guid> messageIds, CancellationToken ct)
    {
        var list = messageIds.ToList();
        var drafts = db.Set<Message>().Where(m => list.Contains(m.Id) && m.SenderId == senderId && m.State == MessageState.Draft);
        var keys = await db.Set<MessageAttachment>().Where(a => drafts.Any(m => m.Id == a.MessageId)).Select(a => a.BlobKey).ToListAsync(ct);
        var size = await drafts.SumAsync(m => m.Size, ct);
        foreach (var key in keys)
        {
            await blobs.ReleaseAsync(key, ct);
        }

        await quota.ReleaseAsync(senderId, size, ct);
    }

    /// <summary>Whether <paramref name="draftId"/> is a draft of the person's, in their drafts.</summary>
    public async Task<bool> IsOwnDraftAsync(UserContext me, Guid draftId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        return await DraftAsync(me, draftId, ct) is not null;
    }

    private async Task<Message?> DraftAsync(UserContext me, Guid draftId, CancellationToken ct)
    {
        var message = await db.Set<Message>().FirstOrDefaultAsync(m => m.Id == draftId && m.SenderId == me.Id && m.State == MessageState.Draft, ct);
        return message is not null && await db.Set<MailboxEntry>().AnyAsync(e => e.UserId == me.Id && e.MessageId == draftId && e.FolderId == SystemFolders.Drafts, ct)
            ? message
            : null;
    }

    /// <summary>The limits a new file of <paramref name="length"/> bytes must keep.</summary>
    private async Task<string?> RefusalAsync(Guid draftId, long length, CancellationToken ct)
    {
        var limits = options.Value;
        if (length > limits.MaxAttachmentBytes)
        {
            return "Error.AttachmentTooLarge";
        }

        var existing = await db.Set<MessageAttachment>().Where(a => a.MessageId == draftId)
            .GroupBy(a => a.MessageId).Select(g => new { Count = g.Count(), Bytes = g.Sum(a => a.Length) }).FirstOrDefaultAsync(ct);
        if ((existing?.Count ?? 0) >= limits.MaxAttachments)
        {
            return "Error.TooManyAttachments";
        }

        return (existing?.Bytes ?? 0) + Math.Max(0, length) > limits.MaxMessageBytes ? "Error.MessageTooLarge" : null;
    }

    private async Task<Outcome<Attached>> AddAsync(Message message, string fileName, string contentType, string key, long length, bool inline, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var attachment = new MessageAttachment
        {
            Id = Guid.CreateVersion7(now), MessageId = message.Id, FileName = fileName, ContentType = contentType,
            Length = length, BlobKey = key, Inline = inline, CreatedAt = now,
        };
        db.Add(attachment);
        message.Size += length;
        message.AttachmentCount += 1;
        await db.SaveChangesAsync(ct);
        return new Attached(attachment.Id, message.Id, fileName, contentType, length, inline);
    }
}
