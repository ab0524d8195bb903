using Microsoft.EntityFrameworkCore;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Communication;

/// <summary>What became of a change to the communication rules.</summary>
public enum RulesEditStatus
{
    Done = 0,

    /// <summary>Out of the actor's structures, or absent: a 404.</summary>
    NotFound = 1,

    /// <summary>The change opens a sensitive link: the actor must see the warning and confirm.</summary>
    NeedsConfirmation = 2,

    /// <summary>Only the SuperAdmin opens this (across structures, families of a whole structure).</summary>
    SuperAdminOnly = 3,

    /// <summary>A request that means nothing (a group linked to itself, unknown flags).</summary>
    Invalid = 4,
}

/// <summary>The link an administrator is about to open and why it deserves a warning.</summary>
public sealed record RulesWarning(SensitiveLink Kind, Group From, Group To);

public sealed record RulesEdit(RulesEditStatus Status, RulesWarning? Warning = null)
{
    public static readonly RulesEdit Done = new(RulesEditStatus.Done);
    public static readonly RulesEdit NotFound = new(RulesEditStatus.NotFound);
    public static readonly RulesEdit SuperAdminOnly = new(RulesEditStatus.SuperAdminOnly);
    public static readonly RulesEdit Invalid = new(RulesEditStatus.Invalid);
}

/// <summary>
/// An administrator edits the communication rules of a structure: links between groups, how a
/// group's members take part, the direct parent–child rules, back to the defaults. A LocalAdmin
/// edits the groups of their structures (both ends of a link); links across structures and
/// families reaching each other over a whole structure are the SuperAdmin's. Opening a link
/// between pupils and parents of other families, or between families, first answers
/// <see cref="RulesEditStatus.NeedsConfirmation"/>. Every change is audited and saved at once;
/// the save forgets the cached rules (<see cref="ReachInvalidation"/>), so it applies at once.
/// </summary>
public sealed class RulesEditor(PreauDbContext db, RulesReset reset, AuditLog audit, TimeProvider clock)
{
    public const string LinkAdd = "communication.link-add";
    public const string LinkRemove = "communication.link-remove";
    public const string MembersUpdate = "communication.members-update";
    public const string DirectUpdate = "communication.direct-update";
    public const string Reset = "communication.reset";

    private const MemberReach SpeakInternal = MemberReach.Speak | MemberReach.Internal;

    /// <summary>Opens a link: members of <paramref name="fromGroupId"/> reach <paramref name="toGroupId"/>.</summary>
    public async Task<RulesEdit> AddLinkAsync(UserContext me, Guid structureId, Guid fromGroupId, Guid toGroupId, bool confirmed, CancellationToken ct = default)
    {
        var (from, to) = await PairAsync(me, structureId, fromGroupId, toGroupId, ct);
        if (from is null || to is null)
        {
            return RulesEdit.NotFound;
        }

        if (from.Id == to.Id)
        {
            return RulesEdit.Invalid;
        }

        if (!me.IsSuperAdmin && (from.StructureId != to.StructureId || (IsStructureFamily(from) && IsStructureFamily(to))))
        {
            return RulesEdit.SuperAdminOnly;
        }

        if (await db.Set<GroupLink>().AnyAsync(l => l.FromGroupId == from.Id && l.ToGroupId == to.Id, ct))
        {
            return RulesEdit.Done;
        }

        var sensitivity = ProfileFamilies.Sensitivity(from, to);
        if (sensitivity != SensitiveLink.None && !confirmed)
        {
            return new RulesEdit(RulesEditStatus.NeedsConfirmation, new RulesWarning(sensitivity, from, to));
        }

        db.Set<GroupLink>().Add(new GroupLink { FromGroupId = from.Id, ToGroupId = to.Id, CreatedAt = clock.GetUtcNow() });
        RecordLink(LinkAdd, from, to, sensitivity);
        await db.SaveChangesAsync(ct);
        return RulesEdit.Done;
    }

    /// <summary>Closes a link; NotFound when there is none.</summary>
    public async Task<RulesEdit> RemoveLinkAsync(UserContext me, Guid structureId, Guid fromGroupId, Guid toGroupId, CancellationToken ct = default)
    {
        var (from, to) = await PairAsync(me, structureId, fromGroupId, toGroupId, ct);
        var link = from is null || to is null ? null
            : await db.Set<GroupLink>().FirstOrDefaultAsync(l => l.FromGroupId == from.Id && l.ToGroupId == to.Id, ct);
        if (link is null)
        {
            return RulesEdit.NotFound;
        }

        if (!me.IsSuperAdmin && from!.StructureId != to!.StructureId)
        {
            return RulesEdit.SuperAdminOnly;
        }

        db.Set<GroupLink>().Remove(link);
        RecordLink(LinkRemove, from!, to!, SensitiveLink.None);
        await db.SaveChangesAsync(ct);
        return RulesEdit.Done;
    }

    /// <summary>Sets how a group's members take part: speak through it, reachable one by one, reach each other.</summary>
    public async Task<RulesEdit> SetMembersAsync(UserContext me, Guid structureId, Guid groupId, MemberReach members, bool confirmed, CancellationToken ct = default)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId && g.StructureId == structureId, ct);
        if (group is null || !me.IsLocalAdminOf(group.StructureId))
        {
            return RulesEdit.NotFound;
        }

        if ((members & ~MemberReach.All) != 0)
        {
            return RulesEdit.Invalid;
        }

        var before = group.Members;
        if (before == members)
        {
            return RulesEdit.Done;
        }

        // Members reach each other only when they also speak through the group: that pair is what opens.
        var opensInternal = (members & SpeakInternal) == SpeakInternal && (before & SpeakInternal) != SpeakInternal;
        if (opensInternal && IsStructureFamily(group) && !me.IsSuperAdmin)
        {
            return RulesEdit.SuperAdminOnly;
        }

        if (!confirmed && await WarningAsync(group, before, members, opensInternal, ct) is { } warning)
        {
            return new RulesEdit(RulesEditStatus.NeedsConfirmation, warning);
        }

        group.Members = members;
        audit.Record(MembersUpdate, null, null, group.StructureId, $"{group.Name}: {Describe(before)} → {Describe(members)}");
        await db.SaveChangesAsync(ct);
        return RulesEdit.Done;
    }

    /// <summary>Sets the direct links of the structure's parents and pupils with their own family.</summary>
    public async Task<RulesEdit> SetDirectAsync(UserContext me, Guid structureId, bool relativesReachChildren, bool childrenReachRelatives, CancellationToken ct = default)
    {
        var structure = me.IsLocalAdminOf(structureId) ? await db.Structures.FirstOrDefaultAsync(s => s.Id == structureId, ct) : null;
        if (structure is null)
        {
            return RulesEdit.NotFound;
        }

        var now = clock.GetUtcNow();
        var rules = await db.Set<StructureReachRules>().FirstOrDefaultAsync(r => r.StructureId == structureId, ct);
        if (rules is null)
        {
            rules = DefaultRules.Direct(structureId, structure.Type, now);
            db.Set<StructureReachRules>().Add(rules);
        }

        var before = $"parents→children {rules.RelativesReachChildren}, children→parents {rules.ChildrenReachRelatives}";
        if (rules.RelativesReachChildren == relativesReachChildren && rules.ChildrenReachRelatives == childrenReachRelatives
            && db.Entry(rules).State != EntityState.Added)
        {
            return RulesEdit.Done;
        }

        rules.RelativesReachChildren = relativesReachChildren;
        rules.ChildrenReachRelatives = childrenReachRelatives;
        rules.UpdatedAt = now;
        audit.Record(DirectUpdate, null, null, structureId, $"{before} → parents→children {relativesReachChildren}, children→parents {childrenReachRelatives}");
        await db.SaveChangesAsync(ct);
        return RulesEdit.Done;
    }

    /// <summary>Puts the structure's rules back to the defaults; links with other structures stay.</summary>
    public async Task<RulesEdit> ResetAsync(UserContext me, Guid structureId, CancellationToken ct = default)
    {
        var name = me.IsLocalAdminOf(structureId)
            ? await db.Structures.Where(s => s.Id == structureId).Select(s => s.Name).FirstOrDefaultAsync(ct)
            : null;
        if (name is null)
        {
            return RulesEdit.NotFound;
        }

        await reset.StageAsync(structureId, ct);
        audit.Record(Reset, null, null, structureId, name);
        await db.SaveChangesAsync(ct);
        return RulesEdit.Done;
    }

    /// <summary>
    /// Both groups, when the actor administers both and one of them belongs to the structure
    /// being edited; else nulls.
    /// </summary>
    private async Task<(Group? From, Group? To)> PairAsync(UserContext me, Guid structureId, Guid fromGroupId, Guid toGroupId, CancellationToken ct)
    {
        var groups = await db.Groups.Where(g => g.Id == fromGroupId || g.Id == toGroupId).ToListAsync(ct);
        var from = groups.FirstOrDefault(g => g.Id == fromGroupId);
        var to = groups.FirstOrDefault(g => g.Id == toGroupId);
        if (from is null || to is null || (from.StructureId != structureId && to.StructureId != structureId)
            || !me.IsLocalAdminOf(from.StructureId) || !me.IsLocalAdminOf(to.StructureId))
        {
            return (null, null);
        }

        return (from, to);
    }

    /// <summary>
    /// The first sensitive link a change of members opens: members reaching each other, members
    /// now speaking through the group's links, members now reachable through links to the group.
    /// </summary>
    private async Task<RulesWarning?> WarningAsync(Group group, MemberReach before, MemberReach after, bool opensInternal, CancellationToken ct)
    {
        if (opensInternal && ProfileFamilies.Sensitivity(group, group) is not SensitiveLink.None and var self)
        {
            return new RulesWarning(self, group, group);
        }

        var speaks = after.HasFlag(MemberReach.Speak) && !before.HasFlag(MemberReach.Speak);
        var reachable = after.HasFlag(MemberReach.Reachable) && !before.HasFlag(MemberReach.Reachable);
        if (group.Profile is null || !(speaks || reachable))
        {
            return null;
        }

        var linked = await db.Set<GroupLink>()
            .Where(l => (speaks && l.FromGroupId == group.Id) || (reachable && l.ToGroupId == group.Id))
            .Join(db.Groups, l => l.FromGroupId == group.Id ? l.ToGroupId : l.FromGroupId, g => g.Id, (l, g) => new { Outgoing = l.FromGroupId == group.Id, Other = g })
            .ToListAsync(ct);
        foreach (var link in linked)
        {
            var (from, to) = link.Outgoing ? (group, link.Other) : (link.Other, group);
            if ((link.Outgoing || from.Members.HasFlag(MemberReach.Speak)) && ProfileFamilies.Sensitivity(from, to) is not SensitiveLink.None and var kind)
            {
                return new RulesWarning(kind, from, to);
            }
        }

        return null;
    }

    private static bool IsStructureFamily(Group group) =>
        group.Kind == GroupKind.Profile && group.ClassId is null && group.Profile is { } p && p.IsFamily();

    private void RecordLink(string action, Group from, Group to, SensitiveLink sensitivity)
    {
        var details = $"{from.Name} → {to.Name}" + (sensitivity == SensitiveLink.None ? "" : $" (confirmed: {sensitivity})");
        audit.Record(action, null, null, from.StructureId, details);
        if (to.StructureId != from.StructureId)
        {
            // A link across structures belongs to both trails.
            audit.Record(action, null, null, to.StructureId, details);
        }
    }

    private static string Describe(MemberReach members) => members == MemberReach.None ? "None" : members.ToString();
}
