using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Platform.Audit;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Features.Structures;

/// <summary>
/// Blocks a whole profile of a school (the parents during an incident…) or lifts the block.
/// Members who belong to no other open school can no longer sign in, and their open sessions
/// stop at their next request (at once on this node; within Security:Sessions:RecheckAfter on
/// the others). Administrators never block their own profile in their own school.
/// </summary>
public sealed class BlockProfile(PreauDbContext db, Sessions sessions, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<Done>> BlockAsync(UserContext me, Guid structureId, Profile profile, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId) || !await db.Structures.AnyAsync(s => s.Id == structureId, ct))
        {
            return Outcome.NotFound<Done>();
        }

        if (!Enum.IsDefined(profile))
        {
            return Outcome.Invalid<Done>("Profile", "Error.Profile");
        }

        if (profile == me.Profile && me.Structures.Any(s => s.Id == structureId))
        {
            return Outcome.Invalid<Done>("Profile", "Error.NotYourself");
        }

        if (await db.BlockedProfiles.AnyAsync(b => b.StructureId == structureId && b.Profile == profile, ct))
        {
            return new Done();
        }

        var now = clock.GetUtcNow();
        db.BlockedProfiles.Add(new BlockedProfile { StructureId = structureId, Profile = profile, BlockedAt = now, BlockedBy = me.Id });
        audit.Record(AuditActions.ProfileBlock, null, null, structureId, profile.ToString());
        await db.SaveChangesAsync(ct);

        // This node forgets what it remembered of the members' sessions; the gate decides again.
        sessions.Forget(await db.UserSessions.AsNoTracking()
            .Where(x => x.RevokedAt == null && x.ExpiresAt > now && db.Users.Any(u => u.Id == x.UserId && u.Profile == profile)
                && db.GroupMembers.Any(m => m.UserId == x.UserId && db.Groups.Any(g => g.Id == m.GroupId && g.StructureId == structureId)))
            .Select(x => x.Id).ToListAsync(ct));
        return new Done();
    }

    public async Task<Outcome<Done>> UnblockAsync(UserContext me, Guid structureId, Profile profile, CancellationToken ct)
    {
        if (!me.IsLocalAdminOf(structureId))
        {
            return Outcome.NotFound<Done>();
        }

        var blocked = await db.BlockedProfiles.FirstOrDefaultAsync(b => b.StructureId == structureId && b.Profile == profile, ct);
        if (blocked is null)
        {
            return Outcome.NotFound<Done>();
        }

        db.BlockedProfiles.Remove(blocked);
        audit.Record(AuditActions.ProfileUnblock, null, null, structureId, profile.ToString());
        await db.SaveChangesAsync(ct);
        return new Done();
    }
}
