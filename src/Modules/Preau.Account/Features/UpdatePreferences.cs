using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Localization;
using Preau.Platform.Persistence;
using Preau.Platform.Security;
using Preau.Platform.Theming;

namespace Preau.Account.Features;

/// <summary>
/// Language and display options. Saved on the account when someone is signed in, and always
/// mirrored in cookies so the very next page (and the login page) honours them.
/// </summary>
public sealed class UpdatePreferences(PreauDbContext db)
{
    public sealed record Request(string? Language, ColorScheme? Scheme, bool? HighContrast, bool? DyslexiaFont);

    public async Task HandleAsync(Request request, HttpContext http, CancellationToken ct)
    {
        var userId = http.User.GetUserId();
        var user = userId is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        var display = user is null
            ? DisplaySettings.FromCookie(http.Request)
            : new DisplayPreferences(user.ColorScheme, user.HighContrast, user.DyslexiaFont);
        display = new DisplayPreferences(
            request.Scheme is { } s && Enum.IsDefined(s) ? s : display.Scheme,
            request.HighContrast ?? display.HighContrast,
            request.DyslexiaFont ?? display.DyslexiaFont);

        if (request.Language is not null)
        {
            var language = LocalizationSetup.Normalize(request.Language);
            LocalizationSetup.WriteCookie(http.Response, language);
            if (user is not null)
            {
                user.Language = language;
            }
        }

        if (user is not null)
        {
            user.ColorScheme = display.Scheme;
            user.HighContrast = display.HighContrast;
            user.DyslexiaFont = display.DyslexiaFont;
            await db.SaveChangesAsync(ct);
        }

        DisplaySettings.WriteCookie(http.Response, display);
    }
}
