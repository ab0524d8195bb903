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

    /// <summary>
    /// For many messages (digests): one connection for the whole batch where the transport has
    /// connections (SMTP), one message at a time otherwise.
    /// </summary>
    Task<IMailBatch> OpenBatchAsync(CancellationToken ct) => Task.FromResult<IMailBatch>(new OneByOneBatch(this));

    private sealed class OneByOneBatch(IMailTransport transport) : IMailBatch
    {
        public Task DeliverAsync(MimeKit.MimeMessage message, CancellationToken ct) => transport.DeliverAsync(message, ct);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>
/// Messages delivered in one go. <see cref="DeliverAsync"/> throws <see cref="MailRejectedException"/>
/// when the server refuses this one recipient (the batch goes on), anything else when delivery
/// itself failed.
/// </summary>
public interface IMailBatch : IAsyncDisposable
{
    Task DeliverAsync(MimeKit.MimeMessage message, CancellationToken ct);
}

/// <summary>The server refused one message's recipient: trying again will not help, the others may go on.</summary>
public sealed class MailRejectedException(string message, Exception inner) : Exception(message, inner);
