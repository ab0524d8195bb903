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

/// <summary>SMTP through MailKit: one connection per message (the platform sends few, and never in bulk).</summary>
public sealed class SmtpTransport(IOptions<MailOptions> mail) : IMailTransport
{
    public async Task DeliverAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = mail.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
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

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
