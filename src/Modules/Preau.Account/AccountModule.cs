using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Account.Api;
using Preau.Account.Features;
using Preau.Account.Security;
using Preau.Account.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Modules;
using Preau.Platform.Security;

namespace Preau.Account;

/// <summary>Signing in and out, the account page, language, display and school choice.</summary>
public static class AccountModule
{
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddScoped<SignInWithPassword>();
        services.AddScoped<EndSession>();
        services.AddScoped<UpdatePreferences>();
        services.AddScoped<SwitchSchool>();
        services.AddActivation();
        services.AddAccountSecurity();
        services.AddAppEntry(new AppEntry(
            "account", typeof(AccountStrings), "App.Name", "App.Description", "/account", "user", "teal",
            _ => true, Order: 900));
        return services;
    }

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder endpoints)
    {
        // The shell's forms: plain posts that work without JavaScript, antiforgery-checked.
        endpoints.MapPost("/logout", async (EndSession signOut, IAntiforgery antiforgery, HttpContext http, CancellationToken ct) =>
        {
            // No form field is bound here, so nothing would trip on a missing token: check it.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await signOut.HandleAsync(http, ct);
            return Results.LocalRedirect("/login");
        }).AllowAnonymous().ExcludeFromDescription();

        // The language buttons of pages without an account carry no token, so that such a page is
        // the same for every visitor and can be cached (a public blog): the browser's same-origin
        // headers prove the post instead; signed-in pages still send the token.
        endpoints.MapPost("/preferences/language", async ([FromForm] string? language, [FromForm] string? returnUrl,
            UpdatePreferences update, IAntiforgery antiforgery, HttpContext http, CancellationToken ct) =>
        {
            if (!SameOrigin.IsProven(http.Request) && !await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await update.HandleAsync(new UpdatePreferences.Request(language ?? "fr", null, null, null), http, ct);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        endpoints.MapPost("/preferences/display", async ([FromForm] ColorScheme? scheme, [FromForm] bool[]? highContrast,
            [FromForm] bool[]? dyslexiaFont, [FromForm] string? returnUrl, UpdatePreferences update, HttpContext http, CancellationToken ct) =>
        {
            // A checkbox sends "true" after its hidden "false": the last value is the one ticked.
            await update.HandleAsync(new UpdatePreferences.Request(null, scheme, highContrast?.LastOrDefault(), dyslexiaFont?.LastOrDefault()), http, ct);
            var target = LocalUrl.OrHome(returnUrl);
            return Results.LocalRedirect(target == "/account" ? "/account?saved=true" : target);
        }).AllowAnonymous().ExcludeFromDescription();

        endpoints.MapPost("/school", async ([FromForm] Guid structureId, [FromForm] string? returnUrl,
            SwitchSchool switchSchool, HttpContext http, CancellationToken ct) =>
        {
            await switchSchool.HandleAsync(structureId, http, ct);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).RequireAuthorization().ExcludeFromDescription();

        endpoints.MapAccountApi();
        endpoints.MapActivation();
        endpoints.MapAccountSecurity();
        return endpoints;
    }
}

internal static class LocalUrl
{
    /// <summary>A same-site path to go back to; anything else (another host, a scheme) goes home.</summary>
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
