namespace Preau.Platform.Feed;

/// <summary>One published event, stored once whatever the size of its audience.</summary>
public sealed class FeedEvent
{
    public long Id { get; init; }
    public required string Type { get; init; }
    public required string App { get; init; }
    public Guid? ActorId { get; init; }
    public required string ResourceKey { get; init; }
    public required string Link { get; set; }

    /// <summary>The placeholders as a JSON object of strings.</summary>
    public required string Values { get; set; }

    public Guid? StructureId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>How many repeats were merged into this event.</summary>
    public int Repeats { get; set; }

    public bool ReachesLaterMembers { get; init; }

    /// <summary>Set when a moderator removed it: its items are gone from every feed.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>A group of an event's audience, as the module named it.</summary>
public sealed class FeedEventGroup
{
    public long EventId { get; init; }
    public Guid GroupId { get; init; }
}

/// <summary>A person of an event's audience, as the module named them.</summary>
public sealed class FeedEventUser
{
    public long EventId { get; init; }
    public Guid UserId { get; init; }
}

public enum FeedItemState
{
    Unread = 0,
    Read = 1,
    Hidden = 2,
}

/// <summary>
/// One person's item: written for the whole audience in one statement at publication, read by
/// the person's feed (newest first on the key), counted while unread on its own index.
/// </summary>
public sealed class FeedRecipient
{
    public Guid UserId { get; init; }
    public long EventId { get; init; }

    /// <summary>The event's application, copied so that a filtered feed reads one index.</summary>
    public required string App { get; init; }

    public FeedItemState State { get; set; }
}

/// <summary>A person's choice for one type.</summary>
public sealed class FeedPreference
{
    public Guid UserId { get; init; }
    public required string Type { get; init; }
    public FeedChannel Channel { get; set; }
    public bool Push { get; set; }
}

/// <summary>The SuperAdmin's default for one type and one profile, over the module's.</summary>
public sealed class FeedTypeDefault
{
    public required string Type { get; init; }
    public Kernel.Profile Profile { get; init; }
    public FeedChannel Channel { get; set; }
    public bool Push { get; set; }
}

public enum FeedReportDecision
{
    Pending = 0,
    Kept = 1,
    Removed = 2,
}

/// <summary>A person reported an item to the structure's moderators.</summary>
public sealed class FeedReport
{
    public Guid Id { get; init; }
    public long EventId { get; init; }
    public Guid ReporterId { get; init; }
    public Guid? StructureId { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public FeedReportDecision Decision { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}
