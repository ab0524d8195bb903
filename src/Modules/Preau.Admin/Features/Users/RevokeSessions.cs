using Microsoft.EntityFrameworkCore;
using Preau.Admin.Audit;
using Preau.Admin.Authorization;
using Preau.Platform.Audit;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Features.Users;

/// <summary>Ends one of a person's open sessions, or all of them (a lost phone, a shared computer).</summary>
public sealed class RevokeSessions(PreauDbContext db, AdminAccess access, Sessions sessions, AuditLog audit, TimeProvider clock)
{
    /// <summary>Ends the session <paramref name="sessionId"/>, or every open one when null; gives back how many ended.</summary>
    public async Task<Outcome<int>> HandleAsync(UserContext me, Guid userId, Guid? sessionId, CancellationToken ct)
    {
        var user = await access.UserAsync(me, userId, ct);
        if (user is null)
        {
            return Outcome.NotFound<int>();
        }

        var ended = await StageAsync(db, user.Id, sessionId, clock.GetUtcNow(), ct);
        if (sessionId is not null && ended.Count == 0)
        {
            return Outcome.NotFound<int>();
        }

        if (ended.Count > 0)
        {
            audit.Record(AuditActions.UserSessionsRevoke, user, await access.AuditStructureAsync(me, user.Id, ct),
                sessionId is null ? $"all ({ended.Count})" : $"session {sessionId}");
            await db.SaveChangesAsync(ct);
            sessions.Forget(ended);
        }

        return ended.Count;
    }

    /// <summary>Marks the open sessions revoked on the context (the caller saves, then forgets them).</summary>
    internal static async Task<List<Guid>> StageAsync(PreauDbContext db, Guid userId, Guid? sessionId, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.UserSessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now && (sessionId == null || s.Id == sessionId))
            .ToListAsync(ct);
        foreach (var session in open)
        {
            session.RevokedAt = now;
        }

        return [.. open.Select(s => s.Id)];
    }
}
