using Microsoft.AspNetCore.Mvc;
using Preau.News.Features.Home;
using Preau.Platform.Rights;
using Preau.Platform.Theming;

namespace Preau.News.Pages.Actualites;

/// <summary>
/// The home page's "À la une": the current headlines of the school shown, from the threads the
/// person reads. The portal draws it with <c>@await Component.InvokeAsync("NewsHome")</c>; it
/// draws nothing (and asks nothing of the database, the school's list being in memory) when there
/// is no headline for the person.
/// </summary>
public sealed class NewsHomeViewComponent(Shell shell, Headlines headlines, AppRights rights) : ViewComponent
{
    public sealed record Model(IReadOnlyList<Headline> Headlines, bool Young);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var view = await shell.GetAsync(ct);
        if (view.User is not { } me || view.School is not { } school)
        {
            return Content("");
        }

        var found = await headlines.ForAsync(me.Id, school.Id, ct);
        // The rights are in memory (the launcher read them); a school that closed the application shows nothing.
        return found.Count == 0 || !await rights.HoldsAsync(me, NewsModule.AccessRight, ct)
            ? Content("")
            : View("/Pages/Actualites/_Home.cshtml", new Model(found, view.IsYoungPupil));
    }
}
