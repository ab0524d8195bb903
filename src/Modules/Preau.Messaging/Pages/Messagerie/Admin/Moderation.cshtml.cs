using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Messaging.Pages.Messagerie.Admin;

/// <summary>
/// Where the mass-send notification leads (/messagerie/moderation): the moderation page of the
/// one school the person administers, or the list of theirs; the SuperAdmin goes to the console.
/// </summary>
public sealed class ModerationModel(CurrentUser currentUser, PreauDbContext db) : PageModel
{
    public IReadOnlyList<(Guid Id, string Name)> Schools { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var ids = me.Functions.Where(f => f.Function == Function.LocalAdmin && f.StructureId is not null).Select(f => f.StructureId!.Value).Distinct().ToList();
        if (ids.Count == 1)
        {
            return Redirect(QueueModel.PageUrl(ids[0]));
        }

        if (ids.Count == 0)
        {
            return me.IsSuperAdmin ? Redirect("/admin") : NotFound();
        }

        var rows = await db.Structures.AsNoTracking().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        Schools = [.. rows.OrderBy(r => r.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).Select(r => (r.Id, r.Name))];
        return Page();
    }
}
