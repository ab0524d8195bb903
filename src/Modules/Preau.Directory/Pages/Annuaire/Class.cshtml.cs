using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Directory.Features;
using Preau.Platform.Security;

namespace Preau.Directory.Pages.Annuaire;

/// <summary>A class's page for its members: teachers first, then pupils; a picture grid in the 1st degree.</summary>
public sealed class ClassModel(CurrentUser currentUser, ViewClassPage view) : PageModel
{
    public ViewClassPage.ClassPage ClassPage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is not { } page)
        {
            return NotFound();
        }

        ClassPage = page;
        return Page();
    }
}
