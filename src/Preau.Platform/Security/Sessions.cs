using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Directory.Features;
using Preau.Platform.Persistence;

namespace Preau.Platform.Security;

/// <summary>Bound from "Security:Sessions".</summary>
public sealed class SessionOptions
{
    /// <summary>How long a session lives without activity when "remember me" is not ticked.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a remembered session lives.</summary>
    public TimeSpan RememberFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a node trusts its last look at a session before asking the database again; zero
    /// asks on every request.
    /// </summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Server-side sessions: the cookie carries a session id, the database says whether it is still
/// valid. A node remembers a valid session for a few seconds, so a busy page costs no query for it.
/// </summary>
public sealed class Sessions(PreauDbContext db, IMemoryCache cache, TimeProvider clock, IOptions<SessionOptions> options)
{
    private readonly SessionOptions _options = options.Value;

    public async Task<ClaimsPrincipal> StartAsync(User user, bool remember, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + (remember ? _options.RememberFor : _options.IdleTimeout),
            Persistent = remember,
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 400),
        };
        db.UserSessions.Add(session);
        user.LastLoginAt = now;
        await db.SaveChangesAsync(ct);

        var identity = new ClaimsIdentity(
            [
                new Claim(PreauClaims.UserId, user.Id.ToString()),
                new Claim(PreauClaims.SessionId, session.Id.ToString()),
                new Claim(PreauClaims.Profile, user.Profile.ToString()),
                new Claim(ClaimTypes.Name, user.DisplayName),
            ],
            PreauClaims.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether the session is still alive; slides its expiry now and then.</summary>
    public async Task<bool> IsAliveAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        var key = "session:" + sessionId;
        if (cache.TryGetValue(key, out bool alive))
        {
            return alive;
        }

        var now = clock.GetUtcNow();
        // One query: the session, joined to its owner only if the sign-in gate still admits them.
        var session = await db.UserSessions
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(SignInGate.Admitted(db), s => s.UserId, u => u.Id, (s, u) => s)
            .FirstOrDefaultAsync(ct);
        alive = session is not null && session.RevokedAt is null && session.ExpiresAt > now;
        if (alive && !session!.Persistent && now - session.LastSeenAt > _options.RecheckAfter)
        {
            session.LastSeenAt = now;
            session.ExpiresAt = now + _options.IdleTimeout;
            await db.SaveChangesAsync(ct);
        }

        if (_options.RecheckAfter > TimeSpan.Zero)
        {
            cache.Set(key, alive, _options.RecheckAfter);
        }

        return alive;
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct)
    {
        await db.UserSessions.Where(s => s.Id == sessionId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, clock.GetUtcNow()), ct);
        cache.Remove("session:" + sessionId);
    }

    /// <summary>
    /// Ends every open session of a person but <paramref name="keep"/> (the one they act from,
    /// if any), in the database and in this node's memory, in two commands whatever their number.
    /// </summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? keep, CancellationToken ct)
    {
        var ids = await db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null && s.Id != keep)
            .Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        await db.UserSessions.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now), ct);
        Forget(ids);
        return ids.Count;
    }

    /// <summary>Makes this node forget what it remembered of these sessions, so a revocation or a block applies at once.</summary>
    public void Forget(IEnumerable<Guid> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            cache.Remove("session:" + id);
        }
    }

    private static string? Truncate(string value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
