using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Messaging.Domain;
using Preau.Platform.Audit;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Messaging.Features.Safety;

/// <summary>
/// Watches how many people each account reaches: past its profile's threshold within the window,
/// the account's schools get an alert (shown to their ADMLs, audited, logged at warning) — once per
/// window, so that a flood raises one alert, not a thousand. It never blocks: the rate limit and
/// the ADML do.
/// </summary>
public sealed partial class MassSendWatch(PreauDbContext db, AuditLog audit, TimeProvider clock, IOptions<MessagingOptions> options, ILogger<MassSendWatch> logger)
{
    public const string AuditAction = "messaging.mass-send-alert";

    /// <summary>
    /// The people reached within the window when this send raised an alert; null otherwise.
    /// <paramref name="reached"/> counts this send's recipients with those of the sender's earlier
    /// sends within the window (the sending gate reads them).
    /// </summary>
    public async Task<int?> WatchAsync(Guid senderId, string senderName, Profile profile, IReadOnlyList<Guid> structureIds, Guid messageId, int reached, CancellationToken ct)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        var since = now - limits.AlertWindow;
        var threshold = limits.AlertThreshold(profile);
        if (reached < threshold || await db.Set<MassSendAlert>().AnyAsync(a => a.SenderId == senderId && a.CreatedAt > since, ct))
        {
            return null;
        }

        foreach (var structureId in structureIds.DefaultIfEmpty())
        {
            db.Add(new MassSendAlert
            {
                Id = Guid.CreateVersion7(now), SenderId = senderId, StructureId = structureId == Guid.Empty ? null : structureId,
                MessageId = messageId, Recipients = reached, CreatedAt = now,
            });
            audit.Record(AuditAction, senderId, senderName, structureId == Guid.Empty ? null : structureId,
                string.Create(CultureInfo.InvariantCulture, $"{reached} recipients within {limits.AlertWindow.TotalMinutes:0} min (threshold {threshold})"));
        }

        await db.SaveChangesAsync(ct);
        LogAlert(logger, senderId, reached, threshold);
        return reached;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Mass-send alert: account {SenderId} reached {Recipients} people within the window (threshold {Threshold})")]
    private static partial void LogAlert(ILogger logger, Guid senderId, int recipients, int threshold);
}
