using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Features;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Groups;

/// <summary>A manual group and its members, sorted by name; null outside the administrator's schools.</summary>
public sealed class ViewGroup(PreauDbContext db)
{
    /// <summary>A group holds at most this many members on its page; the API pages through them the same way.</summary>
    public const int MaxMembers = 500;

    public sealed record Detail(Guid Id, string Name, Guid StructureId, string StructureName, IReadOnlyList<Member> Members, int Total);

    public sealed record Member(Guid Id, string DisplayName, string Login, Profile Profile, AccountState State);

    public async Task<Detail?> HandleAsync(UserContext me, Guid groupId, CancellationToken ct)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId && g.Kind == GroupKind.Manual)
            .Join(db.Structures, g => g.StructureId, s => s.Id, (g, s) => new { g.Id, g.Name, g.StructureId, StructureName = s.Name })
            .FirstOrDefaultAsync(ct);
        if (group is null || !me.IsLocalAdminOf(group.StructureId))
        {
            return null;
        }

        var members = db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u);
        var total = await members.CountAsync(ct);
        var rows = await members.OrderBy(u => EF.Property<string>(u, UserSearchName.Property)).ThenBy(u => u.Id).Take(MaxMembers)
            .Select(u => new Member(u.Id, u.DisplayName, u.Login, u.Profile, u.State)).ToListAsync(ct);
        return new Detail(group.Id, group.Name, group.StructureId, group.StructureName, rows, total);
    }
}
