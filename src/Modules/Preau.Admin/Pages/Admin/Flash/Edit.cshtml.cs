using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Preau.Admin.Flash.Features;
using Preau.Admin.Flash.Resources;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Flash;

/// <summary>Changing or deleting a flash message.</summary>
public sealed class EditModel(CurrentUser currentUser, ManageFlashMessages manage, TimeProvider clock, IStringLocalizer<FlashAdminStrings> f)
    : FlashFormModel(currentUser, manage, clock, f)
{
    public ManageFlashMessages.Message Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }

        Fill(Message);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ? await PreviewAsync(ct) : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await FindAsync(id, ct))
        {
            return NotFound();
        }

        return await AfterAsync(await Manage.UpdateAsync(await CurrentUser.RequireAsync(ct), id, Draft(), ct), "updated", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var outcome = await Manage.DeleteAsync(await CurrentUser.RequireAsync(ct), id, ct);
        return outcome.Found ? Redirect("/admin/flash?done=deleted") : NotFound();
    }

    private async Task<bool> FindAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || await Manage.GetAsync(await CurrentUser.RequireAsync(ct), id, ct) is not { } message)
        {
            return false;
        }

        Message = message;
        return true;
    }
}
