using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Platform.Directory.Features;

/// <summary>
/// Loads who the signed-in person is and where they belong, in a fixed number of queries
/// (user, structures, classes, children, children's classes, functions: six) whatever the size
/// of their schools.
/// </summary>
public sealed class LoadUserContext(PreauDbContext db)
{
    public async Task<UserContext?> LoadAsync(Guid userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.State == AccountState.Active)
            .Select(u => new { u.Id, u.Login, u.FirstName, u.LastName, u.DisplayName, u.Profile, u.ColorScheme, u.HighContrast, u.DyslexiaFont })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var myGroups = db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g);

        var structures = await db.Structures.AsNoTracking()
            .Where(s => myGroups.Any(g => g.StructureId == s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new StructureRef(s.Id, s.Name, s.Uai, s.Type))
            .ToListAsync(ct);

        // A parent's membership of a class group comes from their children; their own classes are the pupils'.
        var classes = user.Profile == Profile.Relative
            ? []
            : await ClassesOf(myGroups).ToListAsync(ct);

        var children = await db.ParentLinks.AsNoTracking()
            .Where(l => l.RelativeId == userId)
            .Join(db.Users, l => l.StudentId, u => u.Id, (l, u) => new { u.Id, u.FirstName, u.DisplayName })
            .OrderBy(c => c.FirstName)
            .ToListAsync(ct);

        var childClasses = children.Count == 0
            ? []
            : await db.ParentLinks.AsNoTracking()
                .Where(l => l.RelativeId == userId)
                .Join(db.GroupMembers, l => l.StudentId, m => m.UserId, (l, m) => m)
                .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile && g.Profile == Profile.Student && g.ClassId != null),
                    m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, ClassId = g.ClassId!.Value })
                .Join(db.Classes, x => x.ClassId, c => c.Id, (x, c) => new { x.UserId, Class = new ClassRef(c.Id, c.StructureId, c.Name, c.Level) })
                .ToListAsync(ct);

        var functions = await db.FunctionGrants.AsNoTracking()
            .Where(f => f.UserId == userId)
            .Select(f => new FunctionRef(f.Function, f.StructureId, f.ClassId))
            .ToListAsync(ct);

        return new UserContext(
            user.Id, user.Login, user.FirstName, user.LastName, user.DisplayName, user.Profile,
            structures,
            classes,
            children.Select(c => new ChildRef(c.Id, c.FirstName, c.DisplayName,
                childClasses.Where(x => x.UserId == c.Id).Select(x => x.Class).OrderBy(x => x.Name).ToList())).ToList(),
            functions,
            new DisplayPreferences(user.ColorScheme, user.HighContrast, user.DyslexiaFont));
    }

    private IQueryable<ClassRef> ClassesOf(IQueryable<Group> groups) =>
        db.Classes.AsNoTracking()
            .Where(c => groups.Any(g => g.ClassId == c.Id && g.Kind == GroupKind.Profile))
            .OrderBy(c => c.Name)
            .Select(c => new ClassRef(c.Id, c.StructureId, c.Name, c.Level));
}
