using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Features.Groups;
using Preau.Admin.Features.Structures;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Structures;

/// <summary>A school's hub for its administrator: people, classes, groups, profile blocks, and the ways to the other tools.</summary>
public sealed class DetailModel(CurrentUser currentUser, ViewStructure view, SaveClass saveClass, ManageGroups groups, BlockProfile blockProfile, IStringLocalizer<AdminStrings> s,
    Moderation.Features.ModerationQueue moderation) : PageModel
{
    public ViewStructure.Detail Structure { get; private set; } = null!;

    /// <summary>Reported feed items waiting for a decision (the moderation queue).</summary>
    public int PendingReports { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    /// <summary>Which form failed ("class", "group" or "profile"), to show its error beside it.</summary>
    public string? ErrorForm { get; private set; }

    public string? ClassName { get; set; }

    public ClassLevel? ClassLevel { get; set; }

    public string? GroupName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostClassAsync(Guid id, string? name, ClassLevel level, CancellationToken ct)
    {
        (ClassName, ClassLevel) = (name, level);
        var outcome = await saveClass.CreateAsync(await currentUser.RequireAsync(ct), id, new SaveClass.Request(name, level), ct);
        return await AfterAsync(id, "class", "class-created", outcome, ct);
    }

    public async Task<IActionResult> OnPostGroupAsync(Guid id, string? name, CancellationToken ct)
    {
        GroupName = name;
        var outcome = await groups.CreateAsync(await currentUser.RequireAsync(ct), id, name, ct);
        return await AfterAsync(id, "group", "group-created", outcome, ct);
    }

    public async Task<IActionResult> OnPostBlockProfileAsync(Guid id, Profile profile, CancellationToken ct) =>
        await AfterAsync(id, "profile", "profile-blocked", await blockProfile.BlockAsync(await currentUser.RequireAsync(ct), id, profile, ct), ct);

    public async Task<IActionResult> OnPostUnblockProfileAsync(Guid id, Profile profile, CancellationToken ct) =>
        await AfterAsync(id, "profile", "profile-unblocked", await blockProfile.UnblockAsync(await currentUser.RequireAsync(ct), id, profile, ct), ct);

    private async Task<IActionResult> AfterAsync<T>(Guid id, string form, string done, Outcome<T> outcome, CancellationToken ct)
    {
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Error = string.Join(" ", errors.Values.SelectMany(k => k).Select(k => s[k].Value));
            ErrorForm = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return Redirect($"/admin/structures/{id}?done={done}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        var detail = await view.HandleAsync(me, id, ct);
        Structure = detail!;
        PendingReports = detail is null ? 0 : await moderation.CountAsync(me, id, ct) ?? 0;
        return detail is not null;
    }
}
