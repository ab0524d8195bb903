namespace Preau.Platform.Feed;

/// <summary>
/// What a module publishes: one event of a declared <see cref="FeedType"/>, told to an audience of
/// people and groups. The platform stores it once with its audience and gives each member of the
/// audience (as the groups stand now) an unread item, except the actor and those who turned the
/// type off.
/// </summary>
/// <param name="Type">A declared <see cref="FeedType.Key"/>.</param>
/// <param name="ActorId">Who did it; null for the platform itself (a scheduled publication).</param>
/// <param name="ResourceKey">The resource it is about, "news.item:{id}": repeats on the same key merge.</param>
/// <param name="Link">Where the item leads: a path of this site ("/actualites/…").</param>
/// <param name="Values">The placeholders of the type's texts ("title" → "Sortie au musée"), plain text.</param>
public sealed record FeedNotice(string Type, Guid? ActorId, string ResourceKey, string Link, IReadOnlyDictionary<string, string> Values)
{
    public IReadOnlyCollection<Guid> Users { get; init; } = [];
    public IReadOnlyCollection<Guid> Groups { get; init; } = [];

    /// <summary>The structure whose ADMLs moderate reports; the first audience group's structure when null.</summary>
    public Guid? StructureId { get; init; }

    /// <summary>
    /// Whether people who join one of the audience groups later still see the event (within
    /// <see cref="FeedOptions.LaterMembersWindow"/>): a class's blog post, yes; a message, no.
    /// </summary>
    public bool ReachesLaterMembers { get; init; }
}

/// <summary>What the platform tells listeners once an event is stored and fanned out.</summary>
public sealed record FeedPublished(long EventId, FeedType Type, Guid? ActorId, IReadOnlyCollection<Guid> Users, IReadOnlyCollection<Guid> Groups, int NewRecipients, bool Merged);

/// <summary>
/// Called after each publication (real-time delivery, immediate email, push). A listener must not
/// throw for one recipient's trouble; a failure is logged and the other listeners still run.
/// </summary>
public interface IFeedListener
{
    Task OnPublishedAsync(FeedPublished published, CancellationToken ct);
}
