using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Communication.Features;

/// <summary>
/// A structure's communication rules as its administrator edits them: its groups (this year's
/// classes) with their member settings, the links among them and with other structures, the
/// direct parent–child rules. Five queries; null out of scope.
/// </summary>
public sealed class ViewRules(PreauDbContext db)
{
    public sealed record Rules(
        StructureInfo Structure, IReadOnlyList<ClassInfo> Classes, IReadOnlyList<GroupInfo> Groups,
        IReadOnlyList<LinkInfo> Links, DirectInfo Direct, IReadOnlyList<CrossLink> CrossLinks)
    {
        public bool Linked(Guid from, Guid to) => Links.Any(l => l.FromGroupId == from && l.ToGroupId == to);

        /// <summary>The structure-level group of a profile.</summary>
        public GroupInfo? SchoolGroup(Profile profile) => Groups.FirstOrDefault(g => g.Kind == GroupKind.Profile && g.ClassId is null && g.Profile == profile);

        public IEnumerable<GroupInfo> ClassGroups(Guid classId) => Groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId == classId);

        [System.Text.Json.Serialization.JsonIgnore]
        public IEnumerable<GroupInfo> OtherGroups => Groups.Where(g => g.Kind != GroupKind.Profile);
    }

    public sealed record StructureInfo(Guid Id, string Name, string Uai, StructureType Type);

    public sealed record ClassInfo(Guid Id, string Name, ClassLevel Level);

    public sealed record GroupInfo(Guid Id, string Name, GroupKind Kind, Profile? Profile, Guid? ClassId, string? ClassName, MemberFlags Members);

    /// <summary>How a group's members take part: speak through it, reachable one by one, reach each other.</summary>
    public sealed record MemberFlags(bool Speak, bool Reachable, bool Internal)
    {
        public static MemberFlags Of(MemberReach members) =>
            new(members.HasFlag(MemberReach.Speak), members.HasFlag(MemberReach.Reachable), members.HasFlag(MemberReach.Internal));

        public MemberReach ToReach() =>
            (Speak ? MemberReach.Speak : 0) | (Reachable ? MemberReach.Reachable : 0) | (Internal ? MemberReach.Internal : 0);
    }

    public sealed record LinkInfo(Guid FromGroupId, Guid ToGroupId);

    public sealed record DirectInfo(bool RelativesReachChildren, bool ChildrenReachRelatives);

    /// <summary>A link between a group of this structure and a group of another, opened by the SuperAdmin.</summary>
    public sealed record CrossLink(Guid FromGroupId, string FromName, Guid ToGroupId, string ToName, bool Outgoing, string OtherStructureName, string OtherUai);

    public async Task<Rules?> HandleAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId))
        {
            return null;
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId)
            .Select(s => new StructureInfo(s.Id, s.Name, s.Uai, s.Type)).FirstOrDefaultAsync(ct);
        if (structure is null)
        {
            return null;
        }

        var classes = await db.Classes.AsNoTracking().Where(c => c.StructureId == structureId && c.ArchivedAt == null)
            .Select(c => new ClassInfo(c.Id, c.Name, c.Level)).ToListAsync(ct);
        var groups = await GroupsAsync(structureId, ct);
        var ids = groups.Select(g => g.Id).ToList();
        var links = await db.Set<GroupLink>().AsNoTracking().Where(l => ids.Contains(l.FromGroupId) || ids.Contains(l.ToGroupId))
            .Select(l => new LinkInfo(l.FromGroupId, l.ToGroupId)).ToListAsync(ct);

        var outside = links.Select(l => l.FromGroupId).Concat(links.Select(l => l.ToGroupId)).Where(id => !ids.Contains(id)).Distinct().ToList();
        var others = await db.Groups.AsNoTracking().Where(g => outside.Contains(g.Id))
            .Join(db.Structures, g => g.StructureId, s => s.Id, (g, s) => new { g.Id, g.Name, Structure = s.Name, s.Uai })
            .ToDictionaryAsync(x => x.Id, ct);
        var names = groups.ToDictionary(g => g.Id, g => g.Name);
        var cross = links.Where(l => others.ContainsKey(l.FromGroupId) || others.ContainsKey(l.ToGroupId))
            .Where(l => names.ContainsKey(l.FromGroupId) || names.ContainsKey(l.ToGroupId))
            .Select(l =>
            {
                var outgoing = names.ContainsKey(l.FromGroupId);
                var other = others[outgoing ? l.ToGroupId : l.FromGroupId];
                return new CrossLink(l.FromGroupId, outgoing ? names[l.FromGroupId] : other.Name, l.ToGroupId, outgoing ? other.Name : names[l.ToGroupId],
                    outgoing, other.Structure, other.Uai);
            })
            .OrderBy(c => c.OtherStructureName, StringComparer.Ordinal).ThenBy(c => c.FromName, StringComparer.Ordinal).ToList();

        var direct = await db.Set<StructureReachRules>().AsNoTracking().Where(r => r.StructureId == structureId)
            .Select(r => new DirectInfo(r.RelativesReachChildren, r.ChildrenReachRelatives)).FirstOrDefaultAsync(ct)
            ?? new DirectInfo(false, false);

        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), System.Globalization.CompareOptions.IgnoreCase);
        return new Rules(structure, [.. classes.OrderBy(c => c.Level).ThenBy(c => c.Name, french)], groups,
            [.. links.Where(l => names.ContainsKey(l.FromGroupId) && names.ContainsKey(l.ToGroupId))], direct, cross);
    }

    /// <summary>
    /// The groups of another structure, found by its UAI, for the SuperAdmin opening a link
    /// across structures; null for anyone else or an unknown UAI.
    /// </summary>
    public async Task<(StructureInfo Structure, IReadOnlyList<GroupInfo> Groups)?> OtherStructureAsync(UserContext me, string? uai, CancellationToken ct)
    {
        var code = (uai ?? "").Trim().ToUpperInvariant();
        if (!me.IsSuperAdmin || code.Length == 0)
        {
            return null;
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Uai == code)
            .Select(s => new StructureInfo(s.Id, s.Name, s.Uai, s.Type)).FirstOrDefaultAsync(ct);
        return structure is null ? null : (structure, await GroupsAsync(structure.Id, ct));
    }

    /// <summary>The structure's groups, those of archived classes left out: the school's, then class by class, then the others by name.</summary>
    private async Task<List<GroupInfo>> GroupsAsync(Guid structureId, CancellationToken ct)
    {
        var rows = await db.Groups.AsNoTracking()
            .Where(g => g.StructureId == structureId && (g.ClassId == null || db.Classes.Any(c => c.Id == g.ClassId && c.ArchivedAt == null)))
            .Select(g => new
            {
                g.Id, g.Name, g.Kind, g.Profile, g.ClassId, g.Members,
                ClassName = db.Classes.Where(c => c.Id == g.ClassId).Select(c => c.Name).FirstOrDefault(),
                Level = db.Classes.Where(c => c.Id == g.ClassId).Select(c => (ClassLevel?)c.Level).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), System.Globalization.CompareOptions.IgnoreCase);
        return [.. rows
            .OrderBy(g => g.Kind == GroupKind.Profile ? 0 : 1)
            .ThenBy(g => g.ClassId is null ? 0 : 1)
            .ThenBy(g => g.Level)
            .ThenBy(g => g.ClassName ?? "", french)
            .ThenBy(g => g.Profile)
            .ThenBy(g => g.Name, french)
            .Select(g => new GroupInfo(g.Id, g.Name, g.Kind, g.Profile, g.ClassId, g.ClassName, MemberFlags.Of(g.Members)))];
    }
}
