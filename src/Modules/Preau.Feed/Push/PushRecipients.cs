using Microsoft.EntityFrameworkCore;
using Preau.Platform.Feed;
using Preau.Platform.Persistence;

namespace Preau.Feed.Push;

/// <summary>One device to notify, with its owner's language.</summary>
internal sealed record PushTarget(Guid DeviceId, string Endpoint, string P256dh, string Auth, string? Language);

/// <summary>
/// The devices to notify of an event, in one query: the event's recipients who still have it
/// unread, whose push for the type is on (their own choice when they made one, else their
/// profile's default as <see cref="FeedDefaults"/> says), joined to their devices.
/// </summary>
internal sealed class PushRecipients(PreauDbContext db, FeedDefaults defaults)
{
    public async Task<IReadOnlyList<PushTarget>> ForEventAsync(FeedType type, long eventId, CancellationToken ct = default)
    {
        var pushProfiles = (await defaults.ForTypeAsync(type, ct)).Where(x => x.Value.Push).Select(x => x.Key).ToList();
        var key = type.Key;
        var choices = db.Set<FeedPreference>().Where(p => p.Type == key);
        return await (
            from r in db.Set<FeedRecipient>()
            where r.EventId == eventId && r.State == FeedItemState.Unread
            join d in db.Set<PushDevice>() on r.UserId equals d.UserId
            join u in db.Users on r.UserId equals u.Id
            where choices.Any(p => p.UserId == r.UserId && p.Push)
                || (!choices.Any(p => p.UserId == r.UserId) && pushProfiles.Contains(u.Profile))
            select new PushTarget(d.Id, d.Endpoint, d.P256dh, d.Auth, u.Language))
            .AsNoTracking()
            .ToListAsync(ct);
    }
}
