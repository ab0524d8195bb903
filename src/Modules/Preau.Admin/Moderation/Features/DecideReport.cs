using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Platform.Audit;
using Preau.Platform.Feed;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Moderation.Features;

/// <summary>
/// A moderator's decision on a reported item of their structure. Keep: the reports are closed
/// and the item stays where it is (the people who reported it keep it hidden). Remove: the event
/// is marked removed and every person's item of it deleted in one statement, the reports closed.
/// Both are audited with the structure. False (404) when the item has no pending report in a
/// structure the caller moderates.
/// </summary>
public sealed class DecideReport(PreauDbContext db, FeedPublisher publisher, AuditLog audit, FeedTypes types, FeedText text, TimeProvider clock)
{
    public Task<bool> KeepAsync(UserContext me, Guid structureId, long eventId, CancellationToken ct) =>
        DecideAsync(me, structureId, eventId, FeedReportDecision.Kept, ct);

    public Task<bool> RemoveAsync(UserContext me, Guid structureId, long eventId, CancellationToken ct) =>
        DecideAsync(me, structureId, eventId, FeedReportDecision.Removed, ct);

    private async Task<bool> DecideAsync(UserContext me, Guid structureId, long eventId, FeedReportDecision decision, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(me);
        if (!me.IsLocalAdminOf(structureId))
        {
            return false;
        }

        var pending = db.Set<FeedReport>().Where(r => r.EventId == eventId && r.StructureId == structureId && r.Decision == FeedReportDecision.Pending);
        var feedEvent = await db.Set<FeedEvent>().AsNoTracking().Where(e => e.Id == eventId && pending.Any())
            .WithActorName(db)
            .FirstOrDefaultAsync(ct);
        if (feedEvent is null)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var reports = await pending.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Decision, decision)
            .SetProperty(r => r.DecidedBy, me.Id)
            .SetProperty(r => r.DecidedAt, now), ct);
        if (decision == FeedReportDecision.Removed)
        {
            await publisher.WithdrawEventAsync(eventId, ct);
        }

        var type = types.Find(feedEvent.Event.Type);
        var words = type is null ? feedEvent.Event.Type : text.Render(type, type.TextKey, feedEvent.Event.Values, feedEvent.ActorName);
        audit.Record(decision == FeedReportDecision.Removed ? AuditActions.FeedReportRemove : AuditActions.FeedReportKeep,
            feedEvent.Event.ActorId, feedEvent.ActorName, structureId,
            string.Create(CultureInfo.InvariantCulture, $"#{eventId} {feedEvent.Event.Type} ({reports}) « {words} » {feedEvent.Event.Link}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
