using Microsoft.EntityFrameworkCore;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>
/// A class as its members see it: its teachers first, then its pupils, those the viewer
/// reaches (and the viewer themselves), with their photos. Null (404) for anyone who is not of
/// the class (see <see cref="ClassPageAccess"/>).
/// </summary>
public sealed class ViewClassPage(PreauDbContext db, Reach reach, PhotoTags photos)
{
    public sealed record Member(Guid Id, string DisplayName, string FirstName, Profile Profile, Face Face, bool IsMe);

    public sealed record ClassPage(Guid Id, string Name, ClassLevel Level, Guid StructureId, string School, Degree Degree,
        IReadOnlyList<Member> Teachers, IReadOnlyList<Member> Pupils);

    public async Task<ClassPage?> HandleAsync(UserContext viewer, Guid classId, CancellationToken ct)
    {
        var found = await db.Classes.AsNoTracking().Where(c => c.Id == classId && c.ArchivedAt == null)
            .Join(db.Structures, c => c.StructureId, s => s.Id, (c, s) => new { c.Id, c.Name, c.Level, c.StructureId, School = s.Name, s.Type })
            .FirstOrDefaultAsync(ct);
        if (found is null || !ClassPageAccess.MayView(viewer, found.Id, found.StructureId))
        {
            return null;
        }

        var members = await db.GroupMembers.AsNoTracking()
            .Where(m => db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == classId && g.Kind == GroupKind.Profile
                && (g.Profile == Profile.Student || g.Profile == Profile.Teacher)))
            .Join(db.Users.Where(u => u.State != AccountState.Blocked && u.DetachedAt == null), m => m.UserId, u => u.Id,
                (m, u) => new { u.Id, u.DisplayName, u.FirstName, u.LastName, u.Profile })
            .ToListAsync(ct);
        members = [.. members.DistinctBy(m => m.Id)];
        var verdict = await reach.CheckAsync(viewer.Id, [.. members.Select(m => m.Id).Where(id => id != viewer.Id)], [], ct);
        var allowed = verdict.AllowedUsers.ToHashSet();
        var shown = members.Where(m => m.Id == viewer.Id || allowed.Contains(m.Id)).ToList();
        var tags = await photos.OfAsync([.. shown.Select(m => m.Id)], ct);
        var list = shown
            .Select(m => new Member(m.Id, m.DisplayName, m.FirstName, m.Profile, Face.Of(m.Id, m.FirstName, m.LastName, tags.GetValueOrDefault(m.Id)), m.Id == viewer.Id))
            .OrderBy(m => m.FirstName, StringComparer.CurrentCulture).ThenBy(m => m.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        return new ClassPage(found.Id, found.Name, found.Level, found.StructureId, found.School, found.Type.Degree(),
            [.. list.Where(m => m.Profile == Profile.Teacher)], [.. list.Where(m => m.Profile == Profile.Student)]);
    }
}
