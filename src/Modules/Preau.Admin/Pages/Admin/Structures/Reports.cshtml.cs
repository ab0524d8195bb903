using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Admin.Moderation.Features;
using Preau.Platform.Security;

namespace Preau.Admin.Pages.Admin.Structures;

/// <summary>The reported items of a school's feed: keep or remove each, then back to the queue with what was done.</summary>
public sealed class ReportsModel(CurrentUser currentUser, ModerationQueue queue, DecideReport decide) : PageModel
{
    public ModerationQueue.Queue Queue { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await queue.HandleAsync(await currentUser.RequireAsync(ct), id, PageNumber, ct);
        if (found is null)
        {
            return NotFound();
        }

        Queue = found;
        return Page();
    }

    public async Task<IActionResult> OnPostKeepAsync(Guid id, long eventId, CancellationToken ct) =>
        await decide.KeepAsync(await currentUser.RequireAsync(ct), id, eventId, ct) ? Redirect(Back(id, "kept")) : NotFound();

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, long eventId, CancellationToken ct) =>
        await decide.RemoveAsync(await currentUser.RequireAsync(ct), id, eventId, ct) ? Redirect(Back(id, "removed")) : NotFound();

    public static string PageUrl(Guid id, int page) => $"/admin/structures/{id}/signalements" + (page > 1 ? $"?page={page}" : "");

    private string Back(Guid id, string done) => PageUrl(id, PageNumber) + (PageNumber > 1 ? "&" : "?") + "done=" + done;
}
