using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;

namespace Preau.Platform.Directory.Features;

// The directory's changes after creation: a pupil changes class, a parent link goes, someone
// leaves a group. The same invariants hold: a parent is in the class and school groups of their
// children, and only of theirs. Like the rest of the writer, changes are staged, not saved.
public sealed partial class DirectoryWriter
{
    /// <summary>
    /// Moves a pupil into <paramref name="classId"/>, out of the other classes of that class's
    /// school (and their teaching groups); the pupil's parents follow, leaving the old class
    /// unless another of their children is still in it.
    /// </summary>
    public async Task MoveToClassAsync(User pupil, Guid classId, CancellationToken ct = default)
    {
        if (pupil.Profile != Profile.Student)
        {
            throw new DirectoryException("Only a pupil changes class.");
        }

        var target = await db.Classes.FindAsync([classId], ct) ?? throw new DirectoryException($"Unknown class {classId}.");
        var oldClasses = await db.GroupMembers.Where(m => m.UserId == pupil.Id)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g)
            .Where(g => g.Kind == GroupKind.Profile && g.ClassId != null && g.ClassId != classId && g.StructureId == target.StructureId)
            .Select(g => g.ClassId!.Value).Distinct().ToListAsync(ct);
        foreach (var old in oldClasses)
        {
            await RemoveFromClassAsync(pupil, old, ct);
        }

        await AddToClassAsync(pupil, classId, ct);
    }

    /// <summary>
    /// Takes a person out of every group of a class. A pupil's parents leave the class too,
    /// unless another of their children is still in it.
    /// </summary>
    public async Task RemoveFromClassAsync(User user, Guid classId, CancellationToken ct = default)
    {
        await LeaveAsync(db.GroupMembers.Where(m => m.UserId == user.Id && db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == classId)), ct);
        if (user.Profile != Profile.Student)
        {
            return;
        }

        foreach (var parentId in await ParentsOfAsync(user.Id, ct))
        {
            var otherChildInClass = await db.ParentLinks.Where(l => l.RelativeId == parentId && l.StudentId != user.Id)
                .AnyAsync(l => db.GroupMembers.Any(m => m.UserId == l.StudentId
                    && db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == classId && g.Kind == GroupKind.Profile)), ct);
            if (!otherChildInClass)
            {
                await LeaveAsync(db.GroupMembers.Where(m => m.UserId == parentId
                    && db.Groups.Any(g => g.Id == m.GroupId && g.ClassId == classId && g.Kind == GroupKind.Profile)), ct);
            }
        }
    }

    /// <summary>
    /// Ends a parent–child link; the parent leaves the class and school groups they were in for
    /// that child only.
    /// </summary>
    public async Task UnlinkChildAsync(User relative, User student, CancellationToken ct = default)
    {
        var link = await db.ParentLinks.FirstOrDefaultAsync(l => l.RelativeId == relative.Id && l.StudentId == student.Id, ct);
        if (link is null)
        {
            return;
        }

        db.ParentLinks.Remove(link);

        // Where the parent must stay: the structures and classes of their other children.
        var keptGroups = await db.ParentLinks.Where(l => l.RelativeId == relative.Id && l.StudentId != student.Id)
            .Join(db.GroupMembers, l => l.StudentId, m => m.UserId, (l, m) => m.GroupId)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile), id => id, g => g.Id, (id, g) => new { g.StructureId, g.ClassId })
            .Distinct().ToListAsync(ct);
        var childGroups = await db.GroupMembers.Where(m => m.UserId == student.Id)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile), m => m.GroupId, g => g.Id, (m, g) => new { g.StructureId, g.ClassId })
            .Distinct().ToListAsync(ct);
        var leave = childGroups.Where(c => c.ClassId is null
                ? keptGroups.All(k => k.StructureId != c.StructureId)
                : keptGroups.All(k => k.ClassId != c.ClassId))
            .ToList();
        foreach (var place in leave)
        {
            await LeaveAsync(db.GroupMembers.Where(m => m.UserId == relative.Id
                && db.Groups.Any(g => g.Id == m.GroupId && g.Kind == GroupKind.Profile && g.StructureId == place.StructureId && g.ClassId == place.ClassId)), ct);
        }
    }

    /// <summary>Takes a person out of a manual or teaching group.</summary>
    public async Task LeaveGroupAsync(User user, Group group, CancellationToken ct = default)
    {
        if (group.Kind == GroupKind.Profile)
        {
            throw new DirectoryException("Profile groups are kept by the directory itself.");
        }

        await LeaveAsync(db.GroupMembers.Where(m => m.UserId == user.Id && m.GroupId == group.Id), ct);
    }

    /// <summary>Removes a function grant, if held.</summary>
    public async Task<bool> RevokeAsync(User user, Function function, Guid? structureId = null, Guid? classId = null, CancellationToken ct = default)
    {
        var grants = await db.FunctionGrants
            .Where(f => f.UserId == user.Id && f.Function == function && f.StructureId == structureId && f.ClassId == classId)
            .ToListAsync(ct);
        db.FunctionGrants.RemoveRange(grants);
        return grants.Count > 0;
    }

    private async Task LeaveAsync(IQueryable<GroupMember> memberships, CancellationToken ct)
    {
        db.GroupMembers.RemoveRange(await memberships.ToListAsync(ct));
    }
}
