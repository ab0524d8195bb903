namespace Preau.Platform.Mail;

/// <summary>
/// One message to one person: a subject, a plain-text body and its simple HTML twin. No images,
/// no tracking, no external resources.
/// </summary>
public sealed record OutgoingMail(string To, string? ToName, string Subject, string TextBody, string HtmlBody);
