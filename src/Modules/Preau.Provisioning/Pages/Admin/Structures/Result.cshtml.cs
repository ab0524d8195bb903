using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>What the import did, with a link to the connection sheets of each class it touched.</summary>
public sealed class ResultModel(CurrentUser currentUser, ImportStatus status) : PageModel
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
            ImportState.Queued or ImportState.Running => Redirect($"/admin/structures/{structureId}/import/{importId}/progress"),
            _ => Page(),
        };
    }
}
