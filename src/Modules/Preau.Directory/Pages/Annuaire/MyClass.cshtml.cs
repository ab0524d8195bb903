using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Platform.Security;

namespace Preau.Directory.Pages.Annuaire;

/// <summary>"Ma classe" from the launcher: the person's class in the school they are looking at.</summary>
public sealed class MyClassModel(CurrentUser currentUser) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var school = currentUser.CurrentStructure(me);
        var mine = me.Classes.FirstOrDefault(c => c.StructureId == school?.Id) ?? (me.Classes.Count > 0 ? me.Classes[0] : null);
        return mine is null ? NotFound() : LocalRedirect($"/annuaire/classes/{mine.Id}");
    }
}
