using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

/// <summary>The classes a ClassAdmin manages; with one class, straight to it.</summary>
public sealed class MyClassModel(CurrentUser currentUser, PreauDbContext db) : PageModel
{
    public IReadOnlyList<ClassRef> Classes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        var ids = user.Functions.Where(f => f.Function == Function.ClassAdmin && f.ClassId is not null).Select(f => f.ClassId!.Value).ToList();
        if (ids.Count == 0)
        {
            return NotFound();
        }

        Classes = await db.Classes.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new ClassRef(c.Id, c.StructureId, c.Name, c.Level)).ToListAsync(ct);
        return Classes.Count == 1 ? LocalRedirect($"/admin/classes/{Classes[0].Id}") : Page();
    }
}
