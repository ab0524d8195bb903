using Preau.Platform.Persistence;

namespace Preau.Platform.Feed;

/// <summary>An event with its actor's name (null for the platform itself or an actor deleted since).</summary>
public sealed class FeedEventRow
{
    public required FeedEvent Event { get; init; }
    public string? ActorName { get; init; }
}

public static class FeedEventQueries
{
    /// <summary>
    /// The events with their actors' names, by a left join on the accounts: what every reader of an
    /// item's text needs (the feed, the moderators' queue, push). Composable: filter and join after it.
    /// </summary>
    public static IQueryable<FeedEventRow> WithActorName(this IQueryable<FeedEvent> events, PreauDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return events
            .GroupJoin(db.Users, e => e.ActorId, u => (Guid?)u.Id, (e, actors) => new { e, actors })
            .SelectMany(x => x.actors.DefaultIfEmpty(), (x, actor) => new FeedEventRow { Event = x.e, ActorName = actor == null ? null : actor.DisplayName });
    }
}
