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

        users = MatchingText(users, query.Text);

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

    /// <summary>
    /// A prefix of the folded "nom prénom", or of the login (which is "prenom.nom", already
    /// folded): each an index range, made exact by the prefix test.
    /// </summary>
    internal static IQueryable<User> MatchingText(IQueryable<User> users, string? text)
    {
        var folded = UserSearchName.Fold((text ?? "").Length > 100 ? text![..100] : text ?? "");
        if (folded.Length == 0)
        {
            return users;
        }

        // "lea dubois" may be typed for the login lea.dubois, "jean pierre m" for jean-pierre.martin.
        var logins = new List<string> { folded };
        for (var i = folded.IndexOf('-', StringComparison.Ordinal); i >= 0 && logins.Count < 4; i = folded.IndexOf('-', i + 1))
        {
            logins.Add(string.Concat(folded.AsSpan(0, i), ".", folded.AsSpan(i + 1)));
        }

        while (logins.Count < 4)
        {
            logins.Add(logins[0]);
        }

        string High(string prefix) => UserSearchName.UpperBound(prefix) ?? "~";
        var (n, nHigh) = (folded, High(folded));
        var (l0, h0, l1, h1, l2, h2, l3, h3) = (logins[0], High(logins[0]), logins[1], High(logins[1]), logins[2], High(logins[2]), logins[3], High(logins[3]));
        return users.Where(u =>
            (EF.Property<string>(u, UserSearchName.Property).CompareTo(n) >= 0 && EF.Property<string>(u, UserSearchName.Property).CompareTo(nHigh) < 0
                && EF.Property<string>(u, UserSearchName.Property).StartsWith(n))
            || (u.Login.CompareTo(l0) >= 0 && u.Login.CompareTo(h0) < 0 && u.Login.StartsWith(l0))
            || (u.Login.CompareTo(l1) >= 0 && u.Login.CompareTo(h1) < 0 && u.Login.StartsWith(l1))
            || (u.Login.CompareTo(l2) >= 0 && u.Login.CompareTo(h2) < 0 && u.Login.StartsWith(l2))
            || (u.Login.CompareTo(l3) >= 0 && u.Login.CompareTo(h3) < 0 && u.Login.StartsWith(l3)));
    }
}
