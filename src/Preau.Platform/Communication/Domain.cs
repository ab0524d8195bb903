using Preau.Platform.Directory.Domain;

namespace Preau.Platform.Communication;

/// <summary>
/// How a group's own members take part in communication (the reference platform's
/// <c>Group.users</c>, split into its three meanings).
/// </summary>
[Flags]
public enum MemberReach
{
    /// <summary>Members get nothing from the group: a broadcast list, a group nobody opened.</summary>
    None = 0,

    /// <summary>Members reach what the group reaches (its links). The reference's INCOMING.</summary>
    Speak = 1,

    /// <summary>Whoever reaches the group reaches each of its members. The reference's OUTGOING.</summary>
    Reachable = 2,

    /// <summary>Members reach each other (classmates, the teachers' room). With both others, the reference's BOTH.</summary>
    Internal = 4,

    All = Speak | Reachable | Internal,
}

/// <summary>
/// A directed communication rule: members of <see cref="FromGroupId"/> (when it lets them speak)
/// reach the group <see cref="ToGroupId"/> as a whole, and its members when it makes them reachable.
/// </summary>
public sealed class GroupLink
{
    public Guid FromGroupId { get; init; }
    public Guid ToGroupId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A structure's own rules beyond group links: the direct links between parents and their
/// children. Its presence also says that the structure's rules were set up.
/// </summary>
public sealed class StructureReachRules
{
    public Guid StructureId { get; init; }

    /// <summary>A parent reaches each of their children of this school.</summary>
    public bool RelativesReachChildren { get; set; }

    /// <summary>A pupil of this school reaches each of their parents.</summary>
    public bool ChildrenReachRelatives { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The kinds of link an administrator is warned about before opening them.</summary>
public enum SensitiveLink
{
    None = 0,

    /// <summary>Pupils and parents who are not each other's family.</summary>
    PupilParent = 1,

    /// <summary>Families with families: parents with other parents, or pupils beyond their class.</summary>
    FamilyFamily = 2,
}

public static class ProfileFamilies
{
    public static bool IsFamily(this Kernel.Profile profile) => profile is Kernel.Profile.Student or Kernel.Profile.Relative;

    /// <summary>Whether opening a link between groups of these profiles deserves the warning.</summary>
    public static SensitiveLink Sensitivity(Group from, Group to)
    {
        if (from.Profile is not { } a || to.Profile is not { } b)
        {
            return SensitiveLink.None;
        }

        if ((a, b) is (Kernel.Profile.Student, Kernel.Profile.Relative) or (Kernel.Profile.Relative, Kernel.Profile.Student))
        {
            return SensitiveLink.PupilParent;
        }

        if (a.IsFamily() && b.IsFamily())
        {
            // Pupils reaching the pupils of their own class is the default; anything wider is family↔family.
            return a == Kernel.Profile.Student && from.Id == to.Id && from.ClassId is not null ? SensitiveLink.None : SensitiveLink.FamilyFamily;
        }

        return SensitiveLink.None;
    }
}
