using Microsoft.EntityFrameworkCore;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Moderation.Features;

/// <summary>
/// The items of a structure's feed that people reported and no moderator decided on yet, for
/// the structure's administrators (and the SuperAdmin): one entry per item, most recently
/// reported first, with its words in the moderator's language, its author, and who reported it
/// and why. A fixed number of queries per page; null outside the caller's scope.
/// </summary>
public sealed class ModerationQueue(PreauDbContext db, FeedTypes types, FeedText text)
{
    public const int PageSize = 20;

    public sealed record Reporter(Guid UserId, string Name, string? Reason, DateTimeOffset At);

    public sealed record Item(
        long EventId, string Type, string App, string Icon, Guid? ActorId, string? ActorName, string Text, string Link,
        DateTimeOffset PublishedAt, DateTimeOffset LastReportedAt, IReadOnlyList<Reporter> Reporters)
    {
        public int ReportCount => Reporters.Count;
    }

    public sealed record Queue(Guid StructureId, string StructureName, int Total, int Page, int PageCount, IReadOnlyList<Item> Items);

    public async Task<Queue?> HandleAsync(UserContext me, Guid structureId, int page, CancellationToken ct)
    {
        var name = await StructureNameAsync(me, structureId, ct);
        if (name is null)
        {
            return null;
        }

        var total = await PendingCountAsync(structureId, ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var pending = Pending(structureId);
        var ids = await pending.GroupBy(r => r.EventId)
            .Select(g => new { EventId = g.Key, Last = g.Max(r => r.CreatedAt) })
            .OrderByDescending(x => x.Last).ThenByDescending(x => x.EventId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => x.EventId)
            .ToListAsync(ct);
        if (ids.Count == 0)
        {
            return new Queue(structureId, name, total, page, pageCount, []);
        }

        var events = await db.Set<FeedEvent>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .WithActorName(db)
            .ToDictionaryAsync(x => x.Event.Id, ct);
        var reports = await pending.Where(r => ids.Contains(r.EventId))
            .Join(db.Users, r => r.ReporterId, u => u.Id, (r, u) => new { r.EventId, Reporter = new Reporter(u.Id, u.DisplayName, r.Reason, r.CreatedAt) })
            .ToListAsync(ct);
        var byEvent = reports.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.Select(r => r.Reporter).OrderByDescending(r => r.At).ToList());

        var items = new List<Item>(ids.Count);
        foreach (var id in ids)
        {
            if (!events.TryGetValue(id, out var row) || !byEvent.TryGetValue(id, out var reporters))
            {
                continue;
            }

            var type = types.Find(row.Event.Type);
            var words = type is null ? row.Event.Type : text.Render(type, type.TextKey, row.Event.Values, row.ActorName);
            items.Add(new Item(id, row.Event.Type, row.Event.App, type?.Icon ?? "feed", row.Event.ActorId, row.ActorName, words, row.Event.Link,
                row.Event.CreatedAt, reporters[0].At, reporters));
        }

        return new Queue(structureId, name, total, page, pageCount, items);
    }

    /// <summary>How many items of the structure wait for a decision; null outside the caller's scope.</summary>
    public async Task<int?> CountAsync(UserContext me, Guid structureId, CancellationToken ct) =>
        me.IsLocalAdminOf(structureId) ? await PendingCountAsync(structureId, ct) : null;

    private Task<int> PendingCountAsync(Guid structureId, CancellationToken ct) =>
        Pending(structureId).Select(r => r.EventId).Distinct().CountAsync(ct);

    private IQueryable<FeedReport> Pending(Guid structureId) =>
        db.Set<FeedReport>().AsNoTracking().Where(r => r.StructureId == structureId && r.Decision == FeedReportDecision.Pending);

    private async Task<string?> StructureNameAsync(UserContext me, Guid structureId, CancellationToken ct) =>
        me.IsLocalAdminOf(structureId)
            ? await db.Structures.AsNoTracking().Where(s => s.Id == structureId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
}
