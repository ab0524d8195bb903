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
    /// Null when the person may send; else the key of the reason, in the module's strings. With
    /// <paramref name="at"/> (scheduling a message), the quiet hours are those of that time and the
    /// rate limit is left to the send itself: a pupil may schedule at 21:00 for 08:00.
    /// </summary>
    public async Task<string?> RefusalAsync(Guid senderId, Profile profile, IReadOnlyCollection<Guid> structureIds, CancellationToken ct, DateTimeOffset? at = null)
    {
        var ids = structureIds.ToList();
        var policies = await db.Set<MessagingPolicy>().AsNoTracking()
            .Where(p => ids.Contains(p.StructureId) && p.Profile == profile).ToListAsync(ct);
        if (policies.Any(p => !p.SendingEnabled))
        {
            return "Error.SendingOff";
        }

        var now = clock.GetUtcNow();
        var time = TimeOnly.FromDateTime(SchoolTime.ToParis(at ?? now).DateTime);
        if (policies.Any(p => p.IsQuietAt(time)))
        {
            return "Error.QuietHours";
        }

        if (at is not null)
        {
            return null;
        }

        var limits = options.Value;
        var since = now - limits.RateWindow;
        var recent = await db.Set<Message>().CountAsync(m => m.SenderId == senderId && m.SentAt > since, ct);
        return recent >= limits.SendsPerWindow ? "Error.RateLimited" : null;
    }
}
