using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Security;

/// <summary>
/// The half-signed-in state between the right password and the second factor (or the forced
/// enrolment of an administrator): a short-lived, encrypted, HttpOnly cookie, not a session.
/// It names the person, their security stamp (a password change voids it), the "remember me"
/// choice and where to go next.
/// </summary>
public sealed class PendingSignIns(IDataProtectionProvider protection, PreauDbContext db, TimeProvider clock)
{
    public const string CookieName = "preau.mfa";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("Preau.Account.PendingSignIn.v1");

    public sealed record Pending(User User, bool Remember, string ReturnUrl, bool Enrol);

    public void Write(HttpContext http, User user, bool remember, string returnUrl, bool enrol)
    {
        var payload = string.Join('|',
            user.Id.ToString("N"), user.SecurityStamp, remember ? "1" : "0", enrol ? "1" : "0",
            clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), LocalUrl.OrHome(returnUrl));
        var options = new LoopbackAwareCookieBuilder { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true }.Build(http);
        http.Response.Cookies.Append(CookieName, _protector.Protect(payload), options);
    }

    public async Task<Pending?> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } raw)
        {
            return null;
        }

        string[] parts;
        try
        {
            parts = _protector.Unprotect(raw).Split('|', 6);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        if (parts.Length != 6 || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) > Lifetime)
        {
            return null;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        return user is { CanSignIn: true } && string.Equals(user.SecurityStamp, parts[1], StringComparison.Ordinal)
            ? new Pending(user, parts[2] == "1", parts[5], parts[3] == "1")
            : null;
    }

    public static void Clear(HttpContext http) =>
        http.Response.Cookies.Delete(CookieName, new LoopbackAwareCookieBuilder { HttpOnly = true, SameSite = SameSiteMode.Lax }.Build(http));
}
