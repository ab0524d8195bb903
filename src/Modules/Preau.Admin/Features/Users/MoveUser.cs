using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>Moves a pupil to another class of their school (this year's); their parents follow.</summary>
public sealed class MoveUser(PreauDbContext db, AdminAccess access, DirectoryWriter directory, AuditLog audit)
{
    public async Task<Outcome<Done>> HandleAsync(UserContext me, Guid userId, Guid classId, CancellationToken ct)
    {
        var pupil = await access.UserAsync(me, userId, ct);
        if (pupil is null)
        {
            return Outcome.NotFound<Done>();
        }

        var target = await access.ClassAsync(me, classId, ct);
        if (target is null)
        {
            return Outcome.NotFound<Done>();
        }

        var structures = await access.StructuresOfAsync(pupil.Id, ct);
        if (target.ArchivedAt is not null || !structures.Contains(target.StructureId))
        {
            return Outcome.Invalid<Done>("ClassId", "Error.Class");
        }

        if (pupil.Profile != Profile.Student)
        {
            return Outcome.Invalid<Done>("ClassId", "Error.OnlyPupilsMove");
        }

        var from = await db.GroupMembers.Where(m => m.UserId == pupil.Id)
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile && g.StructureId == target.StructureId && g.ClassId != null), m => m.GroupId, g => g.Id, (m, g) => g.ClassId)
            .Join(db.Classes, id => id, c => c.Id, (id, c) => c.Name)
            .ToListAsync(ct);
        if (from.Count == 1 && string.Equals(from[0], target.Name, StringComparison.Ordinal))
        {
            return new Done();
        }

        await directory.MoveToClassAsync(pupil, target.Id, ct);
        audit.Record(AuditActions.UserMoveClass, pupil, target.StructureId, $"{string.Join(", ", from)} → {target.Name}");
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
