using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>The import runs in the background: a progress bar that a small script keeps up to date.</summary>
public sealed class ProgressModel(CurrentUser currentUser, ImportStatus status) : PageModel
{
    public ImportStatus.Status? Status { get; private set; }

    public Guid StructureId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid structureId, Guid importId, CancellationToken ct)
    {
        StructureId = structureId;
        Status = await status.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, ct);
        if (Status is null)
        {
            return NotFound();
        }

        return Status.State switch
        {
            ImportState.Uploaded => Redirect($"/admin/structures/{structureId}/import/{importId}"),
            ImportState.Done or ImportState.Failed => Redirect($"/admin/structures/{structureId}/import/{importId}/result"),
            _ => Page(),
        };
    }
}
