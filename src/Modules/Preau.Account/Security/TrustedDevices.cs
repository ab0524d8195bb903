using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Security;

/// <summary>
/// "Trust this device for 30 days": a random token in an HttpOnly cookie, its keyed hash in
/// acc_trusted_devices. The person lists and revokes them from their account page.
/// </summary>
public sealed class TrustedDevices(PreauDbContext db, Codes codes, TimeProvider clock)
{
    public const string CookieName = "preau.trusted";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);
    private const string Purpose = "trusted-device";

    public sealed record Device(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, string? UserAgent, bool IsThisOne);

    public async Task TrustAsync(Guid userId, HttpContext http, CancellationToken ct)
    {
        var token = Codes.NewToken();
        var now = clock.GetUtcNow();
        db.Set<TrustedDevice>().Add(new TrustedDevice
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            TokenHash = codes.Hash(Purpose, token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            LastUsedAt = now,
            UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 400),
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
        var options = new LoopbackAwareCookieBuilder { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = Lifetime }.Build(http);
        // Max-Age only: the browser counts the 30 days; the table's expiry is the one that counts here.
        http.Response.Cookies.Append(CookieName, token, options);
    }

    /// <summary>Whether this browser carries a live trusted-device token of this person.</summary>
    public async Task<bool> IsTrustedAsync(Guid userId, HttpContext http, CancellationToken ct)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 20 and < 100 } token)
        {
            return false;
        }

        var hash = codes.Hash(Purpose, token);
        var device = await db.Set<TrustedDevice>().FirstOrDefaultAsync(d => d.TokenHash == hash && d.UserId == userId, ct);
        if (device is null || device.ExpiresAt <= clock.GetUtcNow())
        {
            return false;
        }

        device.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<Device>> ListAsync(Guid userId, HttpContext http, CancellationToken ct)
    {
        var mine = http.Request.Cookies[CookieName] is { Length: > 20 and < 100 } token ? codes.Hash(Purpose, token) : null;
        var now = clock.GetUtcNow();
        var devices = await db.Set<TrustedDevice>().AsNoTracking().Where(d => d.UserId == userId).ToListAsync(ct);
        return [.. devices.Where(d => d.ExpiresAt > now).OrderByDescending(d => d.LastUsedAt)
            .Select(d => new Device(d.Id, d.CreatedAt, d.LastUsedAt, d.ExpiresAt, d.UserAgent, d.TokenHash == mine))];
    }

    /// <summary>Revokes one of the person's devices (another person's id does nothing).</summary>
    public Task<int> RevokeAsync(Guid userId, Guid deviceId, CancellationToken ct) =>
        db.Set<TrustedDevice>().Where(d => d.Id == deviceId && d.UserId == userId).ExecuteDeleteAsync(ct);

    public Task<int> RevokeAllAsync(Guid userId, CancellationToken ct) =>
        db.Set<TrustedDevice>().Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);

    private static string? Truncate(string value, int max) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= max ? value : value[..max];
}
