using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>
/// Links a parent to a pupil, or ends the link. Both must be within the administrator's reach;
/// the parent joins, or leaves, the groups of the child's class and school.
/// </summary>
public sealed class LinkParent(PreauDbContext db, AdminAccess access, DirectoryWriter directory, AuditLog audit)
{
    public async Task<Outcome<Done>> LinkAsync(UserContext me, Guid parentId, Guid childId, CancellationToken ct)
    {
        var parent = await access.UserAsync(me, parentId, ct);
        if (parent is null)
        {
            return Outcome.NotFound<Done>();
        }

        var child = await access.UserAsync(me, childId, ct);
        if (child is null)
        {
            return Outcome.NotFound<Done>();
        }

        if (child.Profile != Profile.Student || parent.Profile != Profile.Relative)
        {
            return Outcome.Invalid<Done>("ChildId", "Error.Child");
        }

        if (await db.ParentLinks.AnyAsync(l => l.RelativeId == parent.Id && l.StudentId == child.Id, ct))
        {
            return new Done();
        }

        await directory.LinkChildAsync(parent, child, ct);
        audit.Record(AuditActions.UserLinkChild, parent, await access.AuditStructureAsync(me, child.Id, ct), $"{parent.Login} → {child.Login}");
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Outcome<Done>> UnlinkAsync(UserContext me, Guid parentId, Guid childId, CancellationToken ct)
    {
        var parent = await access.UserAsync(me, parentId, ct);
        var child = parent is null ? null : await access.UserAsync(me, childId, ct);
        if (parent is null || child is null || !await db.ParentLinks.AnyAsync(l => l.RelativeId == parent.Id && l.StudentId == child.Id, ct))
        {
            return Outcome.NotFound<Done>();
        }

        var structure = await access.AuditStructureAsync(me, child.Id, ct);
        await directory.UnlinkChildAsync(parent, child, ct);
        audit.Record(AuditActions.UserUnlinkChild, parent, structure, $"{parent.Login} ↛ {child.Login}");
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
