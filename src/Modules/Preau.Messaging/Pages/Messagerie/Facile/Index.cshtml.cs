using Microsoft.AspNetCore.Mvc;
using Preau.Messaging.Domain;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Young;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie.Facile;

/// <summary>The simple mailbox's door: two big buttons, "Écrire" and "Mes messages" (with the new ones counted).</summary>
public sealed class IndexModel(Shell shell, YoungMail mail, ReadMailbox mailbox) : YoungPage(shell, mail)
{
    /// <summary>"parti" after a message left.</summary>
    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        Unread = (await mailbox.CountsAsync(Me.Id, ct))[SystemFolders.Inbox].Unread;
        return Page();
    }
}
