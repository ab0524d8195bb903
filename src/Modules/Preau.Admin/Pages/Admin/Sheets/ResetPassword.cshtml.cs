using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Sheets.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Sheets;

/// <summary>
/// /admin/users/{id}/reset-password: confirm, then the new code shown once with its one-page
/// sheet. The sheet's download carries the code in a protected, short-lived ticket, so the
/// server keeps no plain code and printing issues no second one.
/// </summary>
public sealed class ResetPasswordModel(CurrentUser currentUser, ResetPassword reset, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(30);

    private IDataProtector Protector => protection.CreateProtector("Preau.Admin.ResetSheet.v1");

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Ticket { get; set; }

    public ResetPassword.Target? Target { get; private set; }

    public ResetPassword.Result.Done? Done { get; private set; }

    public bool Unavailable { get; private set; }

    public bool SheetExpired { get; private set; }

    public string BackUrl => ReturnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/admin";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Target = await reset.FindAsync(await currentUser.RequireAsync(ct), id, ct);
        Unavailable = Target is { } t && (t.Detached || t.State == Platform.Directory.Domain.AccountState.Blocked);
        return Target is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        switch (await reset.HandleAsync(await currentUser.RequireAsync(ct), id, ct))
        {
            case ResetPassword.Result.Done done:
                Target = done.Target;
                Done = done;
                Ticket = Protector.Protect(string.Join('\n', id.ToString(), done.Code, (clock.GetUtcNow() + TicketLifetime).UtcTicks.ToString(CultureInfo.InvariantCulture)));
                // The code is on this page: no cache may keep it.
                Response.Headers.CacheControl = "no-store";
                return Page();
            case ResetPassword.Result.Unavailable unavailable:
                Target = unavailable.Target;
                Unavailable = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostSheetAsync(Guid id, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        if (ReadTicket(id) is { } code && await reset.SheetAsync(me, id, code, ct) is { } sheet)
        {
            return File(sheet.Pdf, "application/pdf", sheet.FileName);
        }

        Target = await reset.FindAsync(me, id, ct);
        if (Target is null)
        {
            return NotFound();
        }

        SheetExpired = true;
        Response.StatusCode = StatusCodes.Status410Gone;
        return Page();
    }

    private string? ReadTicket(Guid id)
    {
        try
        {
            var parts = Ticket is { Length: < 2048 } ticket ? Protector.Unprotect(ticket).Split('\n') : [];
            return parts.Length == 3 && parts[0] == id.ToString()
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expiry) && expiry > clock.GetUtcNow().UtcTicks
                ? parts[1]
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
