using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Feed.Features.FeedReading;
using Preau.Platform.Security;

namespace Preau.Feed.Pages.Fil;

/// <summary>Opening an item: marked read, then on to where it leads; 404 when it is not one of the person's items.</summary>
public sealed class OpenModel(CurrentUser currentUser, FeedItemActions items) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var link = await items.OpenAsync((await currentUser.RequireAsync(ct)).Id, id, ct);
        if (link is null)
        {
            return NotFound();
        }

        // Modules link to pages of this site; anything else is not followed blindly.
        return Url.IsLocalUrl(link) ? LocalRedirect(link) : Redirect("/fil");
    }
}
