using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Preau.Admin.Notifications;
using Preau.Admin.Resources;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin;

/// <summary>"Notifications par défaut": the SuperAdmin's table per type, a channel and a push box per profile; 404 for anyone else.</summary>
public sealed class FeedDefaultsModel(CurrentUser currentUser, ViewFeedDefaults view, SaveFeedDefaults save, IStringLocalizer<AdminStrings> s) : PageModel
{
    public ViewFeedDefaults.Matrix Matrix { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Saves the whole table: each cell's channel is "c.{type}.{profile}", each ticked push box "{type}|{profile}".</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var form = await Request.ReadFormAsync(ct);
        var pushed = form["p"].ToHashSet(StringComparer.Ordinal);
        var cells = Matrix.Apps.SelectMany(a => a.Types).SelectMany(t => t.Profiles.Select(c => new SaveFeedDefaults.CellRequest(
            t.Type, c.Profile.ToString(), form[$"c.{t.Type}.{c.Profile}"].FirstOrDefault(), pushed.Contains($"{t.Type}|{c.Profile}")))).ToList();
        return await AfterAsync("saved", await save.SaveAsync(await currentUser.RequireAsync(ct), new SaveFeedDefaults.Request(cells), ct), ct);
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct) =>
        await AfterAsync("reset", await save.ResetAsync(await currentUser.RequireAsync(ct), ct), ct);

    private async Task<IActionResult> AfterAsync(string done, Outcome<Done> outcome, CancellationToken ct)
    {
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (outcome.Errors is { } errors)
        {
            Error = string.Join(" ", errors.Values.SelectMany(k => k).Select(k => s[k].Value));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        return Redirect($"/admin/feed-defaults?done={done}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var matrix = await view.HandleAsync(await currentUser.RequireAsync(ct), ct);
        Matrix = matrix!;
        return matrix is not null;
    }
}
