using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;

namespace Preau.Platform.Communication;

/// <summary>
/// The rules every new structure and class starts with, by degree (docs/communication.md has
/// the table). In short: staff and teachers reach everyone in their school; pupils of a class
/// reach their classmates and teachers; parents reach their children's teachers and the school
/// staff; no family reaches another family; in maternelle, pupils do not write at all.
/// </summary>
public static class DefaultRules
{
    private static readonly Profile[] Staff = [Profile.Teacher, Profile.Personnel, Profile.Periscolaire];

    /// <summary>How the members of a structure-level profile group take part.</summary>
    public static MemberReach ForStructureGroup(Profile profile) => profile switch
    {
        Profile.Teacher or Profile.Personnel or Profile.Periscolaire => MemberReach.All,
        Profile.Student or Profile.Relative => MemberReach.Reachable,
        _ => MemberReach.None,
    };

    /// <summary>How the members of a class-level profile group take part.</summary>
    public static MemberReach ForClassGroup(Profile profile, ClassLevel level) => profile switch
    {
        Profile.Student when IsMaternelle(level) => MemberReach.Reachable,
        Profile.Student => MemberReach.All,
        Profile.Relative => MemberReach.Speak | MemberReach.Reachable,
        Profile.Teacher or Profile.Personnel or Profile.Periscolaire => MemberReach.All,
        _ => MemberReach.None,
    };

    /// <summary>How the members of a group made by hand or by an import take part.</summary>
    public static MemberReach ForOtherGroup(GroupKind kind) =>
        kind == GroupKind.Teaching ? MemberReach.All : MemberReach.None;

    /// <summary>The links among a structure's own profile groups (by profile: from → to).</summary>
    public static IEnumerable<(Profile From, Profile To)> StructureLinks(StructureType type)
    {
        foreach (var from in Staff)
        {
            foreach (var to in new[] { Profile.Teacher, Profile.Personnel, Profile.Periscolaire, Profile.Student, Profile.Relative })
            {
                if (from != to)
                {
                    yield return (from, to);
                }
            }
        }
    }

    /// <summary>
    /// The links of a class's profile groups: <c>ToStructure</c> says the target is the
    /// structure-level group of that profile rather than the class's own.
    /// </summary>
    public static IEnumerable<(Profile From, Profile To, bool ToStructure)> ClassLinks(StructureType type, ClassLevel level)
    {
        if (!IsMaternelle(level))
        {
            yield return (Profile.Student, Profile.Teacher, false);
            if (level.Degree() == Degree.Second)
            {
                // The vie scolaire (CPE, surveillants) is there for every pupil of a collège or lycée.
                yield return (Profile.Student, Profile.Personnel, true);
            }
        }

        yield return (Profile.Relative, Profile.Teacher, false);
        yield return (Profile.Relative, Profile.Personnel, true);
        if (type.Degree() == Degree.First)
        {
            // The périscolaire (étude, cantine, centre de loisirs) talks with the families of the 1st degree.
            yield return (Profile.Relative, Profile.Periscolaire, true);
        }

        yield return (Profile.Teacher, Profile.Student, false);
        yield return (Profile.Teacher, Profile.Relative, false);
    }

    /// <summary>The direct links between parents and their own children.</summary>
    public static StructureReachRules Direct(Guid structureId, StructureType type, DateTimeOffset now) => new()
    {
        StructureId = structureId,
        RelativesReachChildren = true,

        // In the 1st degree a pupil writes to the class and the teacher; from the collège on, to their parents too.
        ChildrenReachRelatives = type.Degree() == Degree.Second,
        UpdatedAt = now,
    };

    private static bool IsMaternelle(ClassLevel level) => level is >= ClassLevel.PS and <= ClassLevel.GS;

    /// <summary>
    /// Sets the defaults on a structure's own groups and returns its links; <paramref name="groups"/>
    /// are the structure-level profile groups.
    /// </summary>
    public static IEnumerable<GroupLink> ApplyToStructure(Structure structure, IReadOnlyList<Group> groups, DateTimeOffset now)
    {
        var byProfile = groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId is null && g.Profile is not null)
            .ToDictionary(g => g.Profile!.Value);
        foreach (var group in byProfile.Values)
        {
            group.Members = ForStructureGroup(group.Profile!.Value);
        }

        foreach (var (from, to) in StructureLinks(structure.Type))
        {
            if (byProfile.TryGetValue(from, out var a) && byProfile.TryGetValue(to, out var b))
            {
                yield return new GroupLink { FromGroupId = a.Id, ToGroupId = b.Id, CreatedAt = now };
            }
        }
    }

    /// <summary>
    /// Sets the defaults on a class's groups and returns its links; <paramref name="structureGroups"/>
    /// are the structure-level profile groups of the class's structure.
    /// </summary>
    public static IEnumerable<GroupLink> ApplyToClass(
        Structure structure, SchoolClass schoolClass, IReadOnlyList<Group> classGroups, IReadOnlyList<Group> structureGroups, DateTimeOffset now)
    {
        var own = classGroups.Where(g => g.Kind == GroupKind.Profile && g.Profile is not null).ToDictionary(g => g.Profile!.Value);
        var school = structureGroups.Where(g => g.Kind == GroupKind.Profile && g.ClassId is null && g.Profile is not null).ToDictionary(g => g.Profile!.Value);
        foreach (var group in own.Values)
        {
            group.Members = ForClassGroup(group.Profile!.Value, schoolClass.Level);
        }

        foreach (var (from, to, toStructure) in ClassLinks(structure.Type, schoolClass.Level))
        {
            if (own.TryGetValue(from, out var a) && (toStructure ? school : own).TryGetValue(to, out var b))
            {
                yield return new GroupLink { FromGroupId = a.Id, ToGroupId = b.Id, CreatedAt = now };
            }
        }
    }
}
