using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Account.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Account.Api;

internal static class AccountApi
{
    public sealed record SignInRequest(string Login, string Password, bool Remember = false);

    public sealed record PreferencesRequest(string? Language, ColorScheme? ColorScheme, bool? HighContrast, bool? DyslexiaFont);

    public static void MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Account");

        api.MapPost("/session", async Task<Results<NoContent, ProblemHttpResult>> (SignInRequest request, SignInWithPassword signIn, HttpContext http, CancellationToken ct) =>
        {
            var result = await signIn.HandleAsync(new SignInWithPassword.Request(request.Login ?? "", request.Password ?? "", request.Remember), http, ct);
            switch (result)
            {
                case SignInWithPassword.Result.Success success:
                    await http.SignInAsync(PreauClaims.Scheme, success.Principal, new AuthenticationProperties { IsPersistent = request.Remember });
                    return TypedResults.NoContent();
                case SignInWithPassword.Result.Held held:
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(held.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return TypedResults.Problem(title: "Too many sign-in attempts.", statusCode: StatusCodes.Status429TooManyRequests);
                case SignInWithPassword.Result.NotActivated:
                    return TypedResults.Problem(title: "The account is not activated.", statusCode: StatusCodes.Status403Forbidden);
                case SignInWithPassword.Result.Blocked:
                    return TypedResults.Problem(title: "The account is blocked.", statusCode: StatusCodes.Status403Forbidden);
                default:
                    return TypedResults.Problem(title: "Wrong login or password.", statusCode: StatusCodes.Status401Unauthorized);
            }
        })
        .AllowAnonymous()
        .WithSummary("Signs in with a login (or email) and password; sets the session cookie.");

        api.MapDelete("/session", async (EndSession signOut, HttpContext http, CancellationToken ct) =>
        {
            await signOut.HandleAsync(http, ct);
            return TypedResults.NoContent();
        })
        .RequireAuthorization()
        .WithSummary("Ends the current session.");

        api.MapPut("/me/preferences", async (PreferencesRequest request, UpdatePreferences update, HttpContext http, CancellationToken ct) =>
        {
            await update.HandleAsync(new UpdatePreferences.Request(request.Language, request.ColorScheme, request.HighContrast, request.DyslexiaFont), http, ct);
            return TypedResults.NoContent();
        })
        .RequireAuthorization()
        .WithSummary("Changes the language and display preferences of the signed-in person.");
    }
}
