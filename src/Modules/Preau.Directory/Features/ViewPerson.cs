using Microsoft.EntityFrameworkCore;
using Preau.Directory.Domain;
using Preau.Platform.Communication;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Directory.Features;

/// <summary>
/// A person's card as one viewer may see it: null (404) unless the viewer reaches them (or it
/// is their own). Personal details appear only when the person chose to show them; a parent's
/// children only when the viewer reaches them too.
/// </summary>
public sealed class ViewPerson(PreauDbContext db, Reach reach, ParentsChildren families)
{
    public sealed record Place(Guid StructureId, string School, Guid? ClassId, string? ClassName, bool ClassPage);

    public sealed record Card(
        Guid Id, string DisplayName, string FirstName, Profile Profile, Face Face, Mood? Mood, string? Motto,
        string? Email, string? Phone, DateOnly? BirthDate, IReadOnlyList<Place> Places, IReadOnlyList<ParentsChildren.Child> ParentOf, bool IsMe)
    {
        public IReadOnlyList<string> Schools => [.. Places.Select(p => p.School).Distinct()];
    }

    public async Task<Card?> HandleAsync(UserContext viewer, Guid id, CancellationToken ct)
    {
        var isMe = viewer.Id == id;
        if (!isMe && !await reach.CanReachAsync(viewer.Id, id, ct))
        {
            return null;
        }

        var person = await db.Users.AsNoTracking().Where(u => u.Id == id && u.State != AccountState.Blocked && u.DetachedAt == null)
            .Select(u => new { u.Id, u.DisplayName, u.FirstName, u.LastName, u.Profile, u.Email, u.Phone, u.BirthDate })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var profile = await db.Set<PersonProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == id, ct);
        var places = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == id)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile), m => m.GroupId, g => g.Id, (m, g) => new { g.StructureId, g.ClassId })
            .Join(db.Structures, x => x.StructureId, s => s.Id, (x, s) => new
            {
                x.StructureId, School = s.Name, x.ClassId,
                ClassName = db.Classes.Where(c => c.Id == x.ClassId && c.ArchivedAt == null).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        places = [.. places.Distinct()];

        // A parent's children, classes and schools: only those of children the viewer reaches (or is).
        IReadOnlyList<ParentsChildren.Child> children = [];
        if (person.Profile == Profile.Relative)
        {
            var family = (await families.OfAsync(viewer.Id, [id], ct))[id];
            children = family.Children;
            if (!isMe)
            {
                places = [.. places.Where(p => p.ClassId is { } c ? family.ClassIds.Contains(c) : family.StructureIds.Contains(p.StructureId))];
            }
        }

        // A school listed alone when the person has no class there (staff, parents); classes that
        // no longer exist this year are left out.
        var shown = places
            .Where(p => p.ClassId is null ? !places.Any(o => o.StructureId == p.StructureId && o.ClassName is not null) : p.ClassName is not null)
            .Select(p => new Place(p.StructureId, p.School, p.ClassName is null ? null : p.ClassId, p.ClassName,
                p.ClassName is not null && ClassPageAccess.MayView(viewer, p.ClassId!.Value, p.StructureId)))
            .OrderBy(p => p.School, StringComparer.CurrentCulture).ThenBy(p => p.ClassName, StringComparer.CurrentCulture)
            .ToList();
        return new Card(person.Id, person.DisplayName, person.FirstName, person.Profile,
            Face.Of(person.Id, person.FirstName, person.LastName, profile?.PhotoTag),
            profile?.Mood, profile?.Motto,
            profile?.ShowEmail == true ? person.Email : null,
            profile?.ShowPhone == true ? person.Phone : null,
            profile?.ShowBirthDate == true ? person.BirthDate : null,
            shown, children, isMe);
    }
}
