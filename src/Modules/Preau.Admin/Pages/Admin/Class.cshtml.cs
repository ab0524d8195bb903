using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Authorization;
using Preau.Admin.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

public sealed class ClassModel(CurrentUser currentUser, ViewClass viewClass) : PageModel
{
    public ViewClass.ClassDetail? Detail { get; private set; }

    public string BackUrl { get; private set; } = "/admin";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var user = await currentUser.RequireAsync(ct);
        Detail = await viewClass.HandleAsync(user, id, ct);
        BackUrl = AdminScope.AdministersAnyStructure(user) ? "/admin" : "/";
        return Detail is null ? NotFound() : Page();
    }
}
