using Microsoft.EntityFrameworkCore;
using Preau.Admin.Authorization;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features;

/// <summary>
/// A class as its administrators see it: teachers, pupils with their parents and the state of
/// each account. Only the school's LocalAdmin, the SuperAdmin and the class's ClassAdmin may
/// see it; anyone else gets nothing, which the page and the API turn into a 404.
/// </summary>
public sealed class ViewClass(PreauDbContext db)
{
    public sealed record ClassDetail(Guid Id, string Name, ClassLevel Level, Guid StructureId, string StructureName,
        IReadOnlyList<Member> Teachers, IReadOnlyList<PupilRow> Pupils);

    public sealed record Member(Guid Id, string DisplayName, string Login, AccountState State, DateTimeOffset? LastLoginAt);

    public sealed record PupilRow(Member Pupil, IReadOnlyList<Member> Parents);

    public async Task<ClassDetail?> HandleAsync(UserContext user, Guid classId, CancellationToken ct)
    {
        var schoolClass = await db.Classes.AsNoTracking()
            .Where(c => c.Id == classId)
            .Join(db.Structures, c => c.StructureId, s => s.Id, (c, s) => new { c.Id, c.Name, c.Level, c.StructureId, StructureName = s.Name })
            .FirstOrDefaultAsync(ct);
        if (schoolClass is null || !AdminScope.CanSeeClass(user, schoolClass.StructureId, classId))
        {
            return null;
        }

        var members = await db.Groups.AsNoTracking()
            .Where(g => g.ClassId == classId && g.Kind == GroupKind.Profile && (g.Profile == Profile.Student || g.Profile == Profile.Teacher))
            .Join(db.GroupMembers, g => g.Id, m => m.GroupId, (g, m) => m.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.DisplayName, u.Login, u.State, u.LastLoginAt, u.Profile, u.LastName, u.FirstName })
            .OrderBy(u => u.LastName).ThenBy(u => u.FirstName)
            .ToListAsync(ct);
        var pupilIds = members.Where(m => m.Profile == Profile.Student).Select(m => m.Id).ToList();

        var parents = await db.ParentLinks.AsNoTracking()
            .Where(l => pupilIds.Contains(l.StudentId))
            .Join(db.Users, l => l.RelativeId, u => u.Id, (l, u) => new { l.StudentId, Parent = new Member(u.Id, u.DisplayName, u.Login, u.State, u.LastLoginAt) })
            .ToListAsync(ct);

        return new ClassDetail(
            schoolClass.Id, schoolClass.Name, schoolClass.Level, schoolClass.StructureId, schoolClass.StructureName,
            [.. members.Where(m => m.Profile == Profile.Teacher).Select(m => new Member(m.Id, m.DisplayName, m.Login, m.State, m.LastLoginAt))],
            [.. members.Where(m => m.Profile == Profile.Student).Select(m => new PupilRow(
                new Member(m.Id, m.DisplayName, m.Login, m.State, m.LastLoginAt),
                [.. parents.Where(p => p.StudentId == m.Id).Select(p => p.Parent).OrderBy(p => p.DisplayName, StringComparer.Ordinal)]))]);
    }
}
