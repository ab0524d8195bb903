using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Authorization;
using Preau.Admin.Features;
using Preau.Admin.Features.Structures;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

public sealed class ClassModel(CurrentUser currentUser, ViewClass viewClass, SaveClass saveClass, IStringLocalizer<AdminStrings> s) : PageModel
{
    public ViewClass.ClassDetail? Detail { get; private set; }

    public string BackUrl { get; private set; } = "/admin";

    /// <summary>The school's administrator (not only the class's ClassAdmin): may rename the class and open each person's page.</summary>
    public bool CanManage { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, ClassLevel level, CancellationToken ct)
    {
        var outcome = await saveClass.UpdateAsync(await currentUser.RequireAsync(ct), id, new SaveClass.Request(name, level), ct);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Error = string.Join(" ", errors.Values.SelectMany(k => k).Select(k => s[k].Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/admin/classes/{id}?done=saved");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        Detail = await viewClass.HandleAsync(user, id, ct);
        BackUrl = Detail is not null && user.IsLocalAdminOf(Detail.StructureId) ? $"/admin/structures/{Detail.StructureId}"
            : AdminScope.AdministersAnyStructure(user) ? "/admin" : "/";
        CanManage = Detail is not null && user.IsLocalAdminOf(Detail.StructureId);
        return Detail is not null;
    }
}
