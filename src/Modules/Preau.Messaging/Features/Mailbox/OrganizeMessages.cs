using Microsoft.EntityFrameworkCore;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Attachments;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Mailbox;

/// <summary>
/// Moves, marks, trashes, restores and deletes a person's own copies of messages. Nothing here
/// touches anyone else's copy: a message deleted by one of its recipients stays in every other box.
/// Ids the person does not hold are ignored (never an error that would tell they exist).
/// </summary>
public sealed class OrganizeMessages(PreauDbContext db, AttachFile attachments)
{
    public const int MaxBatch = 500;

    public Task<int> MarkAsync(UserContext me, IReadOnlyCollection<Guid> ids, bool unread, CancellationToken ct)
    {
        var list = Batch(ids);
        return db.Set<MailboxEntry>()
            .Where(e => e.UserId == me.Id && list.Contains(e.MessageId) && e.Received && e.Unread != unread
                && db.Set<Message>().Any(m => m.Id == e.MessageId && m.State == MessageState.Sent))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Unread, unread), ct);
    }

    /// <summary>Into the inbox or one of the person's folders; a message they sent may go to Sent or a folder of theirs.</summary>
    public async Task<Outcome<int>> MoveAsync(UserContext me, IReadOnlyCollection<Guid> ids, Guid folderId, CancellationToken ct)
    {
        var list = Batch(ids);
        var own = !SystemFolders.IsSystem(folderId);
        if (own && !await db.Set<MailFolder>().AnyAsync(f => f.Id == folderId && f.UserId == me.Id, ct))
        {
            return Outcome.NotFound<int>();
        }

        if (!own && folderId != SystemFolders.Inbox && folderId != SystemFolders.Sent)
        {
            return Outcome.Invalid<int>("Folder", "Error.CannotMoveThere");
        }

        // Drafts and scheduled messages stay where they are until sent; received ones never go to Sent, nor sent ones to the inbox.
        var movable = db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && list.Contains(e.MessageId)
            && e.FolderId != SystemFolders.Drafts && e.FolderId != SystemFolders.Scheduled);
        movable = folderId == SystemFolders.Inbox ? movable.Where(e => e.Received)
            : folderId == SystemFolders.Sent ? movable.Where(e => !e.Received)
            : movable;
        return await movable.ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, folderId).SetProperty(e => e.TrashedFrom, (Guid?)null), ct);
    }

    /// <summary>To the trash, remembering where from; a scheduled message is unscheduled by its own action first.</summary>
    public Task<int> TrashAsync(UserContext me, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = Batch(ids);
        return db.Set<MailboxEntry>()
            .Where(e => e.UserId == me.Id && list.Contains(e.MessageId) && e.FolderId != SystemFolders.Trash && e.FolderId != SystemFolders.Scheduled)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.TrashedFrom, e => e.FolderId).SetProperty(e => e.FolderId, SystemFolders.Trash), ct);
    }

    /// <summary>Back where it was; into the inbox (or Sent) when that folder was deleted meanwhile.</summary>
    public async Task<int> RestoreAsync(UserContext me, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = Batch(ids);
        var folders = db.Set<MailFolder>().Where(f => f.UserId == me.Id).Select(f => (Guid?)f.Id);
        var trashed = db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && list.Contains(e.MessageId) && e.FolderId == SystemFolders.Trash);
        var back = await trashed.Where(e => e.TrashedFrom != null && (e.TrashedFrom == SystemFolders.Inbox || e.TrashedFrom == SystemFolders.Sent
                || e.TrashedFrom == SystemFolders.Drafts || folders.Contains(e.TrashedFrom)))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, e => e.TrashedFrom!.Value).SetProperty(e => e.TrashedFrom, (Guid?)null), ct);
        // One update per home rather than a CASE of two uuid parameters, which PostgreSQL types as text.
        var inbox = await trashed.Where(e => e.Received)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Inbox).SetProperty(e => e.TrashedFrom, (Guid?)null), ct);
        var sent = await trashed.Where(e => !e.Received)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.FolderId, SystemFolders.Sent).SetProperty(e => e.TrashedFrom, (Guid?)null), ct);
        return back + inbox + sent;
    }

    /// <summary>Deletes for good what is in the trash (the person's copy; a draft, which no one else holds, with it).</summary>
    public Task<int> DeleteAsync(UserContext me, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var list = Batch(ids);
        return DeleteAsync(me, db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.FolderId == SystemFolders.Trash && list.Contains(e.MessageId)), ct);
    }

    public Task<int> EmptyTrashAsync(UserContext me, CancellationToken ct) =>
        DeleteAsync(me, db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && e.FolderId == SystemFolders.Trash), ct);

    private async Task<int> DeleteAsync(UserContext me, IQueryable<MailboxEntry> entries, CancellationToken ct)
    {
        var ids = await entries.Select(e => e.MessageId).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in ids.Chunk(MaxBatch))
        {
            var list = chunk.ToList();
            await db.Set<MailboxEntry>().Where(e => e.UserId == me.Id && list.Contains(e.MessageId)).ExecuteDeleteAsync(ct);
            // A draft goes with the copy: its files' references and its room in the quota are given back.
            await attachments.ReleaseDraftsAsync(me.Id, list, ct);
            await db.Set<Message>().Where(m => list.Contains(m.Id) && m.SenderId == me.Id && m.State == MessageState.Draft).ExecuteDeleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return ids.Count;
    }

    private static List<Guid> Batch(IReadOnlyCollection<Guid> ids) => [.. ids.Distinct().Take(MaxBatch)];
}
