using Microsoft.AspNetCore.Http;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Platform.Theming;

/// <summary>
/// Display preferences live on the account; a cookie mirrors them so that pages shown before
/// sign-in (login, errors) honour them too.
/// </summary>
public static class DisplaySettings
{
    public const string Cookie = "preau-display";

    public static DisplayPreferences FromCookie(HttpRequest request)
    {
        var raw = request.Cookies[Cookie];
        if (string.IsNullOrEmpty(raw))
        {
            return DisplayPreferences.Default;
        }

        var parts = raw.Split('.');
        var scheme = parts.Length > 0 && Enum.TryParse<ColorScheme>(parts[0], ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : ColorScheme.Auto;
        return new DisplayPreferences(scheme, parts.Contains("contrast"), parts.Contains("dyslexia"));
    }

    public static void WriteCookie(HttpResponse response, DisplayPreferences display)
    {
        var value = display.Scheme.ToString().ToLowerInvariant()
            + (display.HighContrast ? ".contrast" : "")
            + (display.DyslexiaFont ? ".dyslexia" : "");
        response.Cookies.Append(Cookie, value, LoopbackAwareCookieBuilder.Preference(response.HttpContext));
    }

    /// <summary>The classes on &lt;html&gt; that select the interface and display options in CSS.</summary>
    public static string CssClasses(Degree degree, DisplayPreferences display) =>
        string.Join(' ', new[]
        {
            degree == Degree.First ? "degree-1" : "degree-2",
            display.Scheme switch { ColorScheme.Light => "scheme-light", ColorScheme.Dark => "scheme-dark", _ => "scheme-auto" },
            display.HighContrast ? "high-contrast" : null,
            display.DyslexiaFont ? "dyslexia" : null,
        }.Where(c => c is not null));
}
