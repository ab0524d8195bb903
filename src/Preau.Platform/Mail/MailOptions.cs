namespace Preau.Platform.Mail;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or a trusted network only).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>Bound from "Mail". Without <c>Mail:Smtp:Host</c>, messages are written as .eml files to {DataPath}/mail/.</summary>
public sealed class MailOptions
{
    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "no-reply@preau.localhost";

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "Préau";

    /// <summary>
    /// The site's public address for links in messages (https://ent.example.fr). Set it in
    /// production: without it, links follow the address the request came to.
    /// </summary>
    public string? PublicUrl { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where the embedded default writes its messages; empty means {DataPath}/mail.</summary>
    public string? PickupFolder { get; set; }
}

/// <summary>Bound from "Mail:Smtp".</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? User { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
