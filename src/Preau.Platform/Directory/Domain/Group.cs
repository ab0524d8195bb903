using Preau.Platform.Communication;
using Preau.Platform.Kernel;

namespace Preau.Platform.Directory.Domain;

public enum GroupKind
{
    /// <summary>One per profile for each structure and each class, kept by the directory itself.</summary>
    Profile = 1,

    /// <summary>Made by hand by an administrator or a teacher.</summary>
    Manual = 2,

    /// <summary>A teaching group: a subject taught to some pupils by some teachers.</summary>
    Teaching = 3,
}

public sealed class Group
{
    public Guid Id { get; init; }
    public GroupKind Kind { get; init; }
    public Guid StructureId { get; init; }
    public Guid? ClassId { get; init; }

    /// <summary>Set on profile groups only.</summary>
    public Profile? Profile { get; init; }

    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How the members take part in communication: speak through the group, are reachable, reach each other.</summary>
    public MemberReach Members { get; set; }
}

public sealed class GroupMember
{
    public Guid GroupId { get; init; }
    public Guid UserId { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
}
