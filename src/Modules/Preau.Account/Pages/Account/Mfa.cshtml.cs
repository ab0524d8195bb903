using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Account.Resources;
using Preau.Account.Security;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Pages.Account;

/// <summary>Turning MFA on from the account page (adults): QR code, secret as text, first code, then the recovery codes once.</summary>
public sealed class MfaModel(PreauDbContext db, CurrentUser currentUser, Mfa mfa, Authenticator authenticator, IStringLocalizer<SecurityStrings> strings) : PageModel
{
    [BindProperty]
    public string? Enrolment { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public MfaEnrolmentView View { get; private set; } = null!;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await MeAsync(ct);
        if (user is null)
        {
            return NotFound();
        }

        if (await mfa.IsEnabledAsync(user.Id, ct))
        {
            return LocalRedirect("/account#security");
        }

        Prepare(user, Authenticator.NewSecret(), null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await MeAsync(ct);
        if (user is null)
        {
            return NotFound();
        }

        var secret = authenticator.UnprotectForEnrolment(user.Id, Enrolment);
        if (secret is null)
        {
            return LocalRedirect("/account/mfa");
        }

        RecoveryCodes = await mfa.EnableAsync(user, secret, Code, ct);
        if (RecoveryCodes is null)
        {
            Prepare(user, secret, strings["Enrol.Wrong"]);
        }

        return Page();
    }

    /// <summary>Renews the recovery codes (the old ones stop working) and shows the new ones once.</summary>
    public async Task<IActionResult> OnPostRenewAsync(CancellationToken ct)
    {
        var user = await MeAsync(ct);
        if (user is null || !await mfa.IsEnabledAsync(user.Id, ct))
        {
            return NotFound();
        }

        RecoveryCodes = await mfa.RenewRecoveryCodesAsync(user, ct);
        return Page();
    }

    private async Task<User?> MeAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        return Mfa.IsOffered(me.Profile) ? await db.Users.FirstAsync(u => u.Id == me.Id, ct) : null;
    }

    private void Prepare(User user, string secret, string? error) =>
        View = new MfaEnrolmentView(
            Authenticator.QrDataUri(Authenticator.OtpAuthUri(user.Login, secret)), Authenticator.Grouped(secret),
            authenticator.ProtectForEnrolment(user.Id, secret), "/account/mfa", error);
}
