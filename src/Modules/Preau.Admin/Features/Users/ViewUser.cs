using Microsoft.EntityFrameworkCore;
using Preau.Admin.Authorization;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;

namespace Preau.Admin.Features.Users;

/// <summary>
/// One person as their administrator sees them: identity, schools and classes, children or
/// parents, functions, state, activation code, open sessions and the latest audit entries
/// about them. Null outside the administrator's scope.
/// </summary>
public sealed class ViewUser(PreauDbContext db, AdminAccess access, TimeProvider clock)
{
    public const int RecentAuditEntries = 10;

    public sealed record Detail(
        Guid Id, string Login, string FirstName, string LastName, string DisplayName, Profile Profile,
        string? Email, string? Phone, DateOnly? BirthDate, string? ExternalId,
        AccountState State, DateTimeOffset? DetachedAt, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt,
        CodeState Code, DateTimeOffset? CodeExpiresAt, bool HasPassword,
        IReadOnlyList<StructurePlace> Structures, IReadOnlyList<ClassPlace> Classes,
        IReadOnlyList<Relation> Children, IReadOnlyList<Relation> Parents,
        IReadOnlyList<Grant> Functions, IReadOnlyList<SessionRow> Sessions, IReadOnlyList<AuditRow> Audit);

    /// <summary>Where the person's activation stands.</summary>
    public enum CodeState
    {
        /// <summary>Activated: the account has a password and no code waits.</summary>
        Activated = 1,

        /// <summary>Activated, and a new code (a password reset) waits until it expires.</summary>
        Reissued = 5,
        Pending = 2,
        Expired = 3,

        /// <summary>No password and no code: a new code must be issued.</summary>
        None = 4,
    }

    /// <summary>A school of the person; whether it blocks their profile, whether the viewer administers it.</summary>
    public sealed record StructurePlace(Guid Id, string Name, string Uai, bool ProfileBlocked, bool Administered);

    public sealed record ClassPlace(Guid Id, Guid StructureId, string Name, ClassLevel Level, bool Archived);

    public sealed record Relation(Guid Id, string DisplayName, string Login, AccountState State);

    public sealed record Grant(Function Function, Guid? StructureId, Guid? ClassId, string? ScopeName);

    public sealed record SessionRow(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Persistent, string? IpAddress, string? UserAgent);

    public sealed record AuditRow(DateTimeOffset At, string Action, string? ActorName, string? Details);

    public async Task<Detail?> HandleAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        if (!AdminScope.AdministersAnyStructure(me))
        {
            return null;
        }

        var u = await access.UsersInScope(me).AsNoTracking().FirstOrDefaultAsync(x => x.Id == userId, ct);
        if (u is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var groups = await db.GroupMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => new { g.StructureId, g.ClassId, g.Kind })
            .ToListAsync(ct);
        // A LocalAdmin sees the person within their own schools only: not a parent's other school,
        // nor the classes, children or parents found there.
        var scope = AdminScope.Structures(me);
        groups = [.. groups.Where(g => scope is null || scope.Contains(g.StructureId))];
        var structureIds = groups.Select(g => g.StructureId).Distinct().ToList();
        var classIds = groups.Where(g => g.Kind == GroupKind.Profile && g.ClassId != null).Select(g => g.ClassId!.Value).Distinct().ToList();

        var structures = await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Uai, Blocked = db.BlockedProfiles.Any(b => b.StructureId == s.Id && b.Profile == u.Profile) })
            .ToListAsync(ct);
        var classes = await db.Classes.AsNoTracking().Where(c => classIds.Contains(c.Id))
            .Select(c => new ClassPlace(c.Id, c.StructureId, c.Name, c.Level, c.ArchivedAt != null))
            .ToListAsync(ct);
        var inScope = access.UsersInScope(me);
        var children = await db.ParentLinks.AsNoTracking().Where(l => l.RelativeId == userId)
            .Join(inScope, l => l.StudentId, x => x.Id, (l, x) => new Relation(x.Id, x.DisplayName, x.Login, x.State)).ToListAsync(ct);
        var parents = await db.ParentLinks.AsNoTracking().Where(l => l.StudentId == userId)
            .Join(inScope, l => l.RelativeId, x => x.Id, (l, x) => new Relation(x.Id, x.DisplayName, x.Login, x.State)).ToListAsync(ct);
        var grants = await db.FunctionGrants.AsNoTracking().Where(f => f.UserId == userId
                && (scope == null || (f.StructureId != null && scope.Contains(f.StructureId.Value))
                    || db.Classes.Any(c => c.Id == f.ClassId && scope.Contains(c.StructureId))))
            .Select(f => new
            {
                f.Function, f.StructureId, f.ClassId,
                StructureName = db.Structures.Where(s => s.Id == f.StructureId).Select(s => s.Name).FirstOrDefault(),
                ClassName = db.Classes.Where(c => c.Id == f.ClassId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).Take(50)
            .Select(s => new SessionRow(s.Id, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Persistent, s.IpAddress, s.UserAgent))
            .ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.TargetUserId == userId && (scope == null || a.StructureId == null || scope.Contains(a.StructureId.Value)))
            .OrderByDescending(a => a.At).Take(RecentAuditEntries)
            .Select(a => new AuditRow(a.At, a.Action, a.ActorName, a.Details))
            .ToListAsync(ct);

        var waiting = u.ActivationCodeHash is not null && u.ActivationCodeExpiresAt > now;
        var code = u.PasswordHash is not null
            ? (waiting ? CodeState.Reissued : CodeState.Activated)
            : u.ActivationCodeHash is null ? CodeState.None : waiting ? CodeState.Pending : CodeState.Expired;

        return new Detail(
            u.Id, u.Login, u.FirstName, u.LastName, u.DisplayName, u.Profile, u.Email, u.Phone, u.BirthDate, u.ExternalId,
            u.State, u.DetachedAt, u.CreatedAt, u.LastLoginAt, code, u.ActivationCodeExpiresAt, u.PasswordHash is not null,
            [.. structures.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new StructurePlace(s.Id, s.Name, s.Uai, s.Blocked, me.IsLocalAdminOf(s.Id)))],
            [.. classes.OrderBy(c => c.Archived).ThenBy(c => c.Level).ThenBy(c => c.Name, StringComparer.Ordinal)],
            [.. children.OrderBy(c => c.DisplayName, StringComparer.Ordinal)],
            [.. parents.OrderBy(c => c.DisplayName, StringComparer.Ordinal)],
            [.. grants.Select(g => new Grant(g.Function, g.StructureId, g.ClassId, g.ClassName ?? g.StructureName))],
            sessions, audit);
    }
}
