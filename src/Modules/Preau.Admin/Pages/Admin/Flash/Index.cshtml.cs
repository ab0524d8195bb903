using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Flash.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Flash;

/// <summary>The flash messages an administrator posted or may change: current, scheduled, past.</summary>
public sealed class IndexModel(CurrentUser currentUser, ManageFlashMessages manage) : PageModel
{
    public IReadOnlyList<ManageFlashMessages.Message> Messages { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await manage.ListAsync(await currentUser.RequireAsync(ct), ct);
        if (list is null)
        {
            return NotFound();
        }

        Messages = list;
        return Page();
    }
}
