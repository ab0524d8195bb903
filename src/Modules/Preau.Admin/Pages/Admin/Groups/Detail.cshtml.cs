using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Preau.Admin.Features.Groups;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Persistence;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Groups;

/// <summary>A manual group: rename, delete, add a person of the school by login, take members out.</summary>
public sealed class DetailModel(CurrentUser currentUser, ViewGroup view, ManageGroups groups, PreauDbContext db, IStringLocalizer<AdminStrings> s) : PageModel
{
    public ViewGroup.Detail Group { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, CancellationToken ct) =>
        await AfterAsync(id, "renamed", await groups.RenameAsync(await currentUser.RequireAsync(ct), id, name, ct), ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var structureId = await db.Groups.Where(g => g.Id == id).Select(g => g.StructureId).FirstOrDefaultAsync(ct);
        var outcome = await groups.DeleteAsync(me, id, ct);
        return outcome.Found ? Redirect($"/admin/structures/{structureId}?done=group-deleted") : NotFound();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? login, CancellationToken ct)
    {
        var wanted = (login ?? "").Trim().ToLowerInvariant();
        var userId = wanted.Length == 0 ? null : await db.Users.Where(u => u.Login == wanted).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var outcome = userId is null
            ? Outcome.Invalid<Done>("Login", "Error.UnknownLogin")
            : await groups.AddMemberAsync(await currentUser.RequireAsync(ct), id, userId.Value, ct);
        return await AfterAsync(id, "added", outcome, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid userId, CancellationToken ct) =>
        await AfterAsync(id, "removed", await groups.RemoveMemberAsync(await currentUser.RequireAsync(ct), id, userId, ct), ct);

    private async Task<IActionResult> AfterAsync<T>(Guid id, string done, Outcome<T> outcome, CancellationToken ct)
    {
        if (outcome.Found && outcome.Errors is { } errors)
        {
            Error = string.Join(" ", errors.Values.SelectMany(k => k).Select(k => s[k].Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return outcome.Found ? Redirect($"/admin/groups/{id}?done={done}") : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var detail = await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct);
        Group = detail!;
        return detail is not null;
    }
}
