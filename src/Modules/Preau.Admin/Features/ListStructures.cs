using Microsoft.EntityFrameworkCore;
using Preau.Admin.Authorization;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features;

/// <summary>
/// The schools an administrator holds, a page at a time, with their head counts and classes:
/// four queries per page (count, page, head counts, classes) whatever the size of the schools.
/// </summary>
public sealed class ListStructures(PreauDbContext db)
{
    public const int PageSize = 20;

    public sealed record Result(IReadOnlyList<StructureSummary> Structures, int Page, int TotalStructures)
    {
        public int PageCount => Math.Max(1, (TotalStructures + PageSize - 1) / PageSize);
    }

    public sealed record StructureSummary(Guid Id, string Name, string Uai, StructureType Type, IReadOnlyDictionary<Profile, int> People, IReadOnlyList<ClassSummary> Classes);

    public sealed record ClassSummary(Guid Id, string Name, ClassLevel Level, int Pupils);

    public async Task<Result?> HandleAsync(UserContext user, int page, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(user))
        {
            return null;
        }

        var scope = AdminScope.Structures(user);
        var query = db.Structures.AsNoTracking();
        if (scope is not null)
        {
            query = query.Where(s => scope.Contains(s.Id));
        }

        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var structures = await query.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new { s.Id, s.Name, s.Uai, s.Type })
            .ToListAsync(ct);
        var ids = structures.Select(s => s.Id).ToList();

        var people = await db.Groups.AsNoTracking()
            .Where(g => ids.Contains(g.StructureId) && g.Kind == GroupKind.Profile && g.ClassId == null)
            .Select(g => new { g.StructureId, g.Profile, Count = db.GroupMembers.Count(m => m.GroupId == g.Id) })
            .ToListAsync(ct);

        var classes = await db.Classes.AsNoTracking()
            .Where(c => ids.Contains(c.StructureId) && c.ArchivedAt == null)
            .Select(c => new
            {
                c.Id,
                c.StructureId,
                c.Name,
                c.Level,
                Pupils = db.GroupMembers.Count(m => db.Groups.Any(g =>
                    g.Id == m.GroupId && g.ClassId == c.Id && g.Kind == GroupKind.Profile && g.Profile == Profile.Student)),
            })
            .ToListAsync(ct);

        return new Result(
            [.. structures.Select(s => new StructureSummary(
                s.Id, s.Name, s.Uai, s.Type,
                people.Where(p => p.StructureId == s.Id && p.Profile is not null && p.Count > 0).ToDictionary(p => p.Profile!.Value, p => p.Count),
                [.. classes.Where(c => c.StructureId == s.Id).OrderBy(c => c.Level).ThenBy(c => c.Name, StringComparer.Ordinal)
                    .Select(c => new ClassSummary(c.Id, c.Name, c.Level, c.Pupils))]))],
            page,
            total);
    }
}
