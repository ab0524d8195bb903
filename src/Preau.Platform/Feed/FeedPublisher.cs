using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Feed;

/// <summary>
/// Publishes a module's event: stores it once with its audience, then gives every member of the
/// audience an unread item in one INSERT … SELECT on the server, whatever the size of the
/// audience (a collège with its parents is a few thousand rows written by one statement, never
/// one round trip per person). A repeat by the same actor on the same resource within
/// <see cref="FeedOptions.MergeWindow"/> merges into the first event. Call it after the module
/// saved its own change.
/// </summary>
public sealed partial class FeedPublisher(
    PreauDbContext db,
    FeedTypes types,
    FeedDefaults defaults,
    TimeProvider clock,
    IOptions<FeedOptions> options,
    IServiceProvider services,
    ILogger<FeedPublisher> logger)
{
    public async Task<FeedPublished> PublishAsync(FeedNotice notice, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var type = types.Get(notice.Type);
        if (!notice.Link.StartsWith('/') || notice.Link.StartsWith("//", StringComparison.Ordinal) || notice.Link.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException("A feed link is a path of this site.", nameof(notice));
        }

        var users = notice.Users.Distinct().ToList();
        var groups = notice.Groups.Distinct().ToList();
        var values = JsonSerializer.Serialize(notice.Values);
        var now = clock.GetUtcNow();

        var since = now - options.Value.MergeWindow;
        var feedEvent = await db.Set<FeedEvent>()
            .Where(e => e.ResourceKey == notice.ResourceKey && e.ActorId == notice.ActorId && e.Type == notice.Type
                && e.CreatedAt >= since && e.RemovedAt == null)
            .OrderByDescending(e => e.Id)
            .FirstOrDefaultAsync(ct);
        var merged = feedEvent is not null;
        if (feedEvent is null)
        {
            var structureId = notice.StructureId;
            if (structureId is null && groups.Count > 0)
            {
                structureId = await db.Groups.Where(g => groups.Contains(g.Id)).Select(g => (Guid?)g.StructureId).FirstOrDefaultAsync(ct);
            }

            feedEvent = new FeedEvent
            {
                Type = type.Key,
                App = type.App,
                ActorId = notice.ActorId,
                ResourceKey = notice.ResourceKey,
                Link = notice.Link,
                Values = values,
                StructureId = structureId,
                CreatedAt = now,
                UpdatedAt = now,
                ReachesLaterMembers = notice.ReachesLaterMembers,
            };
            db.Add(feedEvent);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            feedEvent.Values = values;
            feedEvent.Link = notice.Link;
            feedEvent.UpdatedAt = now;
            feedEvent.Repeats++;
            await db.SaveChangesAsync(ct);
        }

        // The audience joins the event's (a merged repeat may add people; those already there are skipped).
        var eventId = feedEvent.Id;
        await AudienceAsync("fed_event_groups", "group_id", eventId, groups, ct);
        await AudienceAsync("fed_event_users", "user_id", eventId, users, ct);

        var added = await FanOutAsync(type, eventId, ct);
        var published = new FeedPublished(eventId, type, notice.ActorId, notice.Users, notice.Groups, added, merged);
        foreach (var listener in services.GetServices<IFeedListener>())
        {
            try
            {
                await listener.OnPublishedAsync(published, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogListenerFailed(logger, e, listener.GetType().Name, eventId);
            }
        }

        return published;
    }

    /// <summary>The event's groups or people, in one statement whatever their number.</summary>
    private async Task AudienceAsync(string table, string column, long eventId, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var (rows, parameter) = SetSql.Ids(db, "a", ids);
        var sql = string.Create(CultureInfo.InvariantCulture, $"{SetSql.Insert(db)} INTO {table} (event_id, {column}) SELECT {eventId}, a.id FROM {rows} {SetSql.OnConflict(db)}");
        await db.Database.ExecuteSqlRawAsync(sql, [parameter], ct);
    }

    /// <summary>
    /// Writes the items of an event's audience that do not have one yet: the members of its groups
    /// now, its people, less the actor, blocked or detached accounts, and people who turned the
    /// type off (themselves, or by their profile's default). One statement, on the server.
    /// </summary>
    private async Task<int> FanOutAsync(FeedType type, long eventId, CancellationToken ct)
    {
        var never = await defaults.ProfilesWithAsync(type, FeedChannel.Never, ct);
        // Per audience member, two lookups by primary key (their account, their choice for the
        // type) as scalar subqueries: the plan stays index probes for the audience, never a scan of
        // the accounts or the preferences, whatever the size of the platform.
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            {SetSql.Insert(db)} INTO fed_recipients (user_id, event_id, app, state)
            SELECT b.user_id, {eventId}, @app, {(int)FeedItemState.Unread}
            FROM (
                SELECT a.user_id,
                    (SELECT u.profile FROM dir_users u WHERE u.id = a.user_id AND u.state <> {(int)AccountState.Blocked} AND u.detached_at IS NULL) AS profile,
                    (SELECT p.channel FROM fed_preferences p WHERE p.user_id = a.user_id AND p.type = @type) AS channel
                FROM (
                    SELECT m.user_id FROM fed_event_groups g JOIN dir_group_members m ON m.group_id = g.group_id WHERE g.event_id = {eventId}
                    UNION
                    SELECT x.user_id FROM fed_event_users x WHERE x.event_id = {eventId}
                ) a
                WHERE NOT EXISTS (SELECT 1 FROM fed_events e WHERE e.id = {eventId} AND e.actor_id = a.user_id)
            ) b
            WHERE b.profile IS NOT NULL
              AND COALESCE(b.channel, CASE WHEN b.profile IN ({ProfileList(never)}) THEN {(int)FeedChannel.Never} ELSE {(int)FeedChannel.Feed} END) <> {(int)FeedChannel.Never}
            {SetSql.OnConflict(db)}
            """);
        return await db.Database.ExecuteSqlRawAsync(sql, [SetSql.Parameter(db, "app", type.App), SetSql.Parameter(db, "type", type.Key)], ct);
    }

    /// <summary>
    /// Takes back what a module published about a resource (a recalled message, a deleted post):
    /// its events leave every feed at once, read or not. Returns how many events were withdrawn.
    /// </summary>
    public Task<int> WithdrawAsync(string resourceKey, CancellationToken ct = default) =>
        WithdrawAsync(db.Set<FeedEvent>().Where(e => e.ResourceKey == resourceKey), ct);

    /// <summary>Takes back what a module published about several resources at once (a deleted blog's posts), in a fixed number of statements.</summary>
    public Task<int> WithdrawAsync(IReadOnlyCollection<string> resourceKeys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(resourceKeys);
        return resourceKeys.Count == 0 ? Task.FromResult(0) : WithdrawAsync(db.Set<FeedEvent>().Where(e => resourceKeys.Contains(e.ResourceKey)), ct);
    }

    /// <summary>Takes one event back from every feed (a moderator removed it).</summary>
    public Task<int> WithdrawEventAsync(long eventId, CancellationToken ct = default) =>
        WithdrawAsync(db.Set<FeedEvent>().Where(e => e.Id == eventId), ct);

    private async Task<int> WithdrawAsync(IQueryable<FeedEvent> events, CancellationToken ct)
    {
        var ids = await events.Where(e => e.RemovedAt == null).Select(e => e.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        await db.Set<FeedEvent>().Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.RemovedAt, now), ct);
        // Gone from every feed at once: one set statement whatever the size of the audience.
        await db.Set<FeedRecipient>().Where(r => ids.Contains(r.EventId)).ExecuteDeleteAsync(ct);
        return ids.Count;
    }

    /// <summary>Profiles as an SQL list of numbers; no profile has number 0, so an empty list still makes valid SQL.</summary>
    public static string ProfileList(IReadOnlyList<Profile> profiles) =>
        profiles.Count == 0 ? "0" : string.Join(',', profiles.Select(p => ((int)p).ToString(CultureInfo.InvariantCulture)));

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Feed listener {Listener} failed for event {EventId}")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, long eventId);
}
