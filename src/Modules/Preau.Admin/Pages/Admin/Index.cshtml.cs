using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

public sealed class IndexModel(CurrentUser currentUser, ListStructures list) : PageModel
{
    public ListStructures.Result? Result { get; private set; }

    public bool IsSuperAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? page, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        IsSuperAdmin = user.IsSuperAdmin;
        Result = await list.HandleAsync(user, page ?? 1, ct);
        return Result is null ? NotFound() : Page();
    }
}
