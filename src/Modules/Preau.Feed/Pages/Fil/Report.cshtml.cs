using Preau.Platform.Feed;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Feed.Features.FeedReading;
using Preau.Platform.Theming;

namespace Preau.Feed.Pages.Fil;

/// <summary>
/// Reporting an item to the school's moderators: the item, an optional reason, a button. Young
/// pupils are asked one plain question instead ("Ça ne va pas ? Prévenir un adulte ?").
/// </summary>
public sealed class ReportModel(Shell shell, FeedItemActions items, FeedApps apps) : PageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public ShellView View { get; private set; } = null!;

    public FeedItemView Item { get; private set; } = null!;

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error = FeedItemActions.ValidateReason(Reason);
        if (Error is not null)
        {
            return Page();
        }

        await items.ReportAsync(View.User!.Id, id, View.IsYoungPupil ? null : Reason, ct);
        return LocalRedirect("/fil?fait=signale");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        if (await items.FindAsync(View.User!.Id, id, ct) is not { } item)
        {
            return false;
        }

        Item = new FeedItemView(item, apps.Describe(item.App), View.IsYoungPupil, "/fil");
        return true;
    }
}
