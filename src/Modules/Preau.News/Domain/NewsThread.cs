namespace Preau.News.Domain;

/// <summary>Whom a thread was made for: its default audience when it was created.</summary>
public enum ThreadScope
{
    /// <summary>A whole school: its pupils, parents and staff read; teachers and staff write drafts.</summary>
    Structure = 1,

    /// <summary>One class: its pupils and parents read; its teachers write and publish.</summary>
    Class = 2,

    /// <summary>Shared by hand from the share dialog.</summary>
    Custom = 3,
}

/// <summary>
/// A news thread ("Actualités de l'école"): a shareable resource (<c>news.thread</c>) whose shares
/// say who reads (read), writes drafts (contrib), publishes (publish) and manages (manage). Its
/// school is where its headlines show on the home page.
/// </summary>
public sealed class NewsThread
{
    public const int TitleMax = 120;

    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public Guid StructureId { get; init; }

    public Guid? ClassId { get; init; }

    public ThreadScope Scope { get; init; }

    public string Title { get; set; } = "";

    /// <summary>One of <see cref="Colors"/>: the thread's colour in lists.</summary>
    public string Color { get; set; } = "blue";

    public bool CommentsEnabled { get; set; }

    /// <summary>Comments wait for a publisher's approval before others see them.</summary>
    public bool CommentsModerated { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; set; }

    public static readonly IReadOnlyList<string> Colors = ["blue", "green", "orange", "purple", "red"];
}
