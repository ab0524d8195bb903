using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Resources;
using Preau.Admin.Rights;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Rights;

/// <summary>A school's applications and who may use each action: a table per application, profiles and groups as columns.</summary>
public sealed class AppsModel(CurrentUser currentUser, ViewAppRights view, SaveAppRights save, IStringLocalizer<AdminStrings> s) : PageModel
{
    public ViewAppRights.Matrix Matrix { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>
    /// Saves one application's table: each ticked box is "action|p:Profile" or "action|g:groupId";
    /// a group chosen in the list gets the application's access (its other actions are ticked after).
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid id, string? app, string[]? r, Guid? addGroup, CancellationToken ct)
    {
        var me = await currentUser.RequireAsync(ct);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var shown = Matrix.Apps.FirstOrDefault(a => string.Equals(a.Id, app, StringComparison.Ordinal));
        if (shown is null)
        {
            return NotFound();
        }

        var ticked = (r ?? []).Select(v => v.Split('|', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1], StringComparer.Ordinal);
        var actions = shown.Actions.Select((a, index) =>
        {
            var profiles = ticked[a.Action].Where(v => v.StartsWith("p:", StringComparison.Ordinal))
                .Select(v => Enum.TryParse<Profile>(v[2..], out var p) ? p : (Profile)0).ToList();
            var groups = ticked[a.Action].Where(v => v.StartsWith("g:", StringComparison.Ordinal))
                .Select(v => Guid.TryParse(v[2..], CultureInfo.InvariantCulture, out var g) ? g : Guid.Empty).ToList();
            if (index == 0 && addGroup is { } added && !groups.Contains(added))
            {
                groups.Add(added);
            }

            return new SaveAppRights.ActionRequest(a.Action, profiles, groups);
        }).ToList();
        return await AfterAsync(id, "saved", await save.SaveAsync(me, id, new SaveAppRights.Request(actions), ct), ct);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, "reset", await save.ResetAsync(await currentUser.RequireAsync(ct), id, ct), ct);

    private async Task<IActionResult> AfterAsync(Guid id, string done, Outcome<Done> outcome, CancellationToken ct)
    {
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

        return Redirect($"/admin/structures/{id}/apps?done={done}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var matrix = await view.HandleAsync(await currentUser.RequireAsync(ct), id, ct);
        Matrix = matrix!;
        return matrix is not null;
    }
}
