using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Groups;

/// <summary>
/// The manual groups of a school (a choir, the école's council, an after-school study): create,
/// rename, delete, and choose their members among the school's people.
/// </summary>
public sealed class ManageGroups(PreauDbContext db, AdminAccess access, DirectoryWriter directory, AuditLog audit)
{
    public sealed record Saved(Guid Id, string Name);

    public async Task<Outcome<Saved>> CreateAsync(UserContext me, Guid structureId, string? name, CancellationToken ct)
    {
        var structure = await access.StructureAsync(me, structureId, ct);
        if (structure is null)
        {
            return Outcome.NotFound<Saved>();
        }

        if (Check(name) is { } error)
        {
            return Outcome.Invalid<Saved>("Name", error);
        }

        var group = directory.CreateGroup(structure.Id, name!, GroupKind.Manual);
        audit.Record(AuditActions.GroupCreate, null, null, structure.Id, group.Name);
        await db.SaveChangesAsync(ct);
        return new Saved(group.Id, group.Name);
    }

    public async Task<Outcome<Saved>> RenameAsync(UserContext me, Guid groupId, string? name, CancellationToken ct)
    {
        var group = await access.ManualGroupAsync(me, groupId, ct);
        if (group is null)
        {
            return Outcome.NotFound<Saved>();
        }

        if (Check(name) is { } error)
        {
            return Outcome.Invalid<Saved>("Name", error);
        }

        var before = group.Name;
        group.Name = name!.Trim();
        if (!string.Equals(before, group.Name, StringComparison.Ordinal))
        {
            audit.Record(AuditActions.GroupUpdate, null, null, group.StructureId, $"{before} → {group.Name}");
            await db.SaveChangesAsync(ct);
        }

        return new Saved(group.Id, group.Name);
    }

    public async Task<Outcome<Done>> DeleteAsync(UserContext me, Guid groupId, CancellationToken ct)
    {
        var group = await access.ManualGroupAsync(me, groupId, ct);
        if (group is null)
        {
            return Outcome.NotFound<Done>();
        }

        var members = await db.GroupMembers.CountAsync(m => m.GroupId == group.Id, ct);
        db.Groups.Remove(group);
        audit.Record(AuditActions.GroupDelete, null, null, group.StructureId, $"{group.Name} ({members} member(s))");
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Outcome<Done>> AddMemberAsync(UserContext me, Guid groupId, Guid userId, CancellationToken ct)
    {
        var group = await access.ManualGroupAsync(me, groupId, ct);
        if (group is null)
        {
            return Outcome.NotFound<Done>();
        }

        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<Done>();
        }

        if (!(await access.StructuresOfAsync(user.Id, ct)).Contains(group.StructureId))
        {
            return Outcome.Invalid<Done>("UserId", "Error.NotInStructure");
        }

        if (await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == user.Id, ct))
        {
            return new Done();
        }

        await directory.AddToGroupAsync(user, group, ct);
        audit.Record(AuditActions.GroupAddMember, user, group.StructureId, group.Name);
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    public async Task<Outcome<Done>> RemoveMemberAsync(UserContext me, Guid groupId, Guid userId, CancellationToken ct)
    {
        var group = await access.ManualGroupAsync(me, groupId, ct);
        var user = group is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (group is null || user is null || !await db.GroupMembers.AnyAsync(m => m.GroupId == group.Id && m.UserId == user.Id, ct))
        {
            return Outcome.NotFound<Done>();
        }

        await directory.LeaveGroupAsync(user, group, ct);
        audit.Record(AuditActions.GroupRemoveMember, user, group.StructureId, group.Name);
        await db.SaveChangesAsync(ct);
        return new Done();
    }

    private static string? Check(string? name)
    {
        var trimmed = (name ?? "").Trim();
        return trimmed.Length == 0 ? "Error.Required" : trimmed.Length > 200 ? "Error.TooLong" : null;
    }
}
