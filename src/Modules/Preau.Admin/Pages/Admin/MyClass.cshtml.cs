using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Features;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

/// <summary>"Ma classe": the classes a ClassAdmin manages, their pupils and parents, a new code for a pupil, the class's sheets.</summary>
public sealed class MyClassModel(CurrentUser currentUser, ViewClass viewClass) : PageModel
{
    public IReadOnlyList<ViewClass.ClassDetail> Classes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        var ids = user.Functions.Where(f => f.Function == Function.ClassAdmin && f.ClassId is not null).Select(f => f.ClassId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return NotFound();
        }

        var classes = new List<ViewClass.ClassDetail>();
        foreach (var id in ids)
        {
            if (await viewClass.HandleAsync(user, id, ct) is { } detail)
            {
                classes.Add(detail);
            }
        }

        Classes = [.. classes.OrderBy(c => c.Name, StringComparer.Ordinal)];
        return Page();
    }
}
