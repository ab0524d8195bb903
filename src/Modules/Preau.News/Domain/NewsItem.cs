namespace Preau.News.Domain;

/// <summary>
/// Where an item stands. "Scheduled" is <see cref="Published"/> with a publication instant still
/// to come; "expired" is <see cref="Published"/> with an expiry instant passed: both are computed
/// from the dates, never stored, so a page shows the item at its time even before the job ran.
/// </summary>
public enum NewsState
{
    Draft = 0,
    Submitted = 1,
    Published = 2,
    Trashed = 3,
}

/// <summary>An actualité: a plain title, a rich-text body (sanitized on save and on render), its dates.</summary>
public sealed class NewsItem
{
    public const int TitleMax = 200;

    public Guid Id { get; init; }

    public Guid ThreadId { get; init; }

    public Guid AuthorId { get; init; }

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    public string Preview { get; set; } = "";

    public NewsState State { get; set; }

    /// <summary>"À la une": shown on the home page of the thread's school while current.</summary>
    public bool Headline { get; set; }

    /// <summary>
    /// For a draft or a submitted item, the instant wished; for a published one, the instant it
    /// became (or becomes) visible to readers.
    /// </summary>
    public DateTimeOffset? PublishAt { get; set; }

    public DateTimeOffset? ExpireAt { get; set; }

    /// <summary>The first instant it reached its readers; kept through later unpublish and publish.</summary>
    public DateTimeOffset? FirstPublishedAt { get; set; }

    /// <summary>Who published it: the actor of the readers' notification, also for a scheduled one.</summary>
    public Guid? PublishedBy { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? TrashedAt { get; set; }

    public bool IsVisibleAt(DateTimeOffset now) =>
        State == NewsState.Published && (PublishAt is null || PublishAt <= now) && (ExpireAt is null || ExpireAt > now);
}

/// <summary>
/// A comment on an item, in plain text (pages encode it). In a moderated thread it waits, seen by
/// its author and the publishers only, until a publisher approves it.
/// </summary>
public sealed class NewsComment
{
    public const int MaxLength = 2000;

    public Guid Id { get; init; }

    public Guid ItemId { get; init; }

    public Guid AuthorId { get; init; }

    public string Body { get; set; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
