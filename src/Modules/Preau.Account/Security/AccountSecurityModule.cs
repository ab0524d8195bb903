using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Preau.Account.Features.Recovery;
using Preau.Account.Features.SecondFactor;
using Preau.Platform.Security;

namespace Preau.Account.Security;

/// <summary>Recovery, password change and MFA: services and the admin's form endpoint.</summary>
internal static class AccountSecurityModule
{
    public static IServiceCollection AddAccountSecurity(this IServiceCollection services)
    {
        services.AddSingleton<Authenticator>();
        services.AddScoped<Mfa>();
        services.AddScoped<MfaStatus>();
        services.AddScoped<IMfaStatus>(sp => sp.GetRequiredService<MfaStatus>());
        services.AddScoped<TrustedDevices>();
        services.AddScoped<PendingSignIns>();
        services.AddScoped<CompleteSignIn>();
        services.AddScoped<SecondFactorGate>();
        services.AddScoped<AccountMails>();
        services.AddSingleton<RequestThrottles>();
        services.AddScoped<PasswordWriter>();
        services.AddScoped<RequestLoginReminder>();
        services.AddScoped<RequestPasswordReset>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<ResetMfaByAdmin>();
        return services;
    }

    public static void MapAccountSecurity(this IEndpointRouteBuilder endpoints)
    {
        // The administration console's button (a plain form post, antiforgery-checked); back to the user's page.
        endpoints.MapPost("/admin/users/{id:guid}/mfa/reset", async (Guid id, ResetMfaByAdmin reset, IAntiforgery antiforgery, HttpContext http, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            return await reset.HandleAsync(id, ct) == ResetMfaByAdmin.Result.Done
                ? Results.LocalRedirect($"/admin/users/{id}?mfaReset=true")
                : Results.NotFound();
        }).RequireAuthorization().ExcludeFromDescription();
    }
}
