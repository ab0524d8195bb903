using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Account.Features.Recovery;
using Preau.Account.Resources;

namespace Preau.Account.Pages.Login;

[AllowAnonymous]
public sealed class ForgotLoginModel(RequestLoginReminder remind, IStringLocalizer<SecurityStrings> strings) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await remind.HandleAsync(Email, HttpContext, ct))
        {
            case RequestLoginReminder.Result.Sent:
                Sent = true;
                break;
            case RequestLoginReminder.Result.Held held:
                Error = strings["Recovery.Held", Minutes(held.RetryAfter)];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                Error = strings["Recovery.EmailNeeded"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        return Page();
    }

    internal static int Minutes(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
}
