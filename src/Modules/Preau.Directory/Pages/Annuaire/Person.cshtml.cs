using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Directory.Features;
using Preau.Platform.Security;

namespace Preau.Directory.Pages.Annuaire;

/// <summary>A person's card; 404 for anyone the viewer does not reach.</summary>
public sealed class PersonModel(CurrentUser currentUser, ViewPerson view) : PageModel
{
    public ViewPerson.Card Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct) is not { } card)
        {
            return NotFound();
        }

        Card = card;
        return Page();
    }
}
