using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Account.Features;
using Preau.Account.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Localization;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Account.Pages;

/// <summary>
/// Activation in two steps: the sheet's login and code, then a password, optional contact details
/// and the charter. Between the steps (and from the login page) the checked code travels in a
/// protected ticket, never in a URL.
/// </summary>
[AllowAnonymous]
public sealed class ActivateModel(ActivateAccount activate, ActivateTicket tickets, IStringLocalizer<ActivationStrings> strings) : PageModel
{
    [BindProperty]
    public string? Login { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Ticket { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public bool AcceptCharter { get; set; }

    /// <summary>Set once the code is checked: the page shows the second step.</summary>
    public ActivateAccount.PendingAccount? Account { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<PasswordPolicy.Rule> BrokenRules { get; private set; } = [];

    public bool BadEmail { get; private set; }

    public bool BadPhone { get; private set; }

    public bool CharterNotAccepted { get; private set; }

    public NewPasswordForm PasswordForm => new(nameof(Password), nameof(Confirmation),
        Account is null ? [] : [Account.Login, Account.DisplayName], BrokenRules);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (tickets.TakeHandOff(HttpContext) is { } handedOver)
        {
            // Typed as a password on the login page: checked again here, like any code.
            return await CheckAsync(handedOver.Login, handedOver.Code, ct);
        }

        Login = Request.Query["login"].FirstOrDefault() is { Length: <= 254 } login ? login : null;
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Login) || string.IsNullOrWhiteSpace(Code))
        {
            return Refuse(strings["Activate.Error.Missing"], StatusCodes.Status400BadRequest);
        }

        return await CheckAsync(Login, Code, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (tickets.Unprotect(Ticket) is not { } ticket)
        {
            return Refuse(strings["Activate.Error.Expired"], StatusCodes.Status400BadRequest);
        }

        var result = await activate.HandleAsync(new ActivateAccount.Request(
            ticket.Login, ticket.Code, Password, Confirmation, Email, Phone, AcceptCharter), HttpContext, ct);
        switch (result)
        {
            case ActivateAccount.Result.Success success:
                await HttpContext.SignInAsync(PreauClaims.Scheme, success.Principal, new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
                if (success.User.Language is { } language)
                {
                    LocalizationSetup.WriteCookie(Response, language);
                }

                DisplaySettings.WriteCookie(Response, new DisplayPreferences(success.User.ColorScheme, success.User.HighContrast, success.User.DyslexiaFont));
                return LocalRedirect("/");
            case ActivateAccount.Result.Invalid invalid:
                Account = invalid.Account;
                Login = ticket.Login;
                BrokenRules = invalid.PasswordRules;
                BadEmail = invalid.BadEmail;
                BadPhone = invalid.BadPhone;
                CharterNotAccepted = invalid.CharterNotAccepted;
                Error = strings["Activate.Error.Form"];
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            case ActivateAccount.Result.Held held:
                return Held(held.RetryAfter);
            default:
                Login = ticket.Login;
                return Refuse(strings["Activate.Error.Refused"], StatusCodes.Status400BadRequest);
        }
    }

    private async Task<IActionResult> CheckAsync(string login, string code, CancellationToken ct)
    {
        switch (await activate.CheckAsync(login, code, HttpContext, ct))
        {
            case ActivateAccount.CheckResult.Valid valid:
                Account = valid.Account;
                Login = valid.Account.Login;
                Email = valid.Account.Email;
                Phone = valid.Account.Phone;
                Ticket = tickets.Protect(valid.Account.Login, code);
                ModelState.Clear();
                return Page();
            case ActivateAccount.CheckResult.Held held:
                return Held(held.RetryAfter);
            default:
                Login = login;
                return Refuse(strings["Activate.Error.Refused"], StatusCodes.Status400BadRequest);
        }
    }

    private PageResult Held(TimeSpan retryAfter)
    {
        Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Refuse(strings["Activate.Error.Held", Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))], StatusCodes.Status429TooManyRequests);
    }

    private PageResult Refuse(string message, int status)
    {
        Account = null;
        Code = null;
        Error = message;
        Response.StatusCode = status;
        return Page();
    }
}
