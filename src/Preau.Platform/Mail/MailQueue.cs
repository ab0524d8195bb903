using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Preau.Platform.Mail;

/// <summary>
/// The registered <see cref="IMailSender"/>: a bounded in-memory queue drained by a background
/// service. Delivery failures are logged with the recipient's domain only (never the message,
/// which may hold a code). Messages still queued when the process stops are lost: they are
/// one-time codes, which the person can ask for again.
/// </summary>
public sealed partial class MailQueue(IOptions<MailOptions> options, ILogger<MailQueue> logger) : IMailSender
{
    private readonly Channel<OutgoingMail> _channel = Channel.CreateBounded<OutgoingMail>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    internal ChannelReader<OutgoingMail> Reader => _channel.Reader;

    public ValueTask<bool> SendAsync(OutgoingMail message, CancellationToken ct)
    {
        var queued = _channel.Writer.TryWrite(message);
        if (!queued)
        {
            LogQueueFull(logger, Domain(message.To));
        }

        return ValueTask.FromResult(queued);
    }

    /// <summary>The MIME message: From, To, Subject, plain text and HTML alternatives.</summary>
    public MimeMessage Compose(OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? string.Empty, mail.To));
        message.Subject = mail.Subject;
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var alternative = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = mail.TextBody },
            new TextPart(TextFormat.Html) { Text = mail.HtmlBody },
        };
        message.Body = alternative;
        return message;
    }

    /// <summary>The part of an address logs may keep: its domain.</summary>
    public static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 ? address[(at + 1)..] : "?";
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Mail queue full: a message to a {Domain} address was dropped")]
    private static partial void LogQueueFull(ILogger logger, string domain);
}

/// <summary>Drains the queue through the configured transport, one message at a time.</summary>
public sealed partial class MailDelivery(MailQueue queue, IMailTransport transport, ILogger<MailDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var mail in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await transport.DeliverAsync(queue.Compose(mail), stoppingToken);
                    var domain = MailQueue.Domain(mail.To);
                    LogSent(logger, domain);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    var domain = MailQueue.Domain(mail.To);
                    LogFailed(logger, e, domain);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Mail sent to a {Domain} address")]
    private static partial void LogSent(ILogger logger, string domain);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Mail to a {Domain} address could not be delivered")]
    private static partial void LogFailed(ILogger logger, Exception exception, string domain);
}
