using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Account.Pages.Account;
using Preau.Account.Resources;
using Preau.Account.Security;
using Preau.Platform.Directory.Domain;

namespace Preau.Account.Pages.Login;

/// <summary>
/// Forced enrolment: an administrator without MFA, after the right password, sets it up here
/// before anything else (no session exists until it is done), then sees their recovery codes.
/// </summary>
[AllowAnonymous]
public sealed class MfaEnrolModel(PendingSignIns pendingSignIns, Mfa mfa, Authenticator authenticator, CompleteSignIn complete, IStringLocalizer<SecurityStrings> strings) : PageModel
{
    [BindProperty]
    public string? Enrolment { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public string FirstName { get; private set; } = "";

    public MfaEnrolmentView View { get; private set; } = null!;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Next { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var pending = await pendingSignIns.ReadAsync(HttpContext, ct);
        if (pending is null || !pending.Enrol)
        {
            return LocalRedirect(pending is null ? "/login" : "/login/mfa");
        }

        Prepare(pending.User, Authenticator.NewSecret(), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var pending = await pendingSignIns.ReadAsync(HttpContext, ct);
        if (pending is null || !pending.Enrol)
        {
            return LocalRedirect("/login");
        }

        var secret = authenticator.UnprotectForEnrolment(pending.User.Id, Enrolment);
        if (secret is null)
        {
            return LocalRedirect("/login/mfa/enrol");
        }

        var codes = await mfa.EnableAsync(pending.User, secret, Code, ct);
        if (codes is null)
        {
            Prepare(pending.User, secret, strings["Enrol.Wrong"]);
            return Page();
        }

        PendingSignIns.Clear(HttpContext);
        await complete.HandleAsync(pending.User, pending.Remember, HttpContext, ct);
        RecoveryCodes = codes;
        Next = LocalUrl.OrHome(pending.ReturnUrl);
        return Page();
    }

    private void Prepare(User user, string secret, string? error)
    {
        FirstName = user.FirstName;
        View = new MfaEnrolmentView(
            Authenticator.QrDataUri(Authenticator.OtpAuthUri(user.Login, secret)), Authenticator.Grouped(secret),
            authenticator.ProtectForEnrolment(user.Id, secret), "/login/mfa/enrol", error);
    }
}
