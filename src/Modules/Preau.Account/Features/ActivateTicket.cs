using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>
/// Carries a checked login and code from one step of activation to the next (and from the login
/// page, when someone typed their code as a password) without showing the code in a URL or a
/// page: an encrypted, signed value that expires after a quarter of an hour.
/// </summary>
public sealed class ActivateTicket(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "preau.activation";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    // The expiry travels inside the protected payload, measured on the platform's clock (the
    // time-limited protector would use the system clock, which tests cannot move).
    private readonly IDataProtector _protector = protection.CreateProtector("Preau.Account.Activation.v1");

    public sealed record Content(string Login, string Code);

    public string Protect(string login, string code) =>
        _protector.Protect(string.Join('\n', (clock.GetUtcNow() + Lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture), login, code));

    public Content? Unprotect(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket) || ticket.Length > 2048)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(ticket).Split('\n');
            return parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var expiry) && expiry > clock.GetUtcNow().UtcTicks
                ? new Content(parts[1], parts[2])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The login page hands a recognised code over to /activate in a short-lived cookie.</summary>
    public void HandOff(HttpResponse response, string login, string code) =>
        response.Cookies.Append(CookieName, Protect(login, code), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps || !LoopbackAwareCookieBuilder.IsLoopback(response.HttpContext),
            Path = "/activate",
            MaxAge = Lifetime,
            IsEssential = true,
        });

    /// <summary>Reads and forgets the handed-over ticket.</summary>
    public Content? TakeHandOff(HttpContext http)
    {
        var ticket = http.Request.Cookies[CookieName];
        if (ticket is null)
        {
            return null;
        }

        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/activate" });
        return Unprotect(ticket);
    }
}
