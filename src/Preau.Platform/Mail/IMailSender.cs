namespace Preau.Platform.Mail;

/// <summary>
/// Sends the platform's messages. The registered sender queues the message and returns at once:
/// a page answers as fast whether a message leaves or not, and a mail server's failure is logged,
/// never shown to the person.
/// </summary>
public interface IMailSender
{
    /// <summary>Hands the message over for delivery; returns false only when it could not even be queued.</summary>
    ValueTask<bool> SendAsync(OutgoingMail message, CancellationToken ct);
}

/// <summary>Delivers one message now (SMTP, or a file in the pickup folder); throws on failure.</summary>
public interface IMailTransport
{
    Task DeliverAsync(MimeKit.MimeMessage message, CancellationToken ct);
}
