using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;

namespace Preau.Platform.Directory.Features;

/// <summary>
/// Who may hold a session: an active account, still attached to its schools, whose profile is
/// not blocked in every structure it belongs to. A member of a blocked profile who also belongs
/// to an open structure (a parent with children in two schools) keeps signing in. Sign-in and
/// the session check both ask this one rule, the latter inside its single query.
/// </summary>
public static class SignInGate
{
    public static IQueryable<User> Admitted(PreauDbContext db) =>
        db.Users.Where(u => u.State == AccountState.Active && u.DetachedAt == null
            && !(db.GroupMembers.Where(m => m.UserId == u.Id).Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.StructureId)
                    .Any(s => db.BlockedProfiles.Any(b => b.StructureId == s && b.Profile == u.Profile))
                && !db.GroupMembers.Where(m => m.UserId == u.Id).Join(db.Groups, m => m.GroupId, g => g.Id, (m, g) => g.StructureId)
                    .Any(s => !db.BlockedProfiles.Any(b => b.StructureId == s && b.Profile == u.Profile))));

    public static Task<bool> AdmitsAsync(PreauDbContext db, Guid userId, CancellationToken ct = default) =>
        Admitted(db).AnyAsync(u => u.Id == userId, ct);
}
