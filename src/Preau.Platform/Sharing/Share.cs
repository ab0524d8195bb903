namespace Preau.Platform.Sharing;

public enum PrincipalKind
{
    User = 1,
    Group = 2,
}

/// <summary>
/// Rights on one resource given to one person or group. <see cref="Rights"/> holds the bits of
/// the rights given and of those they imply, so that checking one right tests one bit.
/// </summary>
public sealed class Share
{
    public required string ResourceType { get; init; }
    public Guid ResourceId { get; init; }
    public PrincipalKind PrincipalKind { get; init; }
    public Guid PrincipalId { get; init; }
    public int Rights { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid CreatedBy { get; init; }
}

/// <summary>A saved list of recipients ("favori de partage"), private to its owner.</summary>
public sealed class ShareBookmark
{
    public Guid Id { get; init; }
    public Guid OwnerId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class ShareBookmarkMember
{
    public Guid BookmarkId { get; init; }
    public PrincipalKind PrincipalKind { get; init; }
    public Guid PrincipalId { get; init; }
}
