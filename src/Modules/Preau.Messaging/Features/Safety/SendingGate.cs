using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Safety;

/// <summary>
/// Whether a person may send now, whatever the recipients: their schools' switches and quiet
/// hours for their profile (any of their schools holding it holds it), and the rate limit on
/// their recent sends. Checked at every send, scheduled ones included, on the server.
/// </summary>
public sealed class SendingGate(PreauDbContext db, TimeProvider clock, IOptions<MessagingOptions> options)
{
    /// <summary>
    /// What the gate says: the key of the reason for a refusal, in the module's strings (null when
    /// the person may send), and how many people their sends reached within the mass-send alert's
    /// window before this one (read with the rate limit's count, in the same query).
    /// </summary>
    public sealed record Verdict(string? Refusal, int Reached);

    /// <summary>
    /// Whether the person may send now. With <paramref name="at"/> (scheduling a message), the
    /// quiet hours are those of that time and the rate limit is left to the send itself: a pupil
    /// may schedule at 21:00 for 08:00.
    /// </summary>
    public async Task<Verdict> CheckAsync(Guid senderId, Profile profile, IReadOnlyCollection<Guid> structureIds, CancellationToken ct, DateTimeOffset? at = null)
    {
        var ids = structureIds.ToList();
        var policies = await db.Set<MessagingPolicy>().AsNoTracking()
            .Where(p => ids.Contains(p.StructureId) && p.Profile == profile).ToListAsync(ct);
        if (policies.Any(p => !p.SendingEnabled))
        {
            return new Verdict("Error.SendingOff", 0);
        }

        var now = clock.GetUtcNow();
        var time = TimeOnly.FromDateTime(SchoolTime.ToParis(at ?? now).DateTime);
        if (policies.Any(p => p.IsQuietAt(time)))
        {
            return new Verdict("Error.QuietHours", 0);
        }

        if (at is not null)
        {
            return new Verdict(null, 0);
        }

        // The rate limit's count and the alert's sum over their two windows, in one query.
        var limits = options.Value;
        var rateSince = now - limits.RateWindow;
        var alertSince = now - limits.AlertWindow;
        var since = rateSince < alertSince ? rateSince : alertSince;
        var recent = await db.Set<Message>()
            .Where(m => m.SenderId == senderId && m.SentAt > since)
            .GroupBy(m => m.SenderId)
            .Select(g => new { Sends = g.Count(m => m.SentAt > rateSince), Reached = g.Sum(m => m.SentAt > alertSince ? m.RecipientCount : 0) })
            .FirstOrDefaultAsync(ct);
        var sends = recent?.Sends ?? 0;
        return new Verdict(sends >= limits.SendsPerWindow ? "Error.RateLimited" : null, recent?.Reached ?? 0);
    }
}
