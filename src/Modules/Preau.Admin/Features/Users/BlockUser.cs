using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Features.Users;

/// <summary>
/// Blocks an account (it cannot sign in, its open sessions end at once) or unblocks it (back to
/// active, or to waiting for activation if it never had a password). Nobody blocks themselves.
/// </summary>
public sealed class BlockUser(PreauDbContext db, AdminAccess access, Sessions sessions, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Done>> BlockAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<Done>();
        }

        if (user.Id == me.Id)
        {
            return Outcome.Invalid<Done>("UserId", "Error.NotYourself");
        }

        if (user.State == AccountState.Blocked)
        {
            return new Done();
        }

        user.State = AccountState.Blocked;
        var ended = await RevokeSessions.StageAsync(db, user.Id, null, clock.GetUtcNow(), ct);
        audit.Record(AuditActions.UserBlock, user, await access.AuditStructureAsync(me, user.Id, ct), ended.Count == 0 ? null : $"{ended.Count} session(s) ended");
        await db.SaveChangesAsync(ct);
        sessions.Forget(ended);
        return new Done();
    }

    public async Task<Outcome<Done>> UnblockAsync(UserContext me, Guid userId, CancellationToken ct)
    {
        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<Done>();
        }

        if (user.State != AccountState.Blocked)
        {
            return new Done();
        }

        user.State = user.PasswordHash is null ? AccountState.PendingActivation : AccountState.Active;
        audit.Record(AuditActions.UserUnblock, user, await access.AuditStructureAsync(me, user.Id, ct), user.State.ToString());
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
