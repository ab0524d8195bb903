using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Preau.Platform.Security;

public static class AuthenticationSetup
{
    public const string CookieName = "preau.session";

    /// <summary>
    /// The session cookie (HttpOnly, SameSite=Lax, Secure except over plain HTTP on loopback) and server-side session checks. The API answers 401/403 instead of redirecting.
    /// </summary>
    public static IServiceCollection AddPreauAuthentication(this IServiceCollection services)
    {
        services.AddScoped<Sessions>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<PasswordHashing>();
        services.AddScoped<LoginThrottle>();
        services.AddOptions<SessionOptions>().BindConfiguration("Security:Sessions");
        services.AddOptions<LoginThrottleOptions>().BindConfiguration("Security:LoginThrottle");

        services.AddAuthentication(PreauClaims.Scheme)
            .AddCookie(PreauClaims.Scheme, options =>
            {
                options.Cookie = new LoopbackAwareCookieBuilder
                {
                    Name = CookieName,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Lax,
                    IsEssential = true,
                };
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/error/404";
                options.ReturnUrlParameter = "returnUrl";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromDays(30);
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = ValidateSessionAsync,
                    OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized),
                    OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status404NotFound),
                };
            });
        services.AddAuthorization();
        return services;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.GetUserId();
        var sessionId = context.Principal?.GetSessionId();
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Sessions>();
        if (userId is null || sessionId is null
            || !await sessions.IsAliveAsync(sessionId.Value, userId.Value, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PreauClaims.Scheme);
        }
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // The API and the real-time hubs answer with a status; a page is redirected to sign in.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
