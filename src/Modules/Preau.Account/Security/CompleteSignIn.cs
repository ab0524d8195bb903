using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Preau.Platform.Directory.Domain;
using Preau.Platform.Kernel;
using Preau.Platform.Localization;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Account.Security;

/// <summary>Opens the session once every factor is checked: the session cookie, then the person's language and display cookies.</summary>
public sealed class CompleteSignIn(Sessions sessions)
{
    public async Task HandleAsync(User user, bool remember, HttpContext http, CancellationToken ct)
    {
        var principal = await sessions.StartAsync(user, remember, http, ct);
        await http.SignInAsync(PreauClaims.Scheme, principal, new AuthenticationProperties { IsPersistent = remember, AllowRefresh = true });
        if (user.Language is { } language)
        {
            LocalizationSetup.WriteCookie(http.Response, language);
        }

        DisplaySettings.WriteCookie(http.Response, new DisplayPreferences(user.ColorScheme, user.HighContrast, user.DyslexiaFont));
    }
}
