using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Platform.Persistence;

namespace Preau.Platform.Feed;

/// <summary>What a page of the feed asks: an application, and a cursor (older than, or newer than, an event id).</summary>
public sealed record FeedQuery(string? App = null, long? Before = null, long? After = null, int Size = 20);

/// <summary>One item of a person's feed, in their language.</summary>
public sealed record FeedItem(
    long EventId,
    string Type,
    string App,
    string Icon,
    Guid? ActorId,
    string? ActorName,
    string Text,
    string ShortText,
    string Link,
    DateTimeOffset At,
    bool Unread,
    int Repeats);

/// <summary>A page of items, newest first, and the cursor of the next (older) page when there is one.</summary>
public sealed record FeedPage(IReadOnlyList<FeedItem> Items, long? NextBefore);

/// <summary>
/// A person's feed: pages newest first on the recipients' key, the capped unread count on its own
/// index, read and hidden states, and reports to the structure's moderators. Every method is
/// scoped to the person: an id that is not one of their items changes nothing (false).
/// </summary>
public sealed class FeedReader(PreauDbContext db, FeedTypes types, FeedDefaults defaults, FeedText text, TimeProvider clock, IOptions<FeedOptions> options)
{
    public const int MaxPageSize = 50;

    public async Task<FeedPage> PageAsync(Guid userId, FeedQuery query, CancellationToken ct = default)
    {
        var size = Math.Clamp(query.Size, 1, MaxPageSize);
        var mine = db.Set<FeedRecipient>().AsNoTracking().Where(r => r.UserId == userId && r.State != FeedItemState.Hidden);
        if (!string.IsNullOrEmpty(query.App))
        {
            mine = mine.Where(r => r.App == query.App);
        }

        if (query.Before is { } before)
        {
            mine = mine.Where(r => r.EventId < before);
        }

        if (query.After is { } after)
        {
            mine = mine.Where(r => r.EventId > after);
        }

        var rows = await mine
            .OrderByDescending(r => r.EventId)
            .Take(size + 1)
            .Join(db.Set<FeedEvent>().Where(e => e.RemovedAt == null).WithActorName(db), r => r.EventId, x => x.Event.Id, (r, x) => new { r.State, x.Event, x.ActorName })
            .OrderByDescending(x => x.Event.Id)
            .ToListAsync(ct);

        var items = new List<FeedItem>(Math.Min(rows.Count, size));
        foreach (var row in rows.Take(size))
        {
            var type = types.Find(row.Event.Type);
            if (type is null)
            {
                continue; // a type whose module is no longer installed
            }

            var full = text.Render(type, type.TextKey, row.Event.Values, row.ActorName);
            var shortText = type.ShortTextKey is null ? full : text.Render(type, type.ShortTextKey, row.Event.Values, row.ActorName);
            items.Add(new FeedItem(row.Event.Id, type.Key, type.App, type.Icon, row.Event.ActorId, row.ActorName, full, shortText,
                row.Event.Link, row.Event.UpdatedAt, row.State == FeedItemState.Unread, row.Event.Repeats));
        }

        return new FeedPage(items, rows.Count > size ? rows[size - 1].Event.Id : null);
    }

    /// <summary>Unread items, counted up to the cap (the badge then says "99+"): an index-only count.</summary>
    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.State == FeedItemState.Unread)
            .Take(options.Value.UnreadCap + 1).CountAsync(ct);

    /// <summary>Whether the count is past the cap.</summary>
    public bool IsOverCap(int count) => count > options.Value.UnreadCap;

    public int Cap => options.Value.UnreadCap;

    /// <summary>
    /// Gives a person the items of recent events that modules opened to later members, for the
    /// groups they joined since. One statement; run when the person opens their feed.
    /// </summary>
    public async Task<int> CatchUpAsync(Guid userId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow() - options.Value.LaterMembersWindow;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.Profile }).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return 0;
        }

        var candidates = await db.Set<FeedEventGroup>().AsNoTracking()
            .Join(db.GroupMembers.Where(m => m.UserId == userId), g => g.GroupId, m => m.GroupId, (g, m) => g.EventId)
            .Join(db.Set<FeedEvent>().Where(e => e.ReachesLaterMembers && e.RemovedAt == null && e.CreatedAt >= since && e.ActorId != userId),
                id => id, e => e.Id, (id, e) => new { e.Id, e.Type, e.App })
            .Where(e => !db.Set<FeedRecipient>().Any(r => r.UserId == userId && r.EventId == e.Id))
            .Distinct()
            .Take(500)
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var choices = await defaults.ForUserAsync(types, userId, user.Profile, ct);
        foreach (var e in candidates)
        {
            // A type whose module is gone is not caught up on.
            if (choices.TryGetValue(e.Type, out var choice) && choice.Channel != FeedChannel.Never)
            {
                db.Add(new FeedRecipient { UserId = userId, EventId = e.Id, App = e.App, State = FeedItemState.Unread });
            }
        }

        try
        {
            return await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request of the same person caught up at the same moment.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    public async Task<bool> MarkReadAsync(Guid userId, long eventId, CancellationToken ct = default) =>
        await db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.EventId == eventId && r.State == FeedItemState.Unread)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, FeedItemState.Read), ct) > 0
        || await db.Set<FeedRecipient>().AnyAsync(r => r.UserId == userId && r.EventId == eventId && r.State != FeedItemState.Hidden, ct);

    public Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct = default) =>
        db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.State == FeedItemState.Unread)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, FeedItemState.Read), ct);

    public async Task<bool> HideAsync(Guid userId, long eventId, CancellationToken ct = default) =>
        await db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.EventId == eventId && r.State != FeedItemState.Hidden)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, FeedItemState.Hidden), ct) > 0;

    /// <summary>The link of one of the person's items, marked read on the way: what "open" follows.</summary>
    public async Task<string?> OpenAsync(Guid userId, long eventId, CancellationToken ct = default)
    {
        var link = await db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.EventId == eventId && r.State != FeedItemState.Hidden)
            .Join(db.Set<FeedEvent>().Where(e => e.RemovedAt == null), r => r.EventId, e => e.Id, (r, e) => e.Link)
            .FirstOrDefaultAsync(ct);
        if (link is not null)
        {
            await MarkReadAsync(userId, eventId, ct);
        }

        return link;
    }

    /// <summary>
    /// Reports one of the person's items to the moderators of the event's structure: it leaves the
    /// person's feed at once and waits in the queue. Reporting twice is reporting once.
    /// </summary>
    public async Task<bool> ReportAsync(Guid userId, long eventId, string? reason, CancellationToken ct = default)
    {
        var feedEvent = await db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.EventId == eventId)
            .Join(db.Set<FeedEvent>().Where(e => e.RemovedAt == null), r => r.EventId, e => e.Id, (r, e) => new { e.Id, e.StructureId })
            .FirstOrDefaultAsync(ct);
        if (feedEvent is null)
        {
            return false;
        }

        await db.Set<FeedRecipient>().Where(r => r.UserId == userId && r.EventId == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, FeedItemState.Hidden), ct);
        if (!await db.Set<FeedReport>().AnyAsync(r => r.EventId == eventId && r.ReporterId == userId, ct))
        {
            reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            db.Add(new FeedReport
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                EventId = eventId,
                ReporterId = userId,
                StructureId = feedEvent.StructureId,
                Reason = reason is { Length: > 500 } ? reason[..500] : reason,
                CreatedAt = clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }

        return true;
    }
}
