using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>The people imports detached from the structure, each with a restore button, until the grace period ends.</summary>
public sealed class DetachedModel(CurrentUser currentUser, ListDetached list, RestorePerson restore) : PageModel
{
    public ListDetached.Result? Result { get; private set; }

    public string? Restored { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid structureId, string? restored, CancellationToken ct)
    {
        Result = await list.HandleAsync(await currentUser.RequireAsync(ct), structureId, ct);
        Restored = restored;
        return Result is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid structureId, Guid userId, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        var before = await list.HandleAsync(user, structureId, ct);
        if (before is null)
        {
            return NotFound();
        }

        var name = before.People.FirstOrDefault(p => p.Id == userId)?.DisplayName;
        return await restore.HandleAsync(user, structureId, userId, ct)
            ? Redirect($"/admin/structures/{structureId}/detached?restored={Uri.EscapeDataString(name ?? "")}")
            : NotFound();
    }
}
