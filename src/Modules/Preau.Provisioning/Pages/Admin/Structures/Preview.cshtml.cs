using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;
using Preau.Provisioning.Domain;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>The preview: counts first, then who is created, updated, moved, detached, and every rejected line; confirm applies.</summary>
public sealed class PreviewModel(CurrentUser currentUser, PreviewImport preview, StartImport start) : PageModel
{
    public const int Shown = 50;

    public PreviewImport.Preview? Preview { get; private set; }

    public StartImport.Result? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid structureId, Guid importId, CancellationToken ct)
    {
        Preview = await preview.HandleAsync(await currentUser.RequireAsync(ct), structureId, importId, ct);
        if (Preview is null)
        {
            return NotFound();
        }

        return Preview.File.State switch
        {
            ImportState.Uploaded when Preview.File.MissingFields.Count > 0 => Redirect($"/admin/structures/{structureId}/import/{importId}/mapping"),
            ImportState.Uploaded => Page(),
            ImportState.Queued or ImportState.Running => Redirect($"/admin/structures/{structureId}/import/{importId}/progress"),
            _ => Redirect($"/admin/structures/{structureId}/import/{importId}/result"),
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid structureId, Guid importId, bool detachAbsent, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        var result = await start.HandleAsync(user, structureId, importId, detachAbsent, ct);
        switch (result)
        {
            case StartImport.Result.Started or StartImport.Result.AlreadyApplied:
                return Redirect($"/admin/structures/{structureId}/import/{importId}/progress");
            case StartImport.Result.MissingFields:
                return Redirect($"/admin/structures/{structureId}/import/{importId}/mapping");
            case StartImport.Result.NotFound:
                return NotFound();
            default:
                Refused = result;
                Preview = await preview.HandleAsync(user, structureId, importId, ct);
                return Preview is null ? NotFound() : Page();
        }
    }
}
