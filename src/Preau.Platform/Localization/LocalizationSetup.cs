using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Preau.Platform.Security;

namespace Preau.Platform.Localization;

/// <summary>French first, English complete. The person's choice is a cookie, then the browser's language.</summary>
public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("fr-FR"), new("en-GB")];

    // Browsers send "en-US", "en", "fr-BE"…: falling back to the parent culture, they reach the
    // neutral "en" or "fr", which must be supported too, or they would all be answered in French.
    private static readonly CultureInfo[] Accepted = [.. Cultures, new("fr"), new("en")];

    public static IServiceCollection AddPreauLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("fr-FR");
            options.SupportedCultures = Accepted;
            options.SupportedUICultures = Accepted;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 3 },
            ];
        });
        return services;
    }

    /// <summary>"fr" or "en" from anything the person may send; French when unknown.</summary>
    public static string Normalize(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "fr";

    public static void WriteCookie(HttpResponse response, string language)
    {
        var culture = Normalize(language) == "en" ? "en-GB" : "fr-FR";
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            LoopbackAwareCookieBuilder.Preference(response.HttpContext));
    }
}
