using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Preau.Account.Features;
using Preau.Account.Resources;
using Preau.Account.Security;
using Preau.Platform.Kernel;
using Preau.Platform.Localization;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Account.Pages;

[AllowAnonymous]
public sealed class LoginModel(SignInWithPassword signIn, IStringLocalizer<AccountStrings> strings, PendingSignIns pending) : PageModel
{
    public sealed class LoginInput
    {
        public string? Login { get; set; }
        public string? Password { get; set; }
        public bool Remember { get; set; }
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Login) || string.IsNullOrEmpty(Input.Password))
        {
            Error = strings["Login.Error.Missing"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await signIn.HandleAsync(new SignInWithPassword.Request(Input.Login, Input.Password, Input.Remember), HttpContext, ct);
        switch (result)
        {
            case SignInWithPassword.Result.Success success:
                await HttpContext.SignInAsync(PreauClaims.Scheme, success.Principal, new AuthenticationProperties
                {
                    IsPersistent = Input.Remember,
                    AllowRefresh = true,
                });
                if (success.User.Language is { } language)
                {
                    LocalizationSetup.WriteCookie(Response, language);
                }

                DisplaySettings.WriteCookie(Response, new DisplayPreferences(success.User.ColorScheme, success.User.HighContrast, success.User.DyslexiaFont));
                return LocalRedirect(SafeReturnUrl);
            case SignInWithPassword.Result.Held held:
                Error = strings["Login.Error.Held", Math.Max(1, (int)Math.Ceiling(held.RetryAfter.TotalMinutes))];
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(held.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Page();
            case SignInWithPassword.Result.NotActivated:
                Error = strings["Login.Error.NotActivated"];
                return Page();
            case SignInWithPassword.Result.Blocked:
                Error = strings["Login.Error.Blocked"];
                return Page();
            case SignInWithPassword.Result.ActivationCode activation:
                HttpContext.RequestServices.GetRequiredService<ActivateTicket>().HandOff(Response, activation.Login, activation.Code);
                return LocalRedirect("/activate");
            case SignInWithPassword.Result.MfaRequired second:
                // No session yet: the second factor, then home (or where the person was going).
                pending.Write(HttpContext, second.User, Input.Remember, SafeReturnUrl, enrol: false);
                return LocalRedirect("/login/mfa");
            case SignInWithPassword.Result.MfaEnrolmentRequired enrol:
                pending.Write(HttpContext, enrol.User, Input.Remember, SafeReturnUrl, enrol: true);
                return LocalRedirect("/login/mfa/enrol");
            default:
                Error = strings["Login.Error.Wrong"];
                return Page();
        }
    }

    private string SafeReturnUrl => LocalUrl.OrHome(ReturnUrl);
}
