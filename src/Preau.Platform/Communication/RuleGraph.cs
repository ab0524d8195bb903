using System.Collections.Frozen;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;

namespace Preau.Platform.Communication;

/// <summary>One group as the rules see it.</summary>
public sealed record RuleGroup(Guid Id, Guid StructureId, Guid? ClassId, GroupKind Kind, Profile? Profile, MemberReach Members);

/// <summary>
/// A structure's communication rules in memory: its live groups (archived classes left out),
/// the links leaving them, the class groups under each structure-level profile group, and the
/// direct parent–child rules. Small (a few hundred groups for the largest lycée) and cached.
/// </summary>
public sealed class RuleGraph
{
    public RuleGraph(Guid structureId, IEnumerable<RuleGroup> groups, IEnumerable<GroupLink> links, StructureReachRules? direct)
    {
        StructureId = structureId;
        Groups = groups.ToFrozenDictionary(g => g.Id);
        Links = links.GroupBy(l => l.FromGroupId).ToFrozenDictionary(g => g.Key, g => g.Select(l => l.ToGroupId).ToArray());
        SubGroups = Groups.Values
            .Where(g => g.Kind == GroupKind.Profile && g.ClassId is not null)
            .GroupBy(g => g.Profile)
            .Select(byProfile => (Parent: Groups.Values.FirstOrDefault(p => p.Kind == GroupKind.Profile && p.ClassId is null && p.Profile == byProfile.Key), Children: byProfile.Select(c => c.Id).ToArray()))
            .Where(x => x.Parent is not null)
            .ToFrozenDictionary(x => x.Parent!.Id, x => x.Children);
        RelativesReachChildren = direct?.RelativesReachChildren ?? false;
        ChildrenReachRelatives = direct?.ChildrenReachRelatives ?? false;
    }

    public Guid StructureId { get; }
    public FrozenDictionary<Guid, RuleGroup> Groups { get; }

    /// <summary>From a group of this structure to the groups it reaches (possibly elsewhere, by the SuperAdmin's hand).</summary>
    public FrozenDictionary<Guid, Guid[]> Links { get; }

    /// <summary>A structure-level profile group's class groups of the same profile: addressable with it.</summary>
    public FrozenDictionary<Guid, Guid[]> SubGroups { get; }

    public bool RelativesReachChildren { get; }
    public bool ChildrenReachRelatives { get; }
}
