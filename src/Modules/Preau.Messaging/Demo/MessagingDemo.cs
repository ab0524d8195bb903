using Preau.Messaging.Features.Compose;
using Preau.Messaging.Features.Sending;
using Preau.Platform.Demo;
using Preau.Platform.Kernel;

namespace Preau.Messaging.Demo;

/// <summary>
/// The demo's messages: Claire writes to her class's parents about the classe verte, and Sophie
/// answers her in the same thread — sent through the messagerie's use cases, so that inboxes,
/// the thread and the notification feed hold them as after a real exchange.
/// </summary>
internal sealed class MessagingDemo(SaveDraft drafts, SendMessage send) : IDemoContent
{
    public const string Subject = "Classe verte : réunion d’information jeudi";

    public int Order => 20;

    public async Task SeedAsync(DemoPeople people, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(people);
        var claire = await people.PersonAsync("claire.martin", ct);
        var sophie = await people.PersonAsync("sophie.dubois", ct);
        var parents = await people.ClassGroupAsync("CE2 A", Profile.Relative, ct);

        var first = await SendAsync(claire, new DraftContent([new RecipientRef(parents, true)], [], [], Subject,
            "<p>Bonjour à toutes et à tous,</p>"
            + "<p>La classe partira en classe verte du 18 au 20 mai. Je vous propose une réunion d’information <strong>jeudi à 17 h</strong> dans la classe.</p>"
            + "<p>Le programme et la liste du trousseau sont dans le dossier « Classe verte », partagé avec vous dans l’espace documentaire.</p>"
            + "<p>Bien cordialement,<br>Claire Martin</p>"), null, ct);
        await SendAsync(sophie, new DraftContent([new RecipientRef(claire.Id, false)], [], [], "Re\u00A0: " + Subject,
            "<p>Bonjour Madame Martin,</p><p>Merci pour ces informations, nous serons là jeudi. Léa en parle déjà tous les soirs !</p><p>Sophie Dubois</p>"), first, ct);
    }

    private async Task<Guid> SendAsync(UserContext me, DraftContent content, Guid? parent, CancellationToken ct)
    {
        var draft = await drafts.CreateAsync(me, content, parent, ct);
        var sent = draft.Value is { } saved ? await send.NowAsync(me, saved.Id, ct) : null;
        return sent?.Value?.Id ?? throw new InvalidOperationException($"The demo message \"{content.Subject}\" could not be sent.");
    }
}
