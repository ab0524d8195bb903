using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Account.Resources;
using Preau.Account.Security;

namespace Preau.Account.Pages.Login;

/// <summary>The second step of signing in: an authenticator code or a recovery code, then the session.</summary>
[AllowAnonymous]
public sealed class MfaModel(PendingSignIns pendingSignIns, Mfa mfa, TrustedDevices trustedDevices, CompleteSignIn complete, IStringLocalizer<SecurityStrings> strings) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool Trust { get; set; }

    public string FirstName { get; private set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var pending = await pendingSignIns.ReadAsync(HttpContext, ct);
        if (pending is null || pending.Enrol)
        {
            return LocalRedirect(pending is null ? "/login" : "/login/mfa/enrol");
        }

        FirstName = pending.User.FirstName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pending = await pendingSignIns.ReadAsync(HttpContext, ct);
        if (pending is null || pending.Enrol)
        {
            return LocalRedirect("/login");
        }

        FirstName = pending.User.FirstName;
        var (check, retryAfter) = await mfa.CheckAsync(pending.User, Code, ct);
        switch (check)
        {
            case SecondFactorCheck.Accepted or SecondFactorCheck.AcceptedRecoveryCode:
                PendingSignIns.Clear(HttpContext);
                if (Trust)
                {
                    await trustedDevices.TrustAsync(pending.User.Id, HttpContext, ct);
                }

                await complete.HandleAsync(pending.User, pending.Remember, HttpContext, ct);
                return LocalRedirect(check == SecondFactorCheck.AcceptedRecoveryCode ? "/account?recoveryCodeUsed=true#security" : LocalUrl.OrHome(pending.ReturnUrl));
            case SecondFactorCheck.Held:
                Error = strings["Mfa.Held", ForgotLoginModel.Minutes(retryAfter)];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page();
            default:
                Error = strings["Mfa.Wrong"];
                return Page();
        }
    }
}
