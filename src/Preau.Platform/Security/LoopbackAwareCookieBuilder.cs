using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Preau.Platform.Security;

/// <summary>
/// A cookie that is always Secure, except over plain HTTP on loopback, where a developer or a
/// test runs the application without TLS. Behind the load balancer requests arrive as HTTPS
/// (forwarded headers), so production cookies are Secure.
/// </summary>
public sealed class LoopbackAwareCookieBuilder : RequestPathBaseCookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = context.Request.IsHttps || !IsLoopback(context);
        return options;
    }

    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        || context.Connection.RemoteIpAddress is null; // the in-memory test server has no address

    /// <summary>
    /// A year-long preference cookie (language, display, chosen school): HttpOnly, SameSite=Lax,
    /// Secure on the same terms as the session cookie.
    /// </summary>
    public static CookieOptions Preference(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps || !IsLoopback(context),
        MaxAge = TimeSpan.FromDays(365),
        IsEssential = true,
    };
}
