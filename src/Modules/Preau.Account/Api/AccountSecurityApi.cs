using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Preau.Account.Features.Recovery;
using Preau.Account.Features.SecondFactor;
using Preau.Account.Security;
using Preau.Platform.Security;

namespace Preau.Account.Api;

/// <summary>Recovery, password change and MFA over JSON: the same use cases as the pages.</summary>
internal static class AccountSecurityApi
{
    public sealed record LoginReminderRequest(string Email);

    public sealed record PasswordResetRequest(string Login);

    /// <summary>A new password with the link's token, or with the login and the code from the message.</summary>
    public sealed record NewPasswordRequest(string? Token, string? Login, string? Code, string Password);

    public sealed record ChangePasswordRequest(string Current, string Password);

    public sealed record MfaState(bool Enabled, bool Required, bool Offered, int RecoveryCodesLeft);

    public static void MapAccountSecurityApi(this RouteGroupBuilder api)
    {
        api.MapPost("/recovery/login", async Task<Results<Accepted, ProblemHttpResult>> (LoginReminderRequest request, RequestLoginReminder remind, HttpContext http, CancellationToken ct) =>
            await remind.HandleAsync(request.Email, http, ct) switch
            {
                RequestLoginReminder.Result.Sent => TypedResults.Accepted((string?)null),
                RequestLoginReminder.Result.Held held => Held(http, held.RetryAfter),
                _ => TypedResults.Problem(title: "An email address is needed.", statusCode: StatusCodes.Status400BadRequest),
            })
            .AllowAnonymous()
            .WithName("RequestLoginReminder")
            .WithSummary("Login forgotten: mails the logins that use this address. Answers 202 whether or not any does.");

        api.MapPost("/recovery/password", async Task<Results<Accepted, ProblemHttpResult>> (PasswordResetRequest request, RequestPasswordReset reset, HttpContext http, CancellationToken ct) =>
            await reset.HandleAsync(request.Login, http, ct) switch
            {
                RequestPasswordReset.Result.Sent => TypedResults.Accepted((string?)null),
                RequestPasswordReset.Result.Held held => Held(http, held.RetryAfter),
                _ => TypedResults.Problem(title: "A login or an email address is needed.", statusCode: StatusCodes.Status400BadRequest),
            })
            .AllowAnonymous()
            .WithName("RequestPasswordReset")
            .WithSummary("Password forgotten: mails a single-use code and link (30 minutes) to the account's address. Answers 202 whether or not the account exists.");

        api.MapPost("/recovery/password/reset", async Task<Results<NoContent, ProblemHttpResult>> (NewPasswordRequest request, ResetPassword reset, HttpContext http, CancellationToken ct) =>
            await reset.HandleAsync(new ResetPassword.Request(request.Token, request.Login, request.Code, request.Password, request.Password), http, ct) switch
            {
                ResetPassword.Result.Done => TypedResults.NoContent(),
                ResetPassword.Result.Held held => Held(http, held.RetryAfter),
                ResetPassword.Result.Weak weak => WeakPassword(weak.Rules),
                _ => AccountApi.Problem("reset_invalid", "The code or link is wrong, used or expired.", StatusCodes.Status400BadRequest),
            })
            .AllowAnonymous()
            .WithName("ResetPasswordByEmail")
            .WithSummary("Sets a new password with the token of a reset link, or a login and the code of a reset message; ends every session.");

        api.MapPut("/me/password", async Task<Results<NoContent, ProblemHttpResult>> (ChangePasswordRequest request, ChangePassword change, HttpContext http, CancellationToken ct) =>
            await change.HandleAsync(new ChangePassword.Request(request.Current, request.Password, request.Password), http, ct) switch
            {
                ChangePassword.Result.Done => TypedResults.NoContent(),
                ChangePassword.Result.Held held => Held(http, held.RetryAfter),
                ChangePassword.Result.Weak weak => WeakPassword(weak.Rules),
                _ => AccountApi.Problem("wrong_password", "The current password is wrong.", StatusCodes.Status400BadRequest),
            })
            .RequireAuthorization()
            .WithName("ChangePassword")
            .WithSummary("Changes the signed-in person's password (current one first); ends their other sessions.");

        api.MapGet("/me/mfa", async (Mfa mfa, CurrentUser currentUser, CancellationToken ct) =>
        {
            var me = await currentUser.RequireAsync(ct);
            return TypedResults.Ok(new MfaState(
                await mfa.IsEnabledAsync(me.Id, ct), await mfa.IsRequiredAsync(me.Id, ct), Mfa.IsOffered(me.Profile), await mfa.RecoveryCodesLeftAsync(me.Id, ct)));
        })
            .RequireAuthorization()
            .WithName("GetMyMfa")
            .WithSummary("Whether two-step verification is on, required (administrators) or offered (adults), and how many recovery codes are left.");

        api.MapPost("/admin/users/{id:guid}/mfa/reset", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ResetMfaByAdmin reset, CancellationToken ct) =>
            await reset.HandleAsync(id, ct) == ResetMfaByAdmin.Result.Done
                ? TypedResults.NoContent()
                : TypedResults.Problem(title: "Not found.", statusCode: StatusCodes.Status404NotFound))
            .RequireAuthorization()
            .WithTags("Admin")
            .WithName("ResetUserMfa")
            .WithSummary("Turns off a person's two-step verification (lost phone): SuperAdmin, or LocalAdmin of one of the person's structures; 404 otherwise.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static ProblemHttpResult Held(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many requests.", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static ProblemHttpResult WeakPassword(IReadOnlyList<PasswordPolicy.Rule> rules) =>
        TypedResults.Problem(title: "The new password does not follow the policy.", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["code"] = "weak_password", ["rules"] = rules.Select(r => r.ToString()).ToArray() });
}
