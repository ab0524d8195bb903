using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Preau.News.Authorization;
using Preau.News.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Sharing;

namespace Preau.News.Features.Home;

/// <summary>A headline as the home page shows it.</summary>
public sealed record Headline(Guid Id, Guid ThreadId, string Title, string Preview, string ThreadTitle, string Color, DateTimeOffset PublishedAt);

/// <summary>
/// This node's memory of each school's headlines not yet expired (scheduled ones included, with
/// their dates): the home page is the most read page, headlines change rarely. Any change of an
/// item or thread forgets everything on this node; another node's change is seen within
/// <see cref="Lifetime"/>. Dates are checked at each read, so a headline appears and leaves on time.
/// </summary>
public sealed class HeadlineCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    internal sealed record Entry(Headline Headline, Guid OwnerId, DateTimeOffset? ExpireAt);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    internal bool TryGet(Guid structureId, long generation, out IReadOnlyList<Entry> entries)
    {
        var found = _cache.TryGetValue((structureId, generation), out IReadOnlyList<Entry>? cached);
        entries = cached ?? [];
        return found && cached is not null;
    }

    internal void Set(Guid structureId, long generation, IReadOnlyList<Entry> entries) =>
        _cache.Set((structureId, generation), entries, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    /// <summary>An item or a thread changed: every school's headlines are read again.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _cache.Compact(1.0);
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// The current headlines ("À la une") of a school for one person: published, their time come,
/// not expired, in threads the person may read. From memory, the school's list costs nothing; when
/// it is not empty, one query on the shares' key keeps the threads the person reads.
/// </summary>
public sealed class Headlines(PreauDbContext db, HeadlineCache cache, Shares shares, TimeProvider clock)
{
    public const int Size = 4;

    public async Task<IReadOnlyList<Headline>> ForAsync(Guid userId, Guid structureId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var current = (await SchoolAsync(structureId, now, ct))
            .Where(e => e.Headline.PublishedAt <= now && (e.ExpireAt is null || e.ExpireAt > now)).ToList();
        if (current.Count == 0)
        {
            return [];
        }

        var others = current.Where(e => e.OwnerId != userId).Select(e => e.Headline.ThreadId).Distinct().ToList();
        HashSet<Guid> readable = [];
        if (others.Count > 0)
        {
            var shared = await shares.SharedWithAsync(userId, NewsAccess.ThreadType, ShareRight.Read.Key, ct);
            readable = [.. await shared.Where(id => others.Contains(id)).ToListAsync(ct)];
        }

        return [.. current.Where(e => e.OwnerId == userId || readable.Contains(e.Headline.ThreadId))
            .Select(e => e.Headline).OrderByDescending(h => h.PublishedAt).Take(Size)];
    }

    private async Task<IReadOnlyList<HeadlineCache.Entry>> SchoolAsync(Guid structureId, DateTimeOffset now, CancellationToken ct)
    {
        var generation = cache.Generation;
        if (cache.TryGet(structureId, generation, out var entries))
        {
            return entries;
        }

        var rows = await db.Set<NewsItem>().AsNoTracking()
            .Where(i => i.Headline && i.State == NewsState.Published && (i.ExpireAt == null || i.ExpireAt > now))
            .Join(db.Set<NewsThread>().Where(t => t.StructureId == structureId && t.DeletedAt == null), i => i.ThreadId, t => t.Id,
                (i, t) => new { i.Id, i.ThreadId, i.Title, i.Preview, ThreadTitle = t.Title, t.Color, i.PublishAt, i.ExpireAt, t.OwnerId })
            .ToListAsync(ct);
        entries = [.. rows.Select(r => new HeadlineCache.Entry(
            new Headline(r.Id, r.ThreadId, r.Title, r.Preview, r.ThreadTitle, r.Color, r.PublishAt ?? DateTimeOffset.MinValue), r.OwnerId, r.ExpireAt))];
        cache.Set(structureId, generation, entries);
        return entries;
    }
}
