using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>
/// What a viewer may learn of parents' families: the children the viewer also reaches (or is),
/// and those children's classes and schools. A parent belongs to their children's classes, so
/// showing a parent's classes unfiltered would tell of a child the viewer does not reach.
/// </summary>
public sealed class ParentsChildren(PreauDbContext db, Reach reach)
{
    public sealed record Child(Guid Id, string DisplayName);

    public sealed record Family(IReadOnlyList<Child> Children, IReadOnlySet<Guid> ClassIds, IReadOnlySet<Guid> StructureIds, IReadOnlySet<string> Names);

    public async Task<IReadOnlyDictionary<Guid, Family>> OfAsync(Guid viewerId, IReadOnlyCollection<Guid> relativeIds, CancellationToken ct)
    {
        if (relativeIds.Count == 0)
        {
            return new Dictionary<Guid, Family>();
        }

        var links = await db.ParentLinks.AsNoTracking().Where(l => relativeIds.Contains(l.RelativeId))
            .Join(db.Users, l => l.StudentId, u => u.Id, (l, u) => new { l.RelativeId, u.Id, u.DisplayName })
            .ToListAsync(ct);
        var verdict = await reach.CheckAsync(viewerId, [.. links.Select(l => l.Id).Distinct().Where(id => id != viewerId)], [], ct);
        var seen = verdict.AllowedUsers.Append(viewerId).ToHashSet();
        var childIds = links.Where(l => seen.Contains(l.Id)).Select(l => l.Id).Distinct().ToList();
        var places = await db.GroupMembers.AsNoTracking().Where(m => childIds.Contains(m.UserId))
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile), m => m.GroupId, g => g.Id, (m, g) => new
            {
                m.UserId, g.StructureId, g.ClassId,
                School = db.Structures.Where(s => s.Id == g.StructureId).Select(s => s.Name).First(),
                Class = db.Classes.Where(c => c.Id == g.ClassId && c.ArchivedAt == null).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return relativeIds.ToDictionary(id => id, id =>
        {
            var children = links.Where(l => l.RelativeId == id && seen.Contains(l.Id)).Select(l => new Child(l.Id, l.DisplayName))
                .DistinctBy(c => c.Id).OrderBy(c => c.DisplayName, StringComparer.CurrentCulture).ToList();
            var theirs = places.Where(p => children.Any(c => c.Id == p.UserId)).ToList();
            return new Family(children,
                theirs.Where(p => p.ClassId is not null && p.Class is not null).Select(p => p.ClassId!.Value).ToHashSet(),
                theirs.Select(p => p.StructureId).ToHashSet(),
                theirs.Select(p => p.School).Concat(theirs.Where(p => p.Class is not null).Select(p => p.Class!)).ToHashSet(StringComparer.Ordinal));
        });
    }
}
