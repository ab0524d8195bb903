using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.Admin.Flash.Features;
using Preau.Admin.Flash.Resources;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Flash;

/// <summary>Posting a flash message.</summary>
public sealed class NewModel(CurrentUser currentUser, ManageFlashMessages manage, TimeProvider clock, IStringLocalizer<FlashAdminStrings> f)
    : FlashFormModel(currentUser, manage, clock, f)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Defaults();
        return Page();
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => PreviewAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        return await AfterAsync(await Manage.CreateAsync(await CurrentUser.RequireAsync(ct), Draft(), ct), "created", ct);
    }
}
