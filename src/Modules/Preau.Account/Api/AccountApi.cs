using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Account.Features;
using Preau.Account.Security;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Account.Api;

internal static class AccountApi
{
    /// <summary>A sign-in; <c>Code</c> is the second factor (authenticator or recovery code) when a first call answered <c>mfa_required</c>.</summary>
    public sealed record SignInRequest(string Login, string Password, bool Remember = false, string? Code = null);

    public sealed record PreferencesRequest(string? Language, ColorScheme? ColorScheme, bool? HighContrast, bool? DyslexiaFont);

    public static void MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Account");

        api.MapPost("/session", async Task<Results<NoContent, ProblemHttpResult>> (SignInRequest request, SignInWithPassword signIn, Mfa mfa, CompleteSignIn complete, HttpContext http, CancellationToken ct) =>
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
                case SignInWithPassword.Result.MfaRequired second:
                    return await SecondFactorAsync(second.User, request, mfa, complete, http, ct);
                case SignInWithPassword.Result.MfaEnrolmentRequired:
                    return Problem("mfa_enrolment_required", "This account must set up two-step verification: sign in once in a browser.", StatusCodes.Status403Forbidden);
                default:
                    return TypedResults.Problem(title: "Wrong login or password.", statusCode: StatusCodes.Status401Unauthorized);
            }
        })
        .AllowAnonymous()
        .WithSummary("Signs in with a login (or email) and password; sets the session cookie.")
        .WithDescription(
            "When the account uses two-step verification (TOTP), a first call with the right password answers 401 with the problem " +
            "code `mfa_required` and no cookie: call again with the same login and password and `code` set to the authenticator's " +
            "six digits or a recovery code. A wrong code answers 401 `mfa_invalid`; too many wrong codes, 429. Administrators who " +
            "have not set up two-step verification get 403 `mfa_enrolment_required` (enrolment happens in the browser).")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapAccountSecurityApi();

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

    private static async Task<Results<NoContent, ProblemHttpResult>> SecondFactorAsync(
        Preau.Platform.Directory.Domain.User user, SignInRequest request, Mfa mfa, CompleteSignIn complete, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return Problem("mfa_required", "Two-step verification: send the request again with the code from the authenticator app.", StatusCodes.Status401Unauthorized);
        }

        var (check, retryAfter) = await mfa.CheckAsync(user, request.Code, ct);
        switch (check)
        {
            case SecondFactorCheck.Accepted or SecondFactorCheck.AcceptedRecoveryCode:
                await complete.HandleAsync(user, request.Remember, http, ct);
                return TypedResults.NoContent();
            case SecondFactorCheck.Held:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: "Too many wrong codes.", statusCode: StatusCodes.Status429TooManyRequests);
            default:
                return Problem("mfa_invalid", "Wrong or already used code.", StatusCodes.Status401Unauthorized);
        }
    }

    internal static ProblemHttpResult Problem(string code, string title, int status) =>
        TypedResults.Problem(title: title, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });
}
