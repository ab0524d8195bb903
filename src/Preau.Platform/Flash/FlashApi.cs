using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Preau.Platform.Localization;
using Preau.Platform.Security;

namespace Preau.Platform.Flash;

/// <summary>Flash messages for the person signed in: theirs now, and closing one (a form for pages without script, and the API).</summary>
public static class FlashApi
{
    public static IServiceCollection AddPreauFlash(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FlashOptions>().Bind(configuration.GetSection("Flash"));
        services.TryAddSingleton<FlashCache>();
        services.TryAddScoped<FlashBoard>();
        return services;
    }

    public static IEndpointRouteBuilder MapPreauFlash(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/flash-messages").WithTags("Flash messages").RequireAuthorization();

        api.MapGet("", async (CurrentUser currentUser, FlashBoard board, CancellationToken ct) =>
                TypedResults.Ok(await board.CurrentAsync(await currentUser.RequireAsync(ct), Language(), ct)))
            .WithName("GetMyFlashMessages")
            .WithSummary("The flash messages shown to the caller now (their profile, one of their structures or all, between start and end, not dismissed), most urgent first, in their language.");

        api.MapPost("/{id:guid}/dismiss", async Task<Results<NoContent, NotFound>> (Guid id, CurrentUser currentUser, FlashBoard board, CancellationToken ct) =>
                await board.DismissAsync(await currentUser.RequireAsync(ct), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithName("DismissFlashMessage")
            .WithSummary("Closes one of the caller's current flash messages for them, for good; 404 when it is not one of theirs.");

        // The banner's close button: a plain form, enhanced by flash.js (which asks for JSON and gets 204).
        endpoints.MapPost("/flash-messages/{id:guid}/dismiss", async (Guid id, [FromForm] string? returnUrl, CurrentUser currentUser, FlashBoard board, HttpContext http, CancellationToken ct) =>
        {
            var found = await board.DismissAsync(await currentUser.RequireAsync(ct), id, ct);
            if (http.Request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase)))
            {
                return found ? Results.NoContent() : Results.NotFound();
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization().ExcludeFromDescription();

        return endpoints;
    }

    private static string Language() => LocalizationSetup.Normalize(System.Globalization.CultureInfo.CurrentUICulture.Name);

    private static bool IsLocal(string? url) => url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
