using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;
using Preau.Provisioning.Features;

namespace Preau.Provisioning.Pages.Admin.Structures;

/// <summary>The school-year rollover: what will happen, then a confirm button.</summary>
public sealed class RolloverModel(CurrentUser currentUser, Rollover rollover) : PageModel
{
    public Rollover.Preview? Preview { get; private set; }

    public Rollover.Result.Done? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid structureId, int? done, CancellationToken ct)
    {
        Preview = await rollover.PreviewAsync(await currentUser.RequireAsync(ct), structureId, ct);
        if (Preview is null)
        {
            return NotFound();
        }

        if (done is not null)
        {
            Done = new Rollover.Result.Done(Preview.FromYear - 1, Preview.FromYear, done.Value, 0);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid structureId, CancellationToken ct) =>
        await rollover.HandleAsync(await currentUser.RequireAsync(ct), structureId, ct) switch
        {
            Rollover.Result.Done done => Redirect($"/admin/structures/{structureId}/rollover?done={done.ClassesArchived}"),
            Rollover.Result.TooEarly => Redirect($"/admin/structures/{structureId}/rollover"),
            _ => NotFound(),
        };
}
