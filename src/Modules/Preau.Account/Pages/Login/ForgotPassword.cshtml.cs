using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Account.Features.Recovery;
using Preau.Account.Resources;

namespace Preau.Account.Pages.Login;

[AllowAnonymous]
public sealed class ForgotPasswordModel(RequestPasswordReset reset, IStringLocalizer<SecurityStrings> strings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    public bool Sent { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await reset.HandleAsync(Login, HttpContext, ct))
        {
            case RequestPasswordReset.Result.Sent:
                Sent = true;
                break;
            case RequestPasswordReset.Result.Held held:
                Error = strings["Recovery.Held", ForgotLoginModel.Minutes(held.RetryAfter)];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                Error = strings["Recovery.LoginNeeded"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        return Page();
    }
}
