using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Authorization;

/// <summary>
/// The people, classes and groups an administrator may see and change: everything for the
/// SuperAdmin, the members of their schools for a LocalAdmin, nothing for anyone else. Lookups
/// return null for what is out of scope, which pages and API turn into a 404.
/// </summary>
public sealed class AdminAccess(PreauDbContext db)
{
    /// <summary>Whether the person is a member of a structure the administrator holds (any structure for the SuperAdmin).</summary>
    public IQueryable<User> UsersInScope(UserContext me)
    {
        if (me.IsSuperAdmin)
        {
            return db.Users;
        }

        var scope = AdminScope.Structures(me) ?? [];
        // A LocalAdmin never reaches the platform's own administrators, even one placed in their school.
        return db.Users.Where(u => db.GroupMembers.Any(m => m.UserId == u.Id
                && db.Groups.Any(g => g.Id == m.GroupId && scope.Contains(g.StructureId)))
            && !db.FunctionGrants.Any(f => f.UserId == u.Id && f.Function == Function.SuperAdmin));
    }

    public async Task<User?> UserAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(me))
        {
            return null;
        }

        return await UsersInScope(me).FirstOrDefaultAsync(u => u.Id == userId, ct);
    }

    public async Task<Structure?> StructureAsync(UserContext me, Guid structureId, CancellationToken ct) =>
        me.IsLocalAdminOf(structureId) ? await db.Structures.FirstOrDefaultAsync(s => s.Id == structureId, ct) : null;

    public async Task<SchoolClass?> ClassAsync(UserContext me, Guid classId, CancellationToken ct)
    {
        var schoolClass = await db.Classes.FirstOrDefaultAsync(c => c.Id == classId, ct);
        return schoolClass is not null && me.IsLocalAdminOf(schoolClass.StructureId) ? schoolClass : null;
    }

    public async Task<Group?> ManualGroupAsync(UserContext me, Guid groupId, CancellationToken ct)
    {
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == groupId && g.Kind == GroupKind.Manual, ct);
        return group is not null && me.IsLocalAdminOf(group.StructureId) ? group : null;
    }

    /// <summary>The structures a person belongs to (through any of their groups).</summary>
    public Task<List<Guid>> StructuresOfAsync(Guid userId, CancellationToken ct) =>
        db.GroupMembers.Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.StructureId)
            .Distinct().ToListAsync(ct);

    /// <summary>The one structure an audit entry about this person belongs to: the first the administrator holds.</summary>
    public async Task<Guid?> AuditStructureAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        var structures = await StructuresOfAsync(userId, ct);
        return structures.Where(me.IsLocalAdminOf).Select(id => (Guid?)id).FirstOrDefault();
    }
}
