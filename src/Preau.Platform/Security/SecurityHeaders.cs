using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Preau.Platform.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy with no inline script or style, no
/// framing, no MIME sniffing, a strict referrer policy and a narrow permissions policy; personal
/// pages and API answers are not stored.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                // A response may set a policy of its own (a served file: sandboxed; an inline one framed by Préau's viewer).
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                if (string.IsNullOrEmpty(headers.XFrameOptions)) headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                KeepPersonalAnswersOutOfCaches((HttpContext)state);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });

    /// <summary>
    /// A page or an API answer for a signed-in person is never stored by the browser or a proxy
    /// (unless it says otherwise, as a photo does): the back button of a shared family computer
    /// after logout, or a browser offline, shows nothing of it.
    /// </summary>
    private static void KeepPersonalAnswersOutOfCaches(HttpContext context)
    {
        var response = context.Response;
        if (context.User.Identity?.IsAuthenticated != true || !string.IsNullOrEmpty(response.Headers.CacheControl))
        {
            return;
        }

        var type = response.ContentType;
        if (type is not null && (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.CacheControl = "no-store";
        }
    }
}
