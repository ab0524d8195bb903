using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Flash;

/// <summary>A flash message as a person reads it, in their language.</summary>
public sealed record FlashNotice(Guid Id, FlashLevel Level, string Title, string Text, string Language, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// The flash messages shown to a person: those of their profile, for one of their structures or
/// for every structure, between start and end, that they did not dismiss. What each structure
/// has is kept in <see cref="FlashCache"/>, so a page costs at most one query (the person's
/// dismissals among the messages for them, on its key) and none when nothing is for them.
/// </summary>
public sealed class FlashBoard(PreauDbContext db, FlashCache cache, TimeProvider clock)
{
    /// <summary>The person's current messages, most urgent first, in their language ("fr" or "en").</summary>
    public async Task<IReadOnlyList<FlashNotice>> CurrentAsync(UserContext user, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var candidates = await ForAsync(user, ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var ids = candidates.Select(m => m.Id).ToList();
        var dismissed = await db.Set<FlashDismissal>().AsNoTracking()
            .Where(d => d.UserId == user.Id && ids.Contains(d.MessageId)).Select(d => d.MessageId).ToListAsync(ct);
        return [.. candidates.Where(m => !dismissed.Contains(m.Id))
            .OrderByDescending(m => m.Level).ThenByDescending(m => m.StartsAt)
            .Select(m => m.In(language))];
    }

    /// <summary>Closes one of the person's current messages for them; false when it is not one (404).</summary>
    public async Task<bool> DismissAsync(UserContext user, Guid messageId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!(await ForAsync(user, ct)).Any(m => m.Id == messageId))
        {
            return false;
        }

        if (!await db.Set<FlashDismissal>().AnyAsync(d => d.UserId == user.Id && d.MessageId == messageId, ct))
        {
            db.Add(new FlashDismissal { UserId = user.Id, MessageId = messageId, At = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same person closed it at the same moment from another page.
                db.ChangeTracker.Clear();
            }
        }

        return true;
    }

    /// <summary>The messages for the person now, dismissed or not: every structure's, then each of theirs.</summary>
    private async Task<List<FlashCache.Entry>> ForAsync(UserContext user, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var found = new Dictionary<Guid, FlashCache.Entry>();
        foreach (var structureId in user.Structures.Select(s => (Guid?)s.Id).Prepend(null))
        {
            foreach (var message in await StructureAsync(structureId, ct))
            {
                if (message.StartsAt <= now && now < message.EndsAt && FlashProfiles.Includes(message.Profiles, user.Profile))
                {
                    found.TryAdd(message.Id, message);
                }
            }
        }

        return [.. found.Values];
    }

    /// <summary>The messages not yet ended of one structure (null: those for every structure), from the cache or one query.</summary>
    private async Task<IReadOnlyList<FlashCache.Entry>> StructureAsync(Guid? structureId, CancellationToken ct)
    {
        var generation = cache.Generation;
        if (cache.TryGet(structureId, generation, out var entries))
        {
            return entries;
        }

        var now = clock.GetUtcNow();
        var messages = db.Set<FlashMessage>().AsNoTracking().Where(m => m.EndsAt > now);
        messages = structureId is { } id
            ? messages.Where(m => !m.AllStructures && db.Set<FlashTarget>().Any(t => t.MessageId == m.Id && t.StructureId == id))
            : messages.Where(m => m.AllStructures);
        var loaded = await messages
            .Select(m => new FlashCache.Entry(m.Id, m.Level, m.TitleFr, m.TextFr, m.TitleEn, m.TextEn, m.StartsAt, m.EndsAt, m.Profiles))
            .ToListAsync(ct);
        cache.Set(structureId, generation, loaded);
        return loaded;
    }
}

/// <summary>One banner as the shell draws it (Pages/Shared/_FlashBanner): with its close form, or as a preview without one.</summary>
public sealed record FlashBanner(FlashNotice Notice, string PageLanguage, string? ReturnUrl)
{
    public bool IsPreview => ReturnUrl is null;
}
