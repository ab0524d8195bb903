using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Mailbox;

/// <summary>One line of a folder: enough to choose what to open.</summary>
public sealed record MessageLine(
    Guid Id, Guid ThreadId, Guid SenderId, string SenderName, string Recipients, string Subject, string Preview,
    DateTimeOffset Date, bool Unread, bool Received, int Attachments, MessageState State, DateTimeOffset? ScheduledFor, string? FailureKey);

/// <summary>A page of a folder, newest first; <see cref="Next"/> continues after its last line.</summary>
public sealed record FolderPage(Guid FolderId, IReadOnlyList<MessageLine> Lines, string? Next);

/// <summary>A folder with its unread messages, and for drafts and scheduled ones how many there are.</summary>
public sealed record FolderCount(Guid FolderId, int Unread, int Total);

/// <summary>
/// A person's mailbox: a folder's page read on one index range (newest first, by a cursor rather
/// than an offset, so the thousandth page costs what the first does), and the unread counts read
/// from the index of unread entries only.
/// </summary>
public sealed class ReadMailbox(PreauDbContext db, IOptions<MessagingOptions> options)
{
    public async Task<FolderPage?> PageAsync(UserContext me, Guid folderId, string? after, int? size, CancellationToken ct)
    {
        if (!SystemFolders.IsSystem(folderId) && !await db.Set<MailFolder>().AnyAsync(f => f.Id == folderId && f.UserId == me.Id, ct))
        {
            return null;
        }

        var take = Math.Clamp(size ?? options.Value.PageSize, 1, 100);
        var entries = db.Set<MailboxEntry>().AsNoTracking().Where(e => e.UserId == me.Id && e.FolderId == folderId);
        if (Cursor.Read(after) is { } cursor)
        {
            entries = entries.Where(e => e.Date < cursor.Date || (e.Date == cursor.Date && e.MessageId.CompareTo(cursor.Id) < 0));
        }

        var rows = await Lines(entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.MessageId).Take(take + 1)).ToListAsync(ct);
        var lines = await WithRecipientsAsync(rows.Take(take).ToList(), ct);
        return new FolderPage(folderId, lines, rows.Count > take ? Cursor.Write(lines[^1].Date, lines[^1].Id) : null);
    }

    /// <summary>Unread messages per folder (one grouped read of the unread index), with the totals of drafts and scheduled messages.</summary>
    public async Task<IReadOnlyDictionary<Guid, FolderCount>> CountsAsync(Guid userId, CancellationToken ct)
    {
        var unread = await db.Set<MailboxEntry>().Where(e => e.UserId == userId && e.Unread)
            .GroupBy(e => e.FolderId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var waiting = await db.Set<MailboxEntry>().Where(e => e.UserId == userId && (e.FolderId == SystemFolders.Drafts || e.FolderId == SystemFolders.Scheduled))
            .GroupBy(e => e.FolderId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = new Dictionary<Guid, FolderCount>();
        foreach (var id in SystemFolders.All)
        {
            counts[id] = new FolderCount(id, 0, 0);
        }

        foreach (var u in unread)
        {
            counts[u.Key] = new FolderCount(u.Key, u.Count, 0);
        }

        foreach (var w in waiting)
        {
            counts[w.Key] = counts[w.Key] with { Total = w.Count };
        }

        return counts;
    }

    /// <summary>Unread messages in the inbox and the person's own folders: the number beside "Messagerie".</summary>
    public Task<int> UnreadAsync(Guid userId, CancellationToken ct) =>
        db.Set<MailboxEntry>().CountAsync(e => e.UserId == userId && e.Unread && e.FolderId != SystemFolders.Trash, ct);

    internal IQueryable<MessageLineRow> Lines(IQueryable<MailboxEntry> entries) =>
        entries.Join(db.Set<Message>(), e => e.MessageId, m => m.Id, (e, m) => new MessageLineRow(
            m.Id, m.ThreadId, m.SenderId, m.SenderName, m.Subject, m.State == MessageState.Recalled && e.Received ? "" : m.Preview,
            e.Date, e.Unread, e.Received, m.AttachmentCount, m.State, m.ScheduledFor, m.FailureKey));

    /// <summary>"To" as a line shows it: the first names of the visible addresses (never the Cci of others).</summary>
    internal async Task<IReadOnlyList<MessageLine>> WithRecipientsAsync(IReadOnlyList<MessageLineRow> rows, CancellationToken ct)
    {
        var mine = rows.Where(r => !r.Received).Select(r => r.Id).ToList();
        var names = mine.Count == 0 ? [] : (await db.Set<MessageAddress>().AsNoTracking()
            .Where(a => mine.Contains(a.MessageId) && a.Position < 4)
            .OrderBy(a => a.Position).Select(a => new { a.MessageId, a.Name }).ToListAsync(ct))
            .GroupBy(a => a.MessageId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(a => a.Name)));
        return [.. rows.Select(r => new MessageLine(r.Id, r.ThreadId, r.SenderId, r.SenderName, names.GetValueOrDefault(r.Id, ""), r.Subject, r.Preview,
            r.Date, r.Unread, r.Received, r.Attachments, r.State, r.ScheduledFor, r.FailureKey))];
    }

    internal sealed record MessageLineRow(
        Guid Id, Guid ThreadId, Guid SenderId, string SenderName, string Subject, string Preview,
        DateTimeOffset Date, bool Unread, bool Received, int Attachments, MessageState State, DateTimeOffset? ScheduledFor, string? FailureKey);
}

/// <summary>A position in a folder, newest first: the date and id of the last line seen, as an opaque string.</summary>
internal static class Cursor
{
    public static string Write(DateTimeOffset date, Guid id) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.UtcTicks}_{id:N}");

    public static (DateTimeOffset Date, Guid Id)? Read(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var parts = cursor.Split('_');
        return parts.Length == 2 && long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks is > 0 and < 3155378975999999999 && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
