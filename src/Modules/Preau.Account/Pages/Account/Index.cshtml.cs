using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Account.Features.Recovery;
using Preau.Account.Resources;
using Preau.Account.Security;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Account.Pages.Account;

public sealed class IndexModel(
    CurrentUser currentUser, PreauDbContext db, Mfa mfa, TrustedDevices trustedDevices, ChangePassword changePassword,
    IStringLocalizer<SecurityStrings> security) : PageModel
{
    public UserContext Me { get; private set; } = null!;

    public string? Email { get; private set; }

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    /// <summary>What the security section says after a change (a key of SecurityStrings).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RecoveryCodeUsed { get; set; }

    public SecurityView Security { get; private set; } = null!;

    public string? PasswordError { get; private set; }

    public IReadOnlyList<PasswordPolicy.Rule> PasswordRules { get; private set; } = [];

    /// <summary>The shared new-password fields, with the person's login and names as words to avoid.</summary>
    public NewPasswordForm PasswordForm => new("password", "confirmation", [Me.Login, Me.FirstName, Me.LastName], PasswordRules);

    public string? MfaError { get; private set; }

    public sealed record SecurityView(bool MfaEnabled, bool MfaRequired, bool MfaOffered, int RecoveryCodesLeft, IReadOnlyList<TrustedDevices.Device> Devices);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? current, string? password, string? confirmation, CancellationToken ct)
    {
        var result = await changePassword.HandleAsync(new ChangePassword.Request(current, password, confirmation), HttpContext, ct);
        switch (result)
        {
            case ChangePassword.Result.Done:
                return LocalRedirect("/account?done=password#security");
            case ChangePassword.Result.Weak weak:
                PasswordRules = weak.Rules;
                PasswordError = security["Password.Rejected"];
                break;
            case ChangePassword.Result.Held held:
                PasswordError = security["Recovery.HeldCodes", Math.Max(1, (int)Math.Ceiling(held.RetryAfter.TotalMinutes))];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                PasswordError = security["Password.WrongCurrent"];
                break;
        }

        if (Response.StatusCode == StatusCodes.Status200OK)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableMfaAsync(string? code, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        if (await mfa.IsRequiredAsync(me.Id, ct) || !await mfa.IsEnabledAsync(me.Id, ct))
        {
            return NotFound();
        }

        var user = await db.Users.FirstAsync(u => u.Id == me.Id, ct);
        var (check, retryAfter) = await mfa.CheckAsync(user, code, ct);
        if (check is SecondFactorCheck.Accepted or SecondFactorCheck.AcceptedRecoveryCode)
        {
            await mfa.DisableAsync(user, "mfa.disable", null, ct);
            return LocalRedirect("/account?done=mfa-off#security");
        }

        MfaError = check == SecondFactorCheck.Held
            ? security["Mfa.Held", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))]
            : security["Mfa.Wrong"];
        Response.StatusCode = check == SecondFactorCheck.Held ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeDeviceAsync(Guid? device, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        if (device is { } id)
        {
            await trustedDevices.RevokeAsync(me.Id, id, ct);
        }
        else
        {
            await trustedDevices.RevokeAllAsync(me.Id, ct);
        }

        return LocalRedirect("/account?done=devices#security");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = await currentUser.RequireAsync(ct);
        Email = await db.Users.AsNoTracking().Where(u => u.Id == Me.Id).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var enabled = await mfa.IsEnabledAsync(Me.Id, ct);
        Security = new SecurityView(
            enabled, await mfa.IsRequiredAsync(Me.Id, ct), Mfa.IsOffered(Me.Profile),
            enabled ? await mfa.RecoveryCodesLeftAsync(Me.Id, ct) : 0,
            enabled ? await trustedDevices.ListAsync(Me.Id, HttpContext, ct) : []);
    }
}
