using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Platform.Kernel;
using Preau.Platform.Resources;
using Preau.Platform.Security;

namespace Preau.Account.Features;

/// <summary>Activation's services and its API, for the mobile app (the page is /activate).</summary>
public static class ActivateSetup
{
    public sealed record CheckRequest(string? Login, string? Code);

    public sealed record CharterView(Guid? StructureId, string SchoolName, string Text, bool IsDefault);

    public sealed record CheckResponse(string Login, string DisplayName, Profile Profile, IReadOnlyList<CharterView> Charters);

    public sealed record ActivateRequest(string? Login, string? Code, string? Password, string? Confirmation, string? Email, string? Phone, bool AcceptCharter, bool Remember = false);

    public static IServiceCollection AddActivation(this IServiceCollection services)
    {
        services.AddScoped<ActivateAccount>();
        services.AddSingleton<ActivateTicket>();
        return services;
    }

    public static IEndpointRouteBuilder MapActivation(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/activation").WithTags("Account").AllowAnonymous();

        api.MapPost("/check", async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> (CheckRequest request, ActivateAccount activate,
            IStringLocalizer<CharterStrings> charters, HttpContext http, CancellationToken ct) =>
            await activate.CheckAsync(request.Login, request.Code, http, ct) switch
            {
                ActivateAccount.CheckResult.Valid { Account: var a } => TypedResults.Ok(new CheckResponse(a.Login, a.DisplayName, a.Profile,
                    a.Charters.Count == 0
                        ? [new CharterView(null, "", charters["Charter.Default"].Value, true)]
                        : [.. a.Charters.Select(c => new CharterView(c.StructureId, c.SchoolName, string.IsNullOrWhiteSpace(c.Text) ? charters["Charter.Default"].Value : c.Text, string.IsNullOrWhiteSpace(c.Text)))])),
                ActivateAccount.CheckResult.Held held => HeldProblem(http, held.RetryAfter),
                _ => Refused(),
            })
            .WithName("CheckActivationCode")
            .WithSummary("Checks a login and activation code; answers the account's name and the charters to accept.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (ActivateRequest request, ActivateAccount activate,
            HttpContext http, CancellationToken ct) =>
        {
            var result = await activate.HandleAsync(new ActivateAccount.Request(request.Login ?? "", request.Code ?? "", request.Password,
                request.Confirmation ?? request.Password, request.Email, request.Phone, request.AcceptCharter, request.Remember), http, ct);
            switch (result)
            {
                case ActivateAccount.Result.Success success:
                    await http.SignInAsync(PreauClaims.Scheme, success.Principal, new AuthenticationProperties { IsPersistent = request.Remember });
                    return TypedResults.NoContent();
                case ActivateAccount.Result.Invalid invalid:
                    var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                    if (invalid.PasswordRules.Count > 0)
                    {
                        errors["password"] = [.. invalid.PasswordRules.Select(r => r.ToString())];
                    }

                    if (invalid.BadEmail)
                    {
                        errors["email"] = ["Not a valid email address."];
                    }

                    if (invalid.BadPhone)
                    {
                        errors["phone"] = ["Not a valid phone number."];
                    }

                    if (invalid.CharterNotAccepted)
                    {
                        errors["acceptCharter"] = ["The charter must be accepted."];
                    }

                    return TypedResults.ValidationProblem(errors, title: "The activation form has errors.");
                case ActivateAccount.Result.Held held:
                    return HeldProblem(http, held.RetryAfter);
                default:
                    return Refused();
            }
        })
        .WithName("ActivateAccount")
        .WithSummary("Activates an account with its login and activation code: sets the password (PasswordPolicy), optional email and phone, records the charter's acceptance and signs in.")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return endpoints;
    }

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem(title: "Wrong login or activation code, or the code expired or was used.", statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult HeldProblem(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many attempts.", statusCode: StatusCodes.Status429TooManyRequests);
    }
}
