using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Structures;

/// <summary>
/// A school as its administrator's hub: head counts by profile and account state, this year's
/// classes (last years' apart), manual groups, blocked profiles. Six queries; null out of scope.
/// </summary>
public sealed class ViewStructure(PreauDbContext db)
{
    public sealed record Detail(
        Guid Id, string Name, string Uai, StructureType Type, int SchoolYear,
        IReadOnlyList<ProfileCount> People, IReadOnlyList<ClassRow> Classes, IReadOnlyList<ClassRow> ArchivedClasses,
        IReadOnlyList<GroupRow> Groups, IReadOnlyList<BlockedRow> BlockedProfiles);

    public sealed record ProfileCount(Profile Profile, int Active, int Pending, int Blocked)
    {
        public int Total => Active + Pending + Blocked;
    }

    public sealed record ClassRow(Guid Id, string Name, ClassLevel Level, int SchoolYear, int Pupils, int Teachers);

    public sealed record GroupRow(Guid Id, string Name, int Members);

    public sealed record BlockedRow(Profile Profile, DateTimeOffset At);

    public async Task<Detail?> HandleAsync(UserContext me, Guid structureId, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId))
        {
            return null;
        }

        var s = await db.Structures.AsNoTracking().Where(x => x.Id == structureId)
            .Select(x => new { x.Id, x.Name, x.Uai, x.Type, x.SchoolYear }).FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var counts = await db.Groups.AsNoTracking()
            .Where(g => g.StructureId == structureId && g.Kind == GroupKind.Profile && g.ClassId == null)
            .Join(db.GroupMembers, g => g.Id, m => m.GroupId, (g, m) => m.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Profile, u.State })
            .GroupBy(x => new { x.Profile, x.State })
            .Select(g => new { g.Key.Profile, g.Key.State, Count = g.Count() })
            .ToListAsync(ct);

        var classes = await db.Classes.AsNoTracking().Where(c => c.StructureId == structureId)
            .Select(c => new
            {
                c.Id, c.Name, c.Level, c.SchoolYear, c.ArchivedAt,
                Pupils = db.GroupMembers.Count(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == c.Id && g.Kind == GroupKind.Profile && g.Profile == Profile.Student)),
                Teachers = db.GroupMembers.Count(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == c.Id && g.Kind == GroupKind.Profile && g.Profile == Profile.Teacher)),
            })
            .ToListAsync(ct);

        var groups = await db.Groups.AsNoTracking().Where(g => g.StructureId == structureId && g.Kind == GroupKind.Manual)
            .Select(g => new GroupRow(g.Id, g.Name, db.GroupMembers.Count(m => m.GroupId == g.Id)))
            .ToListAsync(ct);

        var blocked = await db.BlockedProfiles.AsNoTracking().Where(b => b.StructureId == structureId)
            .Select(b => new BlockedRow(b.Profile, b.BlockedAt)).ToListAsync(ct);

        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), System.Globalization.CompareOptions.IgnoreCase);
        return new Detail(
            s.Id, s.Name, s.Uai, s.Type, s.SchoolYear,
            [.. counts.GroupBy(c => c.Profile).OrderBy(g => g.Key).Select(g => new ProfileCount(g.Key,
                g.Where(x => x.State == AccountState.Active).Sum(x => x.Count),
                g.Where(x => x.State == AccountState.PendingActivation).Sum(x => x.Count),
                g.Where(x => x.State == AccountState.Blocked).Sum(x => x.Count)))],
            [.. classes.Where(c => c.ArchivedAt == null).OrderBy(c => c.Level).ThenBy(c => c.Name, french)
                .Select(c => new ClassRow(c.Id, c.Name, c.Level, c.SchoolYear, c.Pupils, c.Teachers))],
            [.. classes.Where(c => c.ArchivedAt != null).OrderByDescending(c => c.SchoolYear).ThenBy(c => c.Level).ThenBy(c => c.Name, french)
                .Select(c => new ClassRow(c.Id, c.Name, c.Level, c.SchoolYear, c.Pupils, c.Teachers))],
            [.. groups.OrderBy(g => g.Name, french)],
            [.. blocked.OrderBy(b => b.Profile)]);
    }
}
