using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Preau.Messaging.Features.Young;
using Preau.Platform.Kernel;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie.Facile;

/// <summary>
/// What the simple mailbox's pages share: the shell's view, the signed-in pupil, and the door —
/// someone who is not a 1st-degree pupil goes to the full messagerie; someone without the
/// messagerie's right finds nothing here.
/// </summary>
public abstract class YoungPage(Shell shell, YoungMail mail) : PageModel
{
    public const string Home = "/messagerie/facile";

    public ShellView View { get; private set; } = null!;

    public UserContext Me { get; private set; } = null!;

    protected YoungMail Mail => mail;

    /// <summary>Null when the page may go on; otherwise where to go instead (the full messagerie, or a 404).</summary>
    protected async Task<IActionResult?> EnterAsync(CancellationToken ct)
    {
        View = await shell.GetAsync(ct);
        Me = View.User!;
        if (!await mail.AllowedAsync(Me, ct))
        {
            return NotFound();
        }

        return View.IsYoungPupil ? null : LocalRedirect("/messagerie");
    }
}
