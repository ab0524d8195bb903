using Microsoft.AspNetCore.Mvc;
using Preau.Messaging.Features.Young;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie.Facile;

/// <summary>"Mes messages": the received messages as big cards, newest first, each read aloud on demand.</summary>
public sealed class MessagesModel(Shell shell, YoungMail mail) : YoungPage(shell, mail)
{
    [BindProperty(SupportsGet = true, Name = "apres")]
    public string? After { get; set; }

    public IReadOnlyList<YoungLetter> Letters { get; private set; } = [];

    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EnterAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        (Letters, Next) = await Mail.ReceivedAsync(Me, After, ct);
        return Page();
    }
}
