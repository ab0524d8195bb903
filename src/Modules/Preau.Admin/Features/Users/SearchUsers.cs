using Microsoft.EntityFrameworkCore;
using Preau.Admin.Authorization;
using Preau.Platform.Directory.Features;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>The state an administrator filters on: the account's state, or detached by an import.</summary>
public enum UserStateFilter
{
    Active = 1,
    PendingActivation = 2,
    Blocked = 3,
    Detached = 4,
}

/// <summary>
/// The people an administrator holds, filtered by school, class, profile, state and a name or
/// login prefix (accents and capitals ignored), sorted by name in French order, a page at a
/// time: three queries (count, page, the page's classes), and one more to check a class filter, whatever the size of the schools.
/// </summary>
public sealed class SearchUsers(PreauDbContext db)
{
    public const int PageSize = 25;

    public sealed record Query(Guid? StructureId = null, Guid? ClassId = null, Profile? Profile = null, UserStateFilter? State = null, string? Text = null, int Page = 1);

    public sealed record Row(Guid Id, string DisplayName, string Login, Profile Profile, AccountState State, bool Detached, DateTimeOffset? LastLoginAt, IReadOnlyList<string> Classes);

    public sealed record Result(IReadOnlyList<Row> Users, int Page, int Total)
    {
        public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public async Task<Result?> HandleAsync(UserContext me, Query query, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(me) || (query.StructureId is { } sid && !me.IsLocalAdminOf(sid)))
        {
            return null;
        }

        var users = query.StructureId is { } structureId
            ? db.Users.Where(u => db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId)))
            : new AdminAccess(db).UsersInScope(me);
        if (query.ClassId is { } classId)
        {
            var classStructure = await db.Classes.Where(c => c.Id == classId).Select(c => (Guid?)c.StructureId).FirstOrDefaultAsync(ct);
            if (classStructure is null || !me.IsLocalAdminOf(classStructure.Value))
            {
                return null;
            }

            users = users.Where(u => db.GroupMembers.Any(m => m.UserId == u.Id && db.Groups.Any(g => g.Id == m.GroupId
                && g.ClassId == classId && g.Kind == GroupKind.Profile)));
        }

        if (query.Profile is { } profile)
        {
            users = users.Where(u => u.Profile == profile);
        }

        users = query.State switch
        {
            UserStateFilter.Active => users.Where(u => u.State == AccountState.Active && u.DetachedAt == null),
            UserStateFilter.PendingActivation => users.Where(u => u.State == AccountState.PendingActivation && u.DetachedAt == null),
            UserStateFilter.Blocked => users.Where(u => u.State == AccountState.Blocked && u.DetachedAt == null),
            UserStateFilter.Detached => users.Where(u => u.DetachedAt != null),
            _ => users,
        };

        users = UserSearchName.Matching(users, query.Text);

        var page = Math.Max(1, query.Page);
        var total = await users.CountAsync(ct);
        var rows = await users.AsNoTracking()
            .OrderBy(u => EF.Property<string>(u, UserSearchName.Property)).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Login, u.Profile, u.State, u.DetachedAt, u.LastLoginAt })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        // Only the classes of the administrator's schools: a parent's other school stays out of sight.
        var scopeOfClasses = AdminScope.Structures(me);
        var classes = ids.Count == 0 ? [] : await db.GroupMembers.AsNoTracking()
            .Where(m => ids.Contains(m.UserId))
            .Join(db.Groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId != null && (scopeOfClasses == null || scopeOfClasses.Contains(g.StructureId))),
                m => m.GroupId, g => g.Id, (m, g) => new { m.UserId, ClassId = g.ClassId!.Value })
            .Join(db.Classes.Where(c => c.ArchivedAt == null), x => x.ClassId, c => c.Id, (x, c) => new { x.UserId, c.Name })
            .ToListAsync(ct);

        return new Result(
            [.. rows.Select(r => new Row(r.Id, r.DisplayName, r.Login, r.Profile, r.State, r.DetachedAt is not null, r.LastLoginAt,
                [.. classes.Where(c => c.UserId == r.Id).Select(c => c.Name).Distinct().Order(StringComparer.Ordinal)]))],
            page, total);
    }
}
