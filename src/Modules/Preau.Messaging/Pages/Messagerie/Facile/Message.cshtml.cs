using Microsoft.AspNetCore.Mvc;
using Preau.Messaging.Features.Mailbox;
using Preau.Messaging.Features.Young;
using Preau.Platform.Theming;

namespace Preau.Messaging.Pages.Messagerie.Facile;

/// <summary>One message, big: who wrote it, its text, "Écouter" and "Répondre". Opening it marks it read.</summary>
public sealed class MessageModel(Shell shell, YoungMail mail, OpenMessage open) : YoungPage(shell, mail)
{
    public MessageView Message { get; private set; } = null!;

    public string Spoken { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await EnterAsync(ct) is { } elsewhere)
        {
            return elsewhere;
        }

        var message = await open.OpenAsync(Me, id, ct);
        if (message is null || message.State is Domain.MessageState.Draft or Domain.MessageState.Scheduled)
        {
            return NotFound();
        }

        Message = message;
        Spoken = YoungMail.Spoken(message.SenderName, message.Subject, message.IsRecalled && message.Received ? "" : Mail.PlainText(message.Body));
        return Page();
    }
}
