using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Account.Features.Recovery;
using Preau.Account.Resources;
using Preau.Platform.Security;

namespace Preau.Account.Pages.Login;

[AllowAnonymous]
public sealed class ResetModel(ResetPassword reset, IStringLocalizer<SecurityStrings> strings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Login { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public bool Done { get; private set; }

    public bool LinkExpired { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<PasswordPolicy.Rule> Rules { get; private set; } = [];

    /// <summary>The shared new-password fields; the login, when typed, is a word the password must not lean on.</summary>
    public NewPasswordForm PasswordForm => new("Password", "Confirmation", string.IsNullOrWhiteSpace(Login) ? [] : [Login], Rules);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Token = string.IsNullOrEmpty(Token) ? null : Token;
        LinkExpired = Token is not null && !await reset.IsLinkValidAsync(Token, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Token = string.IsNullOrEmpty(Token) ? null : Token;
        var result = await reset.HandleAsync(new ResetPassword.Request(Token, Login, Code, Password, Confirmation), HttpContext, ct);
        switch (result)
        {
            case ResetPassword.Result.Done:
                Done = true;
                break;
            case ResetPassword.Result.Weak weak:
                Rules = weak.Rules;
                Error = strings["Password.Rejected"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case ResetPassword.Result.Held held:
                Error = strings["Recovery.HeldCodes", ForgotLoginModel.Minutes(held.RetryAfter)];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                break;
            default:
                LinkExpired = Token is not null;
                Error = strings["Reset.Invalid"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }

        return Page();
    }
}
