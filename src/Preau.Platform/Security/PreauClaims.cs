using System.Security.Claims;

namespace Preau.Platform.Security;

/// <summary>The few claims the session cookie carries; everything else is loaded per request.</summary>
public static class PreauClaims
{
    public const string UserId = "sub";
    public const string SessionId = "sid";
    public const string Profile = "profile";
    public const string Scheme = "Preau";

    public static Guid? GetUserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(UserId), out var id) ? id : null;

    public static Guid? GetSessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionId), out var id) ? id : null;
}
