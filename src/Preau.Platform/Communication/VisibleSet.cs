using System.Collections.Frozen;
using Preau.Platform.Kernel;

namespace Preau.Platform.Communication;

/// <summary>
/// Where one person stands in the directory, as communication needs it: their groups and
/// schools, and whether they may be seen at all (never when blocked or detached).
/// </summary>
public sealed record Membership(Guid UserId, Profile Profile, bool Visible, FrozenSet<Guid> GroupIds, FrozenSet<Guid> StructureIds)
{
    public static Membership Unknown(Guid userId) => new(userId, Profile.Guest, false, FrozenSet<Guid>.Empty, FrozenSet<Guid>.Empty);
}

/// <summary>
/// Whom a person may reach, by group rather than person by person: the groups whose members
/// they reach, the groups they may address as a whole, and the people they reach directly
/// (a parent and their child). Checking one recipient is a set intersection.
/// </summary>
public sealed class VisibleSet(Guid userId, FrozenSet<Guid> memberGroups, FrozenSet<Guid> groups, FrozenSet<Guid> directUsers)
{
    public Guid UserId { get; } = userId;

    /// <summary>Groups whose members, each of them, the person reaches.</summary>
    public FrozenSet<Guid> MemberGroups { get; } = memberGroups;

    /// <summary>Groups the person may address (write to, share with) as a whole.</summary>
    public FrozenSet<Guid> Groups { get; } = groups;

    /// <summary>People reached through a direct link, whatever their groups.</summary>
    public FrozenSet<Guid> DirectUsers { get; } = directUsers;

    public static VisibleSet Empty(Guid userId) => new(userId, FrozenSet<Guid>.Empty, FrozenSet<Guid>.Empty, FrozenSet<Guid>.Empty);

    public bool Reaches(Membership other)
    {
        if (other.UserId == UserId || !other.Visible)
        {
            return false;
        }

        if (DirectUsers.Contains(other.UserId))
        {
            return true;
        }

        foreach (var group in other.GroupIds)
        {
            if (MemberGroups.Contains(group))
            {
                return true;
            }
        }

        return false;
    }

    public bool Addresses(Guid groupId) => Groups.Contains(groupId);
}

/// <summary>The answer for a list of recipients: who may be reached and who may not.</summary>
public sealed record ReachVerdict(
    IReadOnlyList<Guid> AllowedUsers,
    IReadOnlyList<Guid> RefusedUsers,
    IReadOnlyList<Guid> AllowedGroups,
    IReadOnlyList<Guid> RefusedGroups)
{
    public bool AllAllowed => RefusedUsers.Count == 0 && RefusedGroups.Count == 0;
}
