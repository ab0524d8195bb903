using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Messaging.Features.Moderation;
using Preau.Platform.Kernel;
using Preau.Platform.Security;

namespace Preau.Messaging.Pages.Messagerie.Admin;

/// <summary>
/// The school's messaging moderation: the reported messages to keep or remove, and the mass-send
/// alerts to look at ("Vu"), each with the way to the sender's account in the admin console.
/// </summary>
public sealed class QueueModel(CurrentUser currentUser, ModerateMessages moderation) : PageModel
{
    public ModerateMessages.Queue Queue { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public static string PageUrl(Guid structureId) => RulesModel.PageUrl(structureId) + "/signalements";

    public async Task<IActionResult> OnGetAsync(Guid structureId, CancellationToken ct)
    {
        var queue = await moderation.QueueAsync(await currentUser.RequireAsync(ct), structureId, ct);
        if (!queue.Found)
        {
            return NotFound();
        }

        Queue = queue.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostKeepAsync(Guid structureId, Guid messageId, CancellationToken ct) =>
        After(structureId, await moderation.KeepAsync(await currentUser.RequireAsync(ct), structureId, messageId, ct), "kept");

    public async Task<IActionResult> OnPostRemoveAsync(Guid structureId, Guid messageId, CancellationToken ct) =>
        After(structureId, await moderation.RemoveAsync(await currentUser.RequireAsync(ct), structureId, messageId, ct), "removed");

    public async Task<IActionResult> OnPostSeenAsync(Guid structureId, Guid alertId, CancellationToken ct) =>
        After(structureId, await moderation.AcknowledgeAsync(await currentUser.RequireAsync(ct), structureId, alertId, ct), "seen");

    private IActionResult After(Guid structureId, Outcome<Done> outcome, string done) =>
        outcome.Found ? Redirect(PageUrl(structureId) + "?done=" + done) : NotFound();
}
