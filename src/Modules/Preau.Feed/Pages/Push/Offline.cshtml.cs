using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Feed.Push;
using Preau.Feed.Resources;

namespace Preau.Feed.Pages.Push;

/// <summary>
/// The page the service worker shows when a navigation fails. It is kept in the browser's cache,
/// so it holds nothing personal and no layout of the signed-in person, and speaks both languages
/// (the person's language is not known offline).
/// </summary>
[AllowAnonymous]
public sealed class OfflineModel(IStringLocalizer<PushStrings> strings) : PageModel
{
    public sealed record Words(string Language, string Title, string Text, string Retry);

    public IReadOnlyList<Words> Languages { get; private set; } = [];

    public void OnGet()
    {
        Languages = [In("fr-FR", "fr"), In("en-GB", "en")];
        Response.Headers.CacheControl = "no-cache";
    }

    private Words In(string culture, string language) =>
        InCulture.Run(culture, () => new Words(language, strings["Offline.Title"], strings["Offline.Text"], strings["Offline.Retry"]));
}
