using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Preau.Platform.Hosting;

namespace Preau.Platform.Mail;

/// <summary>The embedded default: each message becomes an .eml file in {DataPath}/mail/ (or Mail:PickupFolder).</summary>
public sealed class PickupFolderTransport(IOptions<MailOptions> mail, IOptions<PreauOptions> preau, TimeProvider clock) : IMailTransport
{
    public string Folder => string.IsNullOrWhiteSpace(mail.Value.PickupFolder)
        ? Path.Combine(preau.Value.FullDataPath, "mail")
        : Path.GetFullPath(mail.Value.PickupFolder);

    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Folder);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(Folder, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(stream, ct);
        }

        // Renamed once complete, so a reader of the folder never sees half a message.
        File.Move(temporary, Path.Combine(Folder, name));
    }
}

/// <summary>SMTP through MailKit: one connection per message, or one per batch (digests).</summary>
public sealed class SmtpTransport(IOptions<MailOptions> mail) : IMailTransport
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        await using var batch = await OpenBatchAsync(ct);
        await batch.DeliverAsync(message, ct);
    }

    public async Task<IMailBatch> OpenBatchAsync(CancellationToken ct)
    {
        var smtp = mail.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Mail:Smtp:Host is not set."), smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, ct);
            }

            return new SmtpBatch(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class SmtpBatch(SmtpClient client) : IMailBatch
    {
        public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
        {
            try
            {
                await client.SendAsync(message, ct);
            }
            catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
            {
                throw new MailRejectedException("The server refused the recipient.", e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
            {
                // The messages were delivered or not already; a failed goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
